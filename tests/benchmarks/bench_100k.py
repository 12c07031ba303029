"""``make bench-100k``: the app with 100,000 cards (not part of ``make bench``: it takes
several minutes and a few GB of disk for the generated set).

    python -m tests.benchmarks.bench_100k [--cards N] [--set PATH] [--json PATH] [--keep]

Rows (#17 §6), each printed whether met or not:

- cold index, against the one-process C-parse floor (each run once: at this size one run is
  minutes, and the ratio, not the noise, is the point);
- warm open to a listed window (goal 1.5 s) and its peak RSS above a bare PySide6 window
  (goal 400 MB), started the same way (:mod:`tests.benchmarks.startup`);
- search and filter p95 over benchmark 3's queries on the warm index (goal 50 ms; no scan
  floor: the linear scan of 100,000 cards would need them all parsed in memory, GBs);
- the index on disk against the cards' size (goal 2x);
- the three set-wide views in the window: ready (goal 2 s) and longest freeze (goal 50 ms).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reader.cards.set_walk import find_card_files
from reader.index import open_index
from tests.benchmarks import search, set_views, startup
from tests.benchmarks.cold_index import floor_seconds
from tests.benchmarks.common import REPO, Result, Step, percentile, report, run_steps
from tests.support.synthetic import write_set

WARM_OPEN_GOAL, RSS_GOAL_MB, SEARCH_GOAL_MS = 1.5, 400.0, 50.0
DISK_GOAL, VIEW_READY_GOAL = 2.0, 2.0


def cold_rows(root: Path, scratch: Path) -> list[Result]:
    cache = scratch / "cold-cache"
    started = time.perf_counter()
    catalog = open_index(root, cache_dir=cache)
    cold = time.perf_counter() - started
    index_file = catalog.index_file
    catalog.close()
    floor = floor_seconds(root)
    cards_bytes = sum(f.path.stat().st_size for f in find_card_files(root))
    index_bytes = 0
    if index_file is not None:
        index_bytes = sum(p.stat().st_size for p in index_file.parent.glob(index_file.name + "*"))
    mib = 1024 * 1024
    return [
        Result("cold index", "s", cold, floor, "ratio", None, notes="one run each"),
        Result(
            "index on disk / cards' size",
            "MB",
            index_bytes / mib,
            cards_bytes / mib,
            "ratio",
            DISK_GOAL,
        ),
    ]


def search_row(root: Path, scratch: Path) -> Result:
    index = open_index(root, cache_dir=scratch / "cold-cache")
    index.matching(search.QUERIES[13])  # builds the tag maps once
    walls, cpus = search.timings(index)
    flat = [ms for runs in walls for ms in runs]
    index.close()
    return Result(
        "search/filter p95 (warm index)",
        "ms",
        percentile(flat, 0.95),
        None,
        "product",
        SEARCH_GOAL_MS,
        notes=(
            f"p50 {percentile(flat, 0.5):.1f} ms over {len(search.QUERIES)} queries; "
            f"CPU p95 {search.cpu_p95(cpus):.1f} ms"
        ),
    )


def open_rows(root: Path, scratch: Path) -> list[Result]:
    """Benchmark 2 and 4's measurement, judged by this size's goals."""
    found = startup.run(root, scratch)[:2]
    if len(found) < 2 or found[0].product is None:
        return found
    opened, rss = found
    return [
        Result(opened.name, "s", opened.product, opened.floor, "product", WARM_OPEN_GOAL),
        Result(rss.name, "MB", rss.product, rss.floor, "difference", RSS_GOAL_MB),
    ]


def view_rows(root: Path, scratch: Path) -> list[Result]:
    rows = set_views.window_rows(root, scratch)
    return [
        Result(r.name, r.unit, r.product, r.floor, r.judged, VIEW_READY_GOAL, r.notes)
        if r.name.endswith("ready")
        else r
        for r in rows
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_100k")
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--set", type=Path, help="an existing set instead of a generated one")
    parser.add_argument("--json", type=Path, default=REPO / "bench-100k-results.json")
    parser.add_argument("--keep", action="store_true", help="keep the generated set")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="briefing-100k-"))
    results: list[Result] = []
    try:
        root = args.set
        if root is None:
            root = scratch / "set"
            print(f"generating {args.cards:,} cards in {root} ...", flush=True)
            write_set(root, args.cards, seed=3)
        steps: list[Step] = [
            ("cold", lambda: cold_rows(root, scratch)),
            ("open", lambda: open_rows(root, scratch)),
            ("search", lambda: [search_row(root, scratch)]),
            ("views", lambda: view_rows(root, scratch)),
        ]
        results = run_steps(steps)
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return report(results, args.json)


if __name__ == "__main__":
    sys.exit(main())
