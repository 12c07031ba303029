"""``briefing-reader index`` and ``briefing-reader search``: the persistent index from a shell.

The arguments are declared with the other subcommands in :mod:`reader.cli`; this runs them.
Both use the window's index (the same cache file) and the window's query rules, so a search
here finds what the search field finds there, best matches first.

Exit status, as for ``check``: ``index`` 0 when the cards have no errors, 1 when some do;
``search`` 0 when some card matches, 1 when none does; 2 for bad arguments, a search longer
than a search takes (see :func:`reader.cards.query.search_problem`) or a PATH that is not a
folder. Failures are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from reader.cards.catalog import CardSummary
from reader.cards.problems import count
from reader.cards.query import Query, search_problem
from reader.cards.wording import plural
from reader.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from reader.cli.terminal import show_status
from reader.index import open_index


def index_command(root: Path, args: argparse.Namespace) -> int:
    """Build or bring up to date (or, with ``--rebuild``, delete and build again) the index of
    ``root``, and say what it holds."""
    parsed = 0

    def progress(done: int, total: int) -> None:
        nonlocal parsed
        parsed = total
        if sys.stderr.isatty():
            show_status(f"indexing: {done}/{total} files")

    started = time.perf_counter()
    catalog = open_index(root, on_progress=progress, rebuild=args.rebuild)
    elapsed = time.perf_counter() - started
    if parsed and sys.stderr.isatty():
        print(file=sys.stderr)
    errors, warnings = count(list(catalog.problems))
    cards = len(catalog.summaries())
    print(
        f"{plural(cards, 'card')}, {plural(errors, 'error')}, {plural(warnings, 'warning')}; "
        f"{plural(parsed, 'file')} parsed ({elapsed:.2f} s)"
    )
    where = catalog.index_file
    rebuilt = " (rebuilt)" if args.rebuild else ""
    print(f"index: {where}{rebuilt}" if where is not None else "index: temporary (not kept)")
    if catalog.note:
        print(f"note: {catalog.note}")
    if errors:
        print(f"see the problems with: briefing-reader check {root}")
    return EXIT_PROBLEMS if errors else EXIT_OK


def _entry(summary: CardSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "title": summary.title,
        "publisher": summary.publisher,
        "published": summary.published.iso(),
        "kind": summary.kind,
        "tags": list(summary.tags),
        "path": summary.path,
    }


def search_command(root: Path, args: argparse.Namespace) -> int:
    """Print the ids of the cards matching the query, best first."""
    if (problem := search_problem(args.query)) is not None:
        print(f"briefing-reader search: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    catalog = open_index(root)
    query = Query(
        include_tags=tuple(args.tag), exclude_tags=tuple(args.exclude_tag), text=args.query
    )
    found = catalog.search(query)
    if args.format == "json":
        by_id = {s.id: s for s in catalog.summaries()}
        json.dump([_entry(by_id[i]) for i in found], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for card_id in found:
            print(card_id)
    return EXIT_OK if found else EXIT_PROBLEMS
