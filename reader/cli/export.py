"""``briefing-reader export``: the command line's way to the PDF export.

The arguments are declared with the other subcommands in :mod:`reader.cli`; this is what runs
them. The set is read through the persistent index, the catalog the window reads, and the
filters build the window's :class:`~reader.cards.query.Query`, so a command line and a window
with the same filter export the same cards. ``--evidence`` adds the passages the locators cite,
for the cards whose source text is found (in the set folder, its ``sources:`` folder, then
``--sources DIR``, as ``check`` looks); the cards without one are named in a warning. Exit
status: 0 written; 1 nothing to export or the file cannot be written; 2 a bad argument (an
unknown card id, a bad ``SOURCE_DATE_EPOCH``, a ``--sources`` that is not a folder). Every
failure is one line on stderr, never a traceback.

The output never destroys a file (README: "an existing file is never damaged"): a file of the
set being exported (a card, the set file, a source text, wherever found) and anything in the
set's folder but a ``.pdf`` are refused (:func:`reader.export.targets.refusal`), as are folders,
named pipes, devices and sockets (:func:`reader.export.atomic.resolve_target`); a symbolic link
is written through, and the message names the file written.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from reader.cards.query import Query, search_problem
from reader.cards.wording import plural
from reader.cli.exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from reader.cli.terminal import Stopped, show_status
from reader.export.atomic import resolve_target
from reader.export.book import BookRequest, NothingToExportError, UnknownCardError, select
from reader.export.evidence import missing, source_texts
from reader.export.pdf import export_pdf, export_time
from reader.export.progress import ExportCancelledError, Progress
from reader.export.targets import refusal
from reader.index import open_index
from reader.qt.application import gui_application

PROG = "briefing-reader export"
#: Least time between two redraws of the progress line, in seconds.
STATUS_SECONDS = 0.2
#: The signals that stop an export (see :func:`_stop_requests`).
STOPPING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def _cannot_write(target: Path, reason: str) -> int:
    return _fail(f"cannot write {target}: {reason}; nothing was written", EXIT_FAILED)


@contextlib.contextmanager
def _stop_requests() -> Iterator[list[int]]:
    """Meanwhile Ctrl+C, SIGTERM and SIGHUP are only noted, in the list yielded; the export
    then stops at its next step through the cancel path (nothing is written).

    Raised at once, as a KeyboardInterrupt is, the signal could land inside a Qt call, which
    then fails with a SystemError (a traceback) instead of stopping cleanly.
    """
    received: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield received
        return

    def note(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {signum: signal.signal(signum, note) for signum in STOPPING}
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long to look up
        return False


def _warn_without_evidence(request: BookRequest) -> None:
    """Name the cards whose locators stay unlinked for want of their source text."""
    without = missing(source_texts(request))
    if not without:
        return
    named = [f"{card_id} ({why})" for card_id, why in list(without.items())[:3]]
    more = ", ..." if len(without) > 3 else ""
    looked = ", ".join(str(folder) for folder in request.source_folders)
    print(
        f"{PROG}: warning: no evidence for {plural(len(without), 'card')} whose source text "
        f"was not found or cannot be read (looked in {looked}): {', '.join(named)}{more}",
        file=sys.stderr,
    )


class _Status:
    """The export's progress line on a terminal ("412 of 1,000 cards laid out…"), redrawn at
    most every :data:`STATUS_SECONDS`; nothing at all when stderr is a pipe or a file, where
    a line per step would be noise in a log."""

    def __init__(self, on: bool) -> None:
        self._on = on
        self._shown = False
        self._last = 0.0
        self._width = 0

    def show(self, progress: Progress) -> None:
        now = time.monotonic()
        last = progress.done == progress.total
        if not self._on or (self._shown and not last and now - self._last < STATUS_SECONDS):
            return
        self._shown, self._last = True, now
        percent = 100 * progress.done // max(1, progress.total)
        text = f"exporting: {progress.stage or progress.label}{'' if last else '…'} ({percent}%)"
        self._width = max(self._width, len(text))  # spaces cover a longer line before
        show_status(text.ljust(self._width))

    def end(self) -> None:
        """End the progress line, so that what follows starts on a line of its own."""
        if self._shown:
            print(file=sys.stderr)


def export_command(root: Path, args: argparse.Namespace) -> int:
    """Run ``export`` on the set folder ``root`` (already checked to be a folder)."""
    try:
        exported = export_time(os.environ)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if args.search and (problem := search_problem(args.search)) is not None:
        return _fail(problem, EXIT_USAGE)
    if args.sources is not None and not _is_folder(args.sources):
        return _fail(f"--sources: {args.sources} is not a folder", EXIT_USAGE)
    target: Path = args.output
    try:
        written = resolve_target(target)
        folder_exists = written.parent.is_dir()
    except OSError as exc:  # a folder, a device, a name too long…
        return _cannot_write(target, exc.strerror or str(exc))
    if not folder_exists:
        return _cannot_write(target, f"the folder {written.parent} does not exist")
    catalog = open_index(root)
    if (reason := refusal(written, catalog, args.sources)) is not None:
        return _cannot_write(target, reason)
    broken = sorted({p.path for p in catalog.problems if p.is_error})
    if broken:
        print(
            f"{PROG}: warning: {plural(len(broken), 'file')} with errors left out: "
            f"{', '.join(broken[:3])}{', ...' if len(broken) > 3 else ''} "
            f"(see: briefing-reader check {root})",
            file=sys.stderr,
        )
    query = Query(
        include_tags=tuple(args.tag),
        exclude_tags=tuple(args.exclude_tag),
        text=args.search or "",
        card_ids=frozenset(args.card),
    )
    try:
        request = select(
            catalog,
            query,
            compare_ids=args.compare or (),
            exported=exported,
            page_size=args.page_size,
            index=not args.no_tag_index,
            evidence=args.evidence,
            sources=args.sources,
        )
    except UnknownCardError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except NothingToExportError as exc:
        return _fail(f"nothing to export: {exc}", EXIT_FAILED)
    _warn_without_evidence(request)
    with _stop_requests() as received:
        status = _Status(sys.stderr.isatty())

        def report(progress: Progress) -> None:
            if received:
                raise ExportCancelledError
            status.show(progress)

        app = gui_application()  # noqa: F841 - must outlive the export
        try:
            result = export_pdf(request, written, report)
        except ExportCancelledError:
            raise Stopped(received[0]) from None  # main() says so, in one line
        except OSError as exc:
            return _cannot_write(target, exc.strerror or str(exc))
        finally:
            status.end()
    through = f" (through the link {target})" if written != target else ""
    print(
        f"{plural(result.pages, 'page')} ({plural(result.cards, 'card')}) written to "
        f"{result.path}{through} in {result.seconds:.1f} s"
    )
    return EXIT_OK
