"""Reading a set's files, as bytes and as text, whatever a shared folder holds under their names.

Every read of a card, the set file or a source text goes through :func:`read_limited`, and
every card's text through :func:`decode`. Neither needs the YAML parser, and most of their
callers (the index's scan, the watcher, the source texts) never parse: the window lists a warm
set before the parser is imported (#17 §4), so this module imports none of it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reader.cards.positions import Position, position_at

#: What a card or the set file may weigh.
MAX_BYTES = 1024 * 1024


class YamlError(Exception):
    """A file that cannot be read as a single YAML document within the limits.

    Defined here, beside :func:`decode`, because the first of the limits (UTF-8 text) is
    checked without the parser; :mod:`reader.cards.safe_yaml` raises it for the rest.
    """

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed) or say exactly where the first bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8").removeprefix("\ufeff")
        line, column = position_at(before, len(before))
        byte = data[exc.start]
        raise YamlError(
            (line, column),
            f"the file is not UTF-8 text: byte 0x{byte:02X} at line {line}, column {column} "
            "cannot be read; save the file with UTF-8 encoding",
        ) from None
    return text.removeprefix("\ufeff")


class UnreadableFileError(Exception):
    """A file whose bytes cannot be had; the message says why in plain words."""


#: What a source text (``source.file``) may weigh: long reports are a few MiB of text.
MAX_SOURCE_BYTES = 16 * 1024 * 1024
_NONBLOCKING = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_limited(path: Path, limit: int = MAX_BYTES, noun: str = "a card") -> bytes:
    """Read a file of the set (a card, the set file, a source text) of at most ``limit`` bytes.

    Every read of a set's files goes through here, because a shared folder can hold
    anything under a card's name: a FIFO blocks a plain read forever, a link to
    ``/dev/zero`` never ends. So only regular files are read: the type and size are checked
    before opening (opening some devices does something), the file is opened without
    blocking and checked again on the open descriptor (it may have been replaced
    meanwhile), and no more than ``limit`` + 1 bytes are read (it may have grown).
    """
    try:
        _check_regular(path.stat(), limit, noun)
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadableFileError("the file cannot be read: it is a broken link") from None
        raise UnreadableFileError("the file disappeared while the set was loading") from None
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None
    try:
        descriptor = os.open(path, _NONBLOCKING)
        try:
            _check_regular(os.fstat(descriptor), limit, noun)
            data = _read_at_most(descriptor, limit + 1)
        finally:
            os.close(descriptor)
    except OSError as exc:
        raise UnreadableFileError(_os_reason(exc)) from None
    if len(data) > limit:
        raise UnreadableFileError(_too_big(len(data), limit, noun))
    return data


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Plain ``os.read`` calls: ``os.fdopen`` imports :mod:`io` when first called, and the
    index reads files on threads where nothing may be imported (see reader.app.loading)."""
    chunks: list[bytes] = []
    while count > 0:
        chunk = os.read(descriptor, min(count, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def _check_regular(info: os.stat_result, limit: int, noun: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFileError(
            "this is a folder, not a card file; rename it or move the cards inside"
            if noun == "a card"
            else f"this is a folder, not {noun}"
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFileError("this is not a regular file (a device or a pipe?)")
    if info.st_size > limit:
        raise UnreadableFileError(_too_big(info.st_size, limit, noun))


def _too_big(size: int, limit: int, noun: str) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MiB; {noun} may be at most "
        f"{limit // 1024 // 1024} MiB"
    )


def _os_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the file cannot be read: permission denied"
    if exc.errno == errno.ELOOP:
        return "the file cannot be read: it is a link that loops back on itself"
    return f"the file cannot be read: {exc.strerror or exc}"
