"""``make bench``: every scale benchmark, each against its floor measured in the same run.

    python -m tests.benchmarks [--cards N] [--only NAME ...] [--json PATH] [--keep]

Generated card sets go to a temporary folder that is removed at the end (``--keep`` keeps it).
Results are printed as a table and written as JSON (default ``bench-results.json`` in the
repository, which git ignores). The goals are the pass lines; the exit status is 0 when every
goal is met and 1 when one is not (a benchmark that cannot run counts as not met).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import (
    close_during_index,
    cold_index,
    edit_latency,
    export_stall,
    search,
    set_views,
    stall,
    startup,
    switch_during_index,
)
from tests.benchmarks.common import REPO, Result, Step, report, run_steps
from tests.benchmarks.shipped_window import LARGE_CARDS, SMALL_CARDS
from tests.support.synthetic import write_set

NAMES = (
    "cold",
    "startup",
    "search",
    "stall",
    "export",
    "views",
    "edit",
    "close",
    "switch",
    "export-stall",
)


def _export(sets: dict[int, Path], scratch: Path) -> list[Result]:
    """Benchmark 6 is the PDF export's own module (it knows what its floor is)."""
    from tests.benchmarks import pdf_export

    return pdf_export.run(sets, scratch)


def _interrupting(chosen: set[str], sets: dict[int, Path], scratch: Path) -> dict[int, Path]:
    """The 4,000- and 3-card sets of the rows that interrupt a load or start an export."""
    if not chosen & {"close", "switch", "export-stall"}:
        return {}
    made: dict[int, Path] = {}
    for count, seed in ((LARGE_CARDS, 1), (SMALL_CARDS, 2)):
        made[count] = sets.get(count) or scratch / f"set-{count}"
        if count not in sets:
            write_set(made[count], count, seed=seed)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--cards", type=int, default=10_000, help="size of the large set")
    parser.add_argument("--only", nargs="+", choices=NAMES, help="run only these benchmarks")
    parser.add_argument("--json", type=Path, default=REPO / "bench-results.json")
    parser.add_argument("--keep", action="store_true", help="keep the generated sets")
    args = parser.parse_args(argv)
    chosen = set(args.only or NAMES)
    scratch = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    results: list[Result] = []
    started = time.perf_counter()
    try:
        large = scratch / f"set-{args.cards}"
        print(f"generating {args.cards:,} cards in {scratch} ...", flush=True)
        write_set(large, args.cards, seed=1)
        sets = {args.cards: large}
        small: dict[int, Path] = {}
        for count in (100, 1_000):
            if count < args.cards:
                small[count] = scratch / f"set-{count}"
                write_set(small[count], count, seed=1)
        window = _interrupting(chosen, sets, scratch)
        steps: list[Step] = [
            ("cold", lambda: cold_index.run({**sets, **small}, scratch)),
            ("startup", lambda: startup.run(large, scratch)),
            ("search", lambda: search.run(large, scratch)),
            ("stall", lambda: stall.run(large, scratch)),
            ("export", lambda: _export(small or sets, scratch)),
            ("views", lambda: set_views.run(large, scratch)),
            (
                "close",
                lambda: close_during_index.run(window[LARGE_CARDS], window[SMALL_CARDS], scratch),
            ),
            (
                "switch",
                lambda: switch_during_index.run(window[LARGE_CARDS], window[SMALL_CARDS], scratch),
            ),
            ("export-stall", lambda: export_stall.run(window[LARGE_CARDS], scratch)),
            # Last: it edits a card of the large set.
            ("edit", lambda: edit_latency.run(large, small.get(100, large), scratch)),
        ]
        results = run_steps(steps, chosen)
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return report(results, args.json, seconds=time.perf_counter() - started)


if __name__ == "__main__":
    sys.exit(main())
