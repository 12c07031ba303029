"""The log and the last-resort exception hooks: a bug in the field leaves its traceback behind.

The log is a rotating file in the user's state folder,
``$XDG_STATE_HOME/briefing-reader/briefing-reader.log`` (``~/.local/state/…`` by default;
``$BRIEFING_READER_STATE_DIR`` overrides the folder, as ``$BRIEFING_READER_CACHE_DIR`` does for
the index). It is opened on its first record, so a command with nothing to say never touches the
disk, and a folder that cannot be written only means there is no file: logging never ends the
program and never prints about itself. ``--debug`` logs everything, on stderr too. A window's
first records are held until it has painted its list (``held``, :func:`open_held_log`).

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
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reader import __version__

STATE_ENV = "BRIEFING_READER_STATE_DIR"
LOG_NAME = "briefing-reader.log"
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"

_package = logging.getLogger("reader")
_logger = logging.getLogger(__name__)
#: The handlers the last :func:`setup_logging` added, replaced by the next call.
_installed: list[logging.Handler] = []
#: Held while :func:`open_held_log` swaps the held records' handler for the file's.
_lock = threading.RLock()

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def default_state_dir() -> Path:
    """``$BRIEFING_READER_STATE_DIR``, else ``$XDG_STATE_HOME/briefing-reader``, else
    ~/.local/state/…: the XDG home for logs, which survive a cache clean-up."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    base = os.environ.get("XDG_STATE_HOME")
    return (Path(base) if base else Path.home() / ".local" / "state") / "briefing-reader"


class _Held(logging.Handler):
    """Holds the records of a window's start until :func:`open_held_log`, which the window
    calls once it has painted its list: the rotating file handler's module (sockets, pickle,
    queues) and the platform's name (a ``uname -p`` process) cost the start some 8 ms of
    CPU otherwise. A warning or worse opens the file at once, with what was held before it,
    and so does the program's end (:func:`logging.shutdown` closes every handler): a window
    that cannot start leaves the same lines in the log as before."""

    def __init__(self, path: Path, formatter: logging.Formatter) -> None:
        super().__init__()
        self.path = path
        self.setFormatter(formatter)
        self.records: list[logging.LogRecord] = []
        #: The file, once open: a record that was on its way here meanwhile goes on to it.
        self.file: logging.Handler | None = None

    def createLock(self) -> None:  # noqa: N802 - logging API
        # One lock with open_held_log: a record is held or written, never lost between.
        self.lock = _lock

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is not None:
            self.file.handle(record)
            return
        self.records.append(record)
        if record.levelno >= logging.WARNING:
            open_held_log()

    def close(self) -> None:
        open_held_log()
        super().close()


class _Lazy:
    """A log message's argument worked out only when the record is written."""

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make

    def __str__(self) -> str:
        return self._make()


def _python_version() -> str:
    import platform

    return platform.python_version()


def _platform() -> str:
    import platform

    return platform.platform()


def setup_logging(level: int = logging.WARNING, *, debug: bool = False, held: bool = False) -> Path:
    """Send the ``reader`` logger's records of ``level`` and above to the log file; with
    ``debug``, every record, to stderr as well. Returns the log file's path. With ``held``
    (the window's start) the file is opened by :func:`open_held_log`, or at the first
    warning, or at the program's end, whichever comes first; nothing is lost meanwhile.

    Called once at program start; calling it again replaces what the last call set up.
    """
    for handler in list(_installed):
        _package.removeHandler(handler)
        if not isinstance(handler, _Held):  # its records are not wanted any more
            handler.close()
    _installed.clear()
    path = default_state_dir() / LOG_NAME
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [_Held(path, formatter) if held else _log_file(path)]
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        _package.addHandler(handler)
    _installed[:] = handlers
    _package.setLevel(logging.DEBUG if debug else level)
    _logger.info(
        "Briefing Reader %s, Python %s on %s; log file %s",
        __version__,
        _Lazy(_python_version),
        _Lazy(_platform),
        path,
    )
    return path


def _log_file(path: Path) -> logging.Handler:
    from reader.app.log_file import LogFile

    return LogFile(path)


def open_held_log() -> None:
    """Open the log file that :func:`setup_logging` ``held`` back, and write what it held;
    does nothing when there is none (already open, or not held)."""
    with _lock:  # a warning on another thread may open it at the same time
        held = next((h for h in _installed if isinstance(h, _Held)), None)
        if held is None:
            return
        file = _log_file(held.path)
        file.setFormatter(held.formatter)
        for record in held.records:
            file.handle(record)
        held.records.clear()
        held.file = file
        _installed[_installed.index(held)] = file
        _package.addHandler(file)
        _package.removeHandler(held)


def log_saved() -> Path | None:
    """The log file's path if its last record was written, else ``None`` (no log set up,
    or its folder cannot be written)."""
    from reader.app.log_file import LogFile  # there is a file to ask once a record is saved

    files = [h for h in _installed if isinstance(h, LogFile)]
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
