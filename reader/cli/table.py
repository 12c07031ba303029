"""``briefing-reader table matrix|ledger|timeline``: a set-wide view as a spreadsheet-ready table.

The arguments are declared with the other subcommands in :mod:`reader.cli`. The set is read
through the persistent index and the filters build the window's
:class:`~reader.cards.query.Query`, so the rows are the ones the window's view shows for the
same filter (:mod:`reader.analysis.tables`); the cards come from the index's analysis rows, so
no card is parsed on a warm index. Without ``-o`` the table goes to standard output (XLSX
only to a file or a pipe, never a terminal). A file is written atomically, and a file of the
set (a card, the set file, a source text) is never the target. Exit status: 0 written, 1
nothing matched or the file cannot be written, 2 a bad argument.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.analysis.tables import PARTS, TABLES
from reader.app.gc_pause import collections_paused
from reader.cards.query import Query, search_problem
from reader.cards.wording import plural
from reader.cli.exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from reader.cli.terminal import write_data
from reader.export.atomic import AtomicFile, resolve_target
from reader.export.tables import TableFormat, table_bytes
from reader.export.targets import refusal
from reader.index import open_index

PROG = "briefing-reader table"


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def table_command(root: Path, args: argparse.Namespace) -> int:
    """Run ``table`` on the set folder ``root`` (already checked to be a folder)."""
    with collections_paused():  # the set's analysis and rows live until written
        return _table(root, args)


def _table(root: Path, args: argparse.Namespace) -> int:
    if args.search and (problem := search_problem(args.search)) is not None:
        return _fail(problem, EXIT_USAGE)
    fmt = TableFormat(args.format)
    target: Path | None = args.output
    if target is None and fmt is TableFormat.XLSX and sys.stdout.isatty():
        return _fail("an XLSX table is not text: write it to a file with -o FILE", EXIT_USAGE)
    catalog = open_index(root)
    if target is not None:
        try:
            written = resolve_target(target)
        except OSError as exc:  # a folder, a device, a name too long…
            return _fail(f"cannot write {target}: {exc.strerror or exc}", EXIT_FAILED)
        if (reason := refusal(written, catalog, suffix=fmt.suffix)) is not None:
            return _fail(f"cannot write {target}: {reason}; nothing was written", EXIT_FAILED)
    query = Query(
        include_tags=tuple(args.tag), exclude_tags=tuple(args.exclude_tag), text=args.search or ""
    )
    ids = catalog.matching(query)
    if not ids:
        return _fail("no card matches", EXIT_FAILED)
    table = TABLES[args.view](catalog.analysed(ids, parts=PARTS[args.view]), catalog.info)
    data = table_bytes(table, fmt, bom=args.bom)
    if target is None:
        write_data(data)
        return EXIT_OK
    try:
        with AtomicFile(written) as out:
            out.write(data)
            out.commit()
    except OSError as exc:
        return _fail(f"cannot write {target}: {exc.strerror or exc}", EXIT_FAILED)
    print(
        f"{plural(len(table.rows), 'row')} of the {args.view} "
        f"({plural(len(ids), 'card')}) written to {written}"
    )
    return EXIT_OK
