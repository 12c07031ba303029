"""``briefing-reader check``: every problem of a card set, one line each, then a summary.

The arguments are declared with the other subcommands in :mod:`reader.cli`; this runs them.
The set is read through the persistent index, the catalog the window and ``export`` read, so
what ``check`` reports is what they show (and a second check parses only what changed). The
quotes are verified against the source texts with the cards the catalog gives back.

Exit status: 0 when the cards have no errors (warnings alone are fine), 1 when some do, 2 for
a ``--sources`` that is not a folder. Failures are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from reader.cards.catalog import Catalog
from reader.cards.model import Card, CardSet
from reader.cards.problems import count
from reader.cards.wording import plural
from reader.cli.exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE
from reader.index import open_index
from reader.verify.quotes import verify_set


def check_command(root: Path, args: argparse.Namespace) -> int:
    """Check the set folder ``root`` (already checked to be a folder) and print its problems."""
    if args.sources is not None and not _is_folder(args.sources):
        print(f"briefing-reader check: error: {args.sources} is not a folder", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    catalog = open_index(root)
    cards = _cards(catalog)
    checked = CardSet(catalog.root, catalog.info, cards, tuple(catalog.problems))
    problems = sorted((*checked.problems, *verify_set(checked, args.sources)))
    errors, warnings = count(problems)
    if args.format == "json":
        json.dump([p.to_json() for p in problems], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for problem in problems:
            print(problem)
        elapsed = time.perf_counter() - started
        print(
            f"{plural(len(cards), 'card')}, {plural(errors, 'error')}, "
            f"{plural(warnings, 'warning')} ({elapsed:.2f} s)"
        )
    return EXIT_PROBLEMS if errors else EXIT_OK


def _cards(catalog: Catalog) -> tuple[Card, ...]:
    """Every valid card, in the catalog's order: the quote checks need the whole card.

    A card whose file changed since the index was brought up to date is no longer the card
    listed (:meth:`Catalog.card` then gives None) and is passed over, as if checked a moment
    earlier.
    """
    found = (catalog.card(summary.id) for summary in catalog.summaries())
    return tuple(card for card in found if card is not None)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long to look up is no folder
        return False
