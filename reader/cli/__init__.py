"""The ``briefing-reader`` command; the top layer, it may import every other package. Its
subcommands are declared in one place, :mod:`reader.cli.parser`.

With no command (``briefing-reader [PATH] [--sources DIR]``) it opens the reader window
instead; ``--sources`` names a folder of source texts for this run.

Exit codes (defined in :mod:`reader.cli.exits`): 0 success, 1 problems in the cards, a failed
write or no display for the window, 2 bad arguments or a PATH that is not a folder (or cannot
be looked up: a name too long), 130 for Ctrl+C, and 128 + the signal's number for SIGTERM
(143) and SIGHUP (129), which end a command the way Ctrl+C does (a half-written export is
removed); each of those with one line on stderr. Bad input never produces a traceback.
Everything a command prints goes through :func:`reader.cli.terminal.safe_output`: card text
and file names cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

from reader.app.log import setup_logging
from reader.cli.exits import EXIT_OK, EXIT_USAGE, interrupted
from reader.cli.parser import build_parser, check_folder
from reader.cli.terminal import Stopped, safe_output

#: Signals that end a command the way Ctrl+C does.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _window_path(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """``""`` for a bare command, PATH for ``briefing-reader PATH``; ``None``: not the window.

    A lone word that names no folder and has no slash is left to argparse, so a mistyped
    command still gets "invalid choice" rather than "does not exist".
    """
    if not argv:
        return ""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    word = argv[0]
    if word in commands.choices:
        return None
    looks_like_path = "/" in word or word.startswith((".", "~")) or _exists(Path(word))
    return word if looks_like_path else None


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a name that cannot be looked up (too long) is taken as one
    meant to, so that it is reported as a path rather than as an unknown command."""
    try:
        return path.exists()
    except OSError:
        return True


def _window_sources(argv: list[str]) -> tuple[list[str], str | None]:
    """The window's ``--sources DIR`` taken out of ``argv``, and DIR (``None``: not given).
    Only the window uses the result: for a command, its own parser reads the option."""
    for i, arg in enumerate(argv):
        if arg == "--sources" and i + 1 < len(argv):
            return [*argv[:i], *argv[i + 2 :]], argv[i + 1]
        if arg.startswith("--sources="):
            return [*argv[:i], *argv[i + 1 :]], arg.partition("=")[2]
    return argv, None


def cmd_window(path: str, sources: str | None = None) -> int:
    root = Path(path).expanduser() if path else None
    if root is not None and (bad := check_folder(root, "briefing-reader")) is not None:
        return bad
    folder = Path(sources).expanduser() if sources is not None else None
    if folder is not None and not _is_folder(folder):
        print(f"briefing-reader: error: --sources {folder} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    from reader.ui.app import run_window  # Qt loads only for the window

    return run_window(root, folder)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` meanwhile (only the main thread can say so)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``briefing-reader ARGS``; returns the exit code (see the module docstring)."""
    with safe_output():
        try:
            return _main(argv)
        except KeyboardInterrupt as exc:
            signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
            print(f"briefing-reader: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
            return interrupted(signum)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = argv[:1] == ["--debug"]  # a global option: before the command, or alone
    argv = argv[1:] if debug else argv
    window_argv, sources = _window_sources(argv)
    if (window := _window_path(parser, window_argv)) is not None:
        setup_logging(logging.INFO, debug=debug)
        return cmd_window(window, sources)
    setup_logging(logging.WARNING, debug=debug)  # commands log problems only, to the file
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None and (args.install_desktop or args.uninstall_desktop):
        from reader.cli.desktop import desktop_command

        return desktop_command(uninstalling=args.uninstall_desktop)
    if run is None:
        parser.print_help()
        return EXIT_OK
    try:
        with _stop_signals_interrupt():  # a command's, not the window's (Qt has its own loop)
            return run(args)
    except BrokenPipeError:
        return EXIT_OK
