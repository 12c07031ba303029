"""Reading a card for editing and writing it back whole or not at all.

The editor needs the exact text (to patch it), the data and where each value was written (to
show the loader's diagnostics at their fields). Writes go through the exporter's
:class:`~reader.export.atomic.AtomicFile` (temporary file beside the target, fsync, rename), so
a crash or a full disk never leaves half a card; and a save can say which text it expects to
replace, so a file changed on disk meanwhile (a ``git pull``, another editor) is never
overwritten unseen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.cards.file_reading import UnreadableFileError, read_limited
from reader.cards.safe_yaml import Document, YamlError, decode, read_yaml
from reader.export.atomic import AtomicFile

_BOM = "\ufeff"


class ChangedOnDiskError(Exception):
    """The file no longer holds the text the change was made from; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} changed on disk since it was read; nothing was written")
        self.path = path


@dataclass(frozen=True, slots=True)
class EditableCard:
    """A card file as read for editing: its text exactly (a BOM and CRLF kept), the data the
    loader sees and the positions of its keys and values."""

    path: Path
    text: str
    document: Document

    @property
    def data(self) -> Any:
        return self.document.data


def read_text(path: Path) -> str:
    """The file's text exactly as stored (UTF-8; a byte-order mark kept, so a save without
    changes writes the same bytes). Raises UnreadableFileError or YamlError (not UTF-8)."""
    raw = read_limited(path)
    decode(raw)  # raises the YamlError that says where a byte that is not UTF-8 is
    return raw.decode("utf-8")


def load_for_edit(path: Path) -> EditableCard:
    """Read ``path`` for editing; raises :class:`UnreadableFileError` or :class:`YamlError`
    (with the position) when it cannot be read as one YAML document."""
    text = read_text(path)
    return EditableCard(path, text, read_yaml(text.removeprefix(_BOM)))


def save_atomically(path: Path, text: str, expected: str | None = None) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8, the text's own line breaks).

    With ``expected``, refuse with :class:`ChangedOnDiskError` when the file on disk no longer
    holds that text (a missing file counts as changed unless ``expected`` is empty).
    """
    with AtomicFile(path) as out:
        if expected is not None and _current(path) != expected:
            raise ChangedOnDiskError(path)
        out.write(text.encode("utf-8"))
        out.commit()


def _current(path: Path) -> str:
    if not os.path.lexists(path):
        return ""
    try:
        return read_text(path)
    except (UnreadableFileError, YamlError):
        return "\0unreadable"  # never equal to a text the caller read
