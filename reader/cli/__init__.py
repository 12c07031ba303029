"""The ``briefing-reader`` command; the top layer, it may import every other package. Its
subcommands are declared in one place, :mod:`reader.cli.parser`, which is built only for a
command: the window's command line is read by :mod:`reader.cli.window`.

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

import contextlib
import logging
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from types import FrameType
from typing import TYPE_CHECKING

from reader.app.log import setup_logging
from reader.cli.exits import EXIT_OK, interrupted
from reader.cli.terminal import Stopped, safe_output
from reader.cli.window import cmd_window, window_path, window_sources

if TYPE_CHECKING:
    import argparse


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` meanwhile (only the main thread can say so).
    :mod:`signal` is imported for a command only: the window's start does without its enums."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import signal

    stop_signals = (signal.SIGTERM, signal.SIGHUP)  # end a command the way Ctrl+C does
    previous = {signum: signal.signal(signum, _stop) for signum in stop_signals}
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
            import signal

            signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
            print(f"briefing-reader: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
            return interrupted(signum)


def _main(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = argv[:1] == ["--debug"]  # a global option: before the command, or alone
    argv = argv[1:] if debug else argv
    window_argv, sources = window_sources(argv)
    if (window := window_path(window_argv)) is not None:
        setup_logging(logging.INFO, debug=debug, held=True)  # opened once the list is painted
        return cmd_window(window, sources)
    setup_logging(logging.WARNING, debug=debug)  # commands log problems only, to the file
    from reader.cli.parser import build_parser  # argparse: for a command only

    parser = build_parser()
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
