"""``briefing-reader export``: the command line's way to the PDF export.

The arguments are declared with the other subcommands in :mod:`reader.cli`; this is what runs
them. The filters build the window's :class:`~reader.core.query.Query`, so a command line and
a window with the same filter export the same cards. Exit status: 0 written; 1 nothing to
export or the file cannot be written; 2 a bad argument (an unknown card id, a bad
``SOURCE_DATE_EPOCH``). Every failure is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.core.catalog import MemoryCatalog
from reader.core.loader import load_set
from reader.core.query import Query
from reader.export.book import NothingToExportError, UnknownCardError, select
from reader.export.pdf import export_pdf, export_time
from reader.export.qtapp import gui_application

PROG = "briefing-reader export"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def export_command(root: Path, args: argparse.Namespace) -> int:
    """Run ``export`` on the set folder ``root`` (already checked to be a folder)."""
    try:
        exported = export_time(os.environ)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    target: Path = args.output
    if target.is_dir():
        return _fail(f"cannot write {target}: it is a folder", EXIT_FAILED)
    if not target.parent.is_dir():
        return _fail(
            f"cannot write {target}: the folder {target.parent} does not exist", EXIT_FAILED
        )
    card_set = load_set(root)
    broken = sorted({p.path for p in card_set.problems if p.is_error})
    if broken:
        print(
            f"{PROG}: warning: {_plural(len(broken), 'file')} with errors left out: "
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
            MemoryCatalog(card_set),
            query,
            compare_ids=args.compare or (),
            exported=exported,
            page_size=args.page_size,
            index=not args.no_index,
        )
    except UnknownCardError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except NothingToExportError as exc:
        return _fail(f"nothing to export: {exc}", EXIT_FAILED)
    app = gui_application()  # noqa: F841 - must outlive the export
    try:
        result = export_pdf(request, target)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(f"cannot write {target}: {reason}; nothing was written", EXIT_FAILED)
    print(
        f"{_plural(result.pages, 'page')} ({_plural(result.cards, 'card')}) written to "
        f"{result.path} in {result.seconds:.1f} s"
    )
    return EXIT_OK
