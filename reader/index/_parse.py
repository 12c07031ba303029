"""The index's parsing: a card file into its row (the workers' task), a stored card's file back
into its :class:`Card`, the set file into the set's declarations.

Everything here needs the card parser (YAML, the schema's validators), which a window's warm
open does not import before it has listed the set from the index's stored state (#17 §4). So
no other index module imports this one at its top: each reaches it through
:func:`reader.index._parser.parser` (see there for when it is imported, and on which thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.cards.card_file import parse_card
from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.load import load_card_file, load_set, load_set_info
from reader.cards.model import Card
from reader.cards.set_file import parse_set_file
from reader.cards.set_walk import CardFile
from reader.index._rows import FileRow, FileStamp, content_digest, make_row

__all__ = [
    "load_set",
    "load_set_info",
    "parse_file",
    "parse_files",
    "parse_set_file",
    "restore_card",
]


def parse_file(stamp: FileStamp, topics: frozenset[str] | None) -> FileRow:
    if stamp.problems is not None:
        return make_row(stamp, None, None, [])._replace(problems=stamp.problems)
    card_file = CardFile(Path(stamp.path), stamp.rel)
    try:
        data = read_limited(card_file.path)
    except UnreadableFileError:
        # load_card_file words the problem; it is the one definition of that message.
        card, problems = load_card_file(card_file, topics)
        return make_row(stamp, None, card, problems)
    card, problems = parse_card(stamp.rel, data, topics)
    return make_row(stamp, content_digest(data), card, problems)


def parse_files(stamps: Sequence[FileStamp], topics: frozenset[str] | None) -> list[FileRow]:
    """A worker's task: a chunk of files at a time, so that messages stay few and large."""
    return [parse_file(stamp, topics) for stamp in stamps]


def restore_card(rel: str, data: bytes, topics: frozenset[str] | None) -> Card | None:
    return parse_card(rel, data, topics)[0]
