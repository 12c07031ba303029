"""A card that does not load yet, as the source pane needs it: its source file and lines.

A new card's skeleton keeps its placeholder text until the writer replaces it, and the loader
leaves a card with errors out of the list, so the window has no :class:`Card` for it; yet the
editor shows it beside its source from the start, and quotes are captured from that source.
The stand-in carries the file's id, title and ``source.file``/``lines`` only: the source pane
reads and shows that text (nothing of the card is cited yet, as far as the pane knows).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reader.authoring.files import read_text
from reader.cards.dates import PartialDate
from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import Card, Source
from reader.cards.safe_yaml import YamlError, read_yaml


def parse_lines(value: object) -> tuple[int, int] | None:
    """``source.lines`` as written (``"11-33"``) as a range; None when it is not one."""
    if not isinstance(value, str):
        return None
    first, _, last = value.partition("-")
    if not (first.strip().isdigit() and last.strip().isdigit()):
        return None
    return int(first), int(last)


def stand_in(path: Path, root: Path) -> Card | None:
    """The stand-in for the card file ``path`` of the set at ``root``; None when it cannot be
    read or names no source file."""
    try:
        data = read_yaml(read_text(path).removeprefix("\ufeff")).data
    except (UnreadableFileError, YamlError, OSError):
        return None
    source = data.get("source") if isinstance(data, dict) else None
    file = source.get("file") if isinstance(source, dict) else None
    if not isinstance(data, dict) or not isinstance(source, dict) or not isinstance(file, str):
        return None
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.name
    card_id, title = data.get("id"), data.get("title")
    return Card(
        card_id if isinstance(card_id, str) and card_id else path.stem,
        title if isinstance(title, str) else path.stem,
        Source(
            "", PartialDate(date.today().year), file=file, lines=parse_lines(source.get("lines"))
        ),
        "",
        "",
        (),
        (),
        path=relative,
    )
