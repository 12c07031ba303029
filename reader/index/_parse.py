"""The index's parsing: a card file into its row (the workers' task), a stored card's file back
into its :class:`Card`, the set file into the set's declarations.

Everything here needs the card parser (YAML, the schema's validators) or the card model,
which a window's warm open does not import before it has listed the set from the index's
stored state (#17 §4). So no other index module imports this one at its top: each reaches it
through :func:`reader.index._parser.parser` (see there for when it is imported, and on which
thread). That includes making cards from the stored analysis rows (``decode_analysis``), the
skeleton cards of the cross-file checks and the set they are assembled into.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.cards.assembly import assemble
from reader.cards.card_file import parse_card
from reader.cards.dates import PartialDate
from reader.cards.event_order import first_event
from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.load import load_card_file, load_set, load_set_info
from reader.cards.model import Actor, Card, Source
from reader.cards.problems import Problem
from reader.cards.set_file import parse_set_file
from reader.cards.set_walk import CardFile
from reader.index._projection import decode as decode_analysis
from reader.index._projection import encode as encode_analysis
from reader.index._rows import (
    FileRow,
    FileStamp,
    content_digest,
    fulltext,
    join,
    pack,
    problems_json,
)

__all__ = [
    "assemble",
    "decode_analysis",
    "load_set",
    "load_set_info",
    "parse_file",
    "parse_files",
    "parse_set_file",
    "restore_card",
    "skeleton_card",
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


def make_row(
    stamp: FileStamp,
    digest: bytes | None,
    card: Card | None,
    problems: list[Problem],
) -> FileRow:
    found = problems_json(problems)
    if card is None:
        return FileRow(
            stamp.rel, stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode, digest, None,
            None, None, None, None, None, None, None, None, None, None, None, None, None, found,
            None, None, None, "",
        )  # fmt: skip
    src = card.source
    line, column = card.position("id")
    text = fulltext(card)
    return FileRow(
        rel=stamp.rel,
        size=stamp.size,
        mtime_ns=stamp.mtime_ns,
        ctime_ns=stamp.ctime_ns,
        inode=stamp.inode,
        digest=digest,
        topics=join(p.topic for p in card.perspectives),
        card_id=card.id,
        title=card.title,
        publisher=src.publisher,
        published=src.published.iso(),
        year=src.published.year,
        month=src.published.month,
        day=src.published.day,
        kind=src.kind,
        tags=join(card.tags),
        id_line=line,
        id_column=column,
        addressees=join(rec.to for rec in card.recommendations),
        actors=join(actor.name for actor in card.actors),
        problems=found,
        words=pack(text),
        analysis=encode_analysis(card),
        first_event=first_event(card),
        text=text,
    )


#: The skeleton cards' source: none (the cross-file checks read ids, paths and actors).
_NO_SOURCE = Source(publisher="", published=PartialDate(1))


def skeleton_card(card_id: str, rel: str, position: tuple[int, int], names: list[str]) -> Card:
    """A card carrying only what the cross-file checks read (see
    :func:`reader.index._state.load_state`)."""
    return Card(
        id=card_id,
        title="",
        source=_NO_SOURCE,
        thesis="",
        summary="",
        argument=(),
        tags=(),
        actors=tuple(Actor(name) for name in names),
        path=rel,
        positions={("id",): position},
    )
