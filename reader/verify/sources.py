"""Where a card's source text is, and its parsed form, read once per content.

A card's ``source.file`` is looked for in the set folder, then in the set's sources folder
(``sources:`` in cardset.yaml, checked to stay inside the set folder), then in the folder
the reader chose for this set (in the window, remembered per set) or gave on the command line
(``--sources DIR``). Wherever it is found, the file must resolve inside the folder it was
found in: a card from someone else can never name the reader's own files.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from reader.cards.file_reading import (
    MAX_SOURCE_BYTES,
    UnreadableFileError,
    YamlError,
    decode,
    read_limited,
)
from reader.cards.model import Card, SetInfo
from reader.verify.source_text import SourceText

#: Parsed sources kept in memory; a set rarely has more distinct source texts in use at once.
CACHED_SOURCES = 32


def source_folders(root: Path, info: SetInfo, chosen: Path | None = None) -> list[Path]:
    """The folders a card's ``source.file`` is looked for in, in order."""
    folders = [root]
    if info.sources:
        folders.append(root / info.sources)
    if chosen is not None:
        folders.append(chosen)
    return folders


class Availability(Enum):
    AVAILABLE = "available"
    NOT_FOUND = "not found"
    NO_FILE = "no source file given"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """What the card header says of a card's source text."""

    availability: Availability
    path: Path | None = None
    #: Why it cannot be read, for UNREADABLE.
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.availability is Availability.AVAILABLE


def find_source_file(card: Card, folders: list[Path]) -> Path | None:
    """The source text for ``card`` in the first folder that has it, never outside them.

    Whatever exists under the name is returned, so that reading it says what is wrong with
    it (a folder, a pipe, too large). A name no file can have (a NUL character, too long, a
    link loop) raises :class:`UnreadableFileError`.
    """
    name = card.source.file
    if not name:
        return None
    if "\0" in name:
        raise UnreadableFileError("it holds a NUL character, which no file name can")
    for folder in folders:
        try:
            base = folder.resolve()
            candidate = (base / name).resolve()
            if candidate.is_relative_to(base) and candidate.exists():
                return candidate
        except (OSError, RuntimeError) as exc:  # RuntimeError: resolve() found a link loop
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise UnreadableFileError(f"the name cannot be looked up ({reason})") from None
    return None


def source_status(card: Card, folders: list[Path]) -> SourceStatus:
    if not card.source.file:
        return SourceStatus(Availability.NO_FILE)
    try:
        path = find_source_file(card, folders)
    except UnreadableFileError as exc:
        return SourceStatus(Availability.UNREADABLE, reason=str(exc))
    if path is None:
        return SourceStatus(Availability.NOT_FOUND)
    return SourceStatus(Availability.AVAILABLE, path)


def read_source(path: Path) -> str:
    """A source text: a regular UTF-8 file of at most ``MAX_SOURCE_BYTES``."""
    return decode_source(read_limited(path, MAX_SOURCE_BYTES, "a source text"))


def decode_source(data: bytes) -> str:
    try:
        return decode(data)
    except YamlError as exc:
        raise UnreadableFileError(exc.message) from None


class SourceTexts:
    """Parsed source texts, each parsed once per content and line range (an LRU by digest).

    Several cards often cite one source, and the window parses a source whenever a card of
    it is shown; the bytes are read each time (cheap, and an edited file is seen), the
    parsing is not repeated. Safe to share between threads.
    """

    def __init__(self, size: int = CACHED_SOURCES) -> None:
        self._size = size
        self._parsed: OrderedDict[tuple[bytes, tuple[int, int] | None], SourceText] = OrderedDict()
        self._lock = threading.Lock()

    def load(self, path: Path, lines: tuple[int, int] | None) -> SourceText:
        """The source at ``path``, parsed; raises :class:`UnreadableFileError`."""
        data = read_limited(path, MAX_SOURCE_BYTES, "a source text")
        key = (hashlib.sha256(data).digest(), lines)
        with self._lock:
            if key in self._parsed:
                self._parsed.move_to_end(key)
                return self._parsed[key]
        parsed = SourceText.parse(decode_source(data), lines)
        with self._lock:
            self._parsed[key] = parsed
            while len(self._parsed) > self._size:
                self._parsed.popitem(last=False)
        return parsed
