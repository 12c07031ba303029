"""The log and the last-resort exception hooks: a bug in the field leaves its traceback behind.

The log is a rotating file in the user's state folder,
``$XDG_STATE_HOME/briefing-reader/briefing-reader.log`` (``~/.local/state/…`` by default;
``$BRIEFING_READER_STATE_DIR`` overrides the folder, as ``$BRIEFING_READER_CACHE_DIR`` does for
the index). It is opened on its first record, so a command with nothing to say never touches the
disk, and a folder that cannot be written only means there is no file: logging never ends the
program and never prints about itself. ``--debug`` logs everything, on stderr too.

Only the ``reader`` logger is configured: the modules' ``logging.getLogger(__name__)`` loggers
feed it, and third-party libraries' chatter stays out of the user's log.

:func:`install_excepthooks` logs what nothing else caught, on the UI thread (``sys.excepthook``,
which PySide also calls for exceptions in slots and virtual methods) and on other threads
(``threading.excepthook``), then hands the user a readable sentence; how it is shown is the
window's business (:mod:`reader.ui.crash`), since this layer has no widgets.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

from reader import __version__

STATE_ENV = "BRIEFING_READER_STATE_DIR"
LOG_NAME = "briefing-reader.log"
#: Each file's size before it rotates, and how many old files are kept: a bounded 4 MiB.
MAX_BYTES, BACKUPS = 1 << 20, 3
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

_package = logging.getLogger("reader")
_logger = logging.getLogger(__name__)
#: The handlers the last :func:`setup_logging` added, replaced by the next call.
_installed: list[logging.Handler] = []

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_state_dir() -> Path:
    """``$BRIEFING_READER_STATE_DIR``, else ``$XDG_STATE_HOME/briefing-reader``, else
    ~/.local/state/…: the XDG home for logs, which survive a cache clean-up."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME")
    return (Path(base) if base else Path.home() / ".local" / "state") / "briefing-reader"


class _LogFile(RotatingFileHandler):
    """The rotating log file; it creates its folder when it first writes, and a failure to
    write is remembered (for :func:`log_saved`) instead of printed, so a log that cannot be
    written never becomes a second problem on the user's terminal."""

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


def setup_logging(level: int = logging.WARNING, *, debug: bool = False) -> Path:
    """Send the ``reader`` logger's records of ``level`` and above to the log file; with
    ``debug``, every record, to stderr as well. Returns the log file's path.

    Called once at program start; calling it again replaces what the last call set up.
    """
    for handler in _installed:
        _package.removeHandler(handler)
        handler.close()
    path = default_state_dir() / LOG_NAME
    handlers: list[logging.Handler] = [_LogFile(path)]
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    formatter = logging.Formatter(FORMAT)
    for handler in handlers:
        handler.setFormatter(formatter)
        _package.addHandler(handler)
    _installed[:] = handlers
    _package.setLevel(logging.DEBUG if debug else level)
    _logger.info(
        "Briefing Reader %s, Python %s on %s; log file %s",
        __version__,
        platform.python_version(),
        platform.platform(),
        path,
    )
    return path


def log_saved() -> Path | None:
    """The log file's path if its last record was written, else ``None`` (no log set up,
    or its folder cannot be written)."""
    files = [h for h in _installed if isinstance(h, _LogFile)]
    if files and files[0].saved and files[0].stream is not None:
        return Path(files[0].baseFilename)
    return None


def problem_message(exc: BaseException, saved_to: Path | None) -> str:
    """What the user is told about an unexpected exception: that it happened, that the
    program carries on, and where the details are (or how to get them)."""
    summary = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if len(summary) > 200:
        summary = summary[:199] + "…"
    where = (
        f"The details were saved to {saved_to}."
        if saved_to is not None
        else "The details could not be saved to a log file; start briefing-reader --debug "
        "from a terminal to see them."
    )
    return (
        f"Briefing Reader hit an unexpected problem ({summary}). It keeps running, but what "
        f"you were doing may not have finished. {where}"
    )


def install_excepthooks(notify: Callable[[str], None]) -> Callable[[], None]:
    """Log every uncaught exception with its traceback, on any thread, and pass
    :func:`problem_message` to ``notify`` (which may be called from any thread).

    Returns a function that puts the previous hooks back. Ctrl+C is left to them.
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def report(exc_info: ExcInfo, where: str) -> None:
        _logger.error("Uncaught exception %s", where, exc_info=exc_info)
        notify(problem_message(exc_info[1], log_saved()))

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, exc, tb)
            return
        report((kind, exc, tb), f"in thread {threading.current_thread().name}")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:  # (typeshed allows it; an exception is always there)
            previous_thread_hook(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        report((args.exc_type, args.exc_value, args.exc_traceback), f"in thread {name}")

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook

    sys.excepthook, threading.excepthook = hook, thread_hook
    return restore
