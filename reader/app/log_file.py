"""The log file itself: rotating, opened on its first record, and quiet about its own failures.

Apart from :mod:`reader.app.log` because :mod:`logging.handlers` brings sockets, pickle and
queues with it: a window imports this only once it has painted its list
(:func:`reader.app.log.open_held_log`).
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

#: Each file's size before it rotates, and how many old files are kept: a bounded 4 MiB.
MAX_BYTES, BACKUPS = 1 << 20, 3


class LogFile(RotatingFileHandler):
    """The rotating log file; it creates its folder when it first writes, and a failure to
    write is remembered (for :func:`reader.app.log.log_saved`) instead of printed, so a log
    that cannot be written never becomes a second problem on the user's terminal."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            maxBytes=MAX_BYTES,
            backupCount=BACKUPS,
            encoding="utf-8",
            errors="backslashreplace",  # file names that are not UTF-8 still get logged
            delay=True,
        )
        self.saved = True

    def _open(self) -> TextIO:  # type: ignore[override]  # typeshed: a TextIOWrapper
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        self.saved = True
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        self.saved = False
