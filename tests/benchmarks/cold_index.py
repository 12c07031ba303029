"""Benchmark 1: a cold index of the whole set against parsing its files with PyYAML's C loader.

Both run in this process, alternately (5 times each at 10,000 cards, 3 below), with the
files in the OS cache, and the best run of each is compared: on a shared machine the least
disturbed run is the truest measure of each side's cost. The floor reads and
``yaml.load``-s every card file with ``CSafeLoader`` (no validation, no positions, nothing
kept); the product is :func:`open_index` into an empty cache folder, which parses and validates
every card on all cores, folds its words and writes the index. Reported alongside: the warm
reopen (nothing changed) and, for the Foundation issue, ``load_set`` of 1,000 cards.
"""

from __future__ import annotations

import functools
import os
import resource
import shutil
import statistics
import time
from pathlib import Path

import yaml

from reader.cards.load import load_set
from reader.cards.set_walk import find_card_files
from reader.index import open_index
from tests.benchmarks.common import Result, alternate


def runs_for(count: int) -> int:
    return 5 if count >= 10_000 else 3


def floor_seconds(root: Path) -> float:
    paths = [f.path for f in find_card_files(root)]
    started = time.perf_counter()
    for path in paths:
        with path.open("rb") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_seconds(root: Path, scratch: Path, cpu: list[float]) -> float:
    cache = scratch / "cold-cache"
    shutil.rmtree(cache, ignore_errors=True)
    own, children = time.process_time(), _children_cpu()
    started = time.perf_counter()
    catalog = open_index(root, cache_dir=cache)
    seconds = time.perf_counter() - started
    cpu.append(time.process_time() - own + _children_cpu() - children)
    catalog.close()
    return seconds


def run(sets: dict[int, Path], scratch: Path) -> list[Result]:
    results = []
    for count in sorted(sets, reverse=True):
        root = sets[count]
        load_before = os.getloadavg()[0]
        cpu: list[float] = []
        runs = runs_for(count)
        floors, colds = alternate(
            runs,
            functools.partial(floor_seconds, root),
            functools.partial(cold_seconds, root, scratch, cpu),
        )
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            open_index(root, cache_dir=scratch / "cold-cache").close()
            warm.append(time.perf_counter() - started)
        results.append(
            Result(
                f"1. cold index, {count:,} cards",
                "s",
                min(colds),
                min(floors),
                "ratio",
                1.0 if count >= 10_000 else None,
                notes=(
                    f"best of {runs} alternating runs (medians {statistics.median(colds):.3f} "
                    f"vs {statistics.median(floors):.3f} s); CPU of the cold index, all "
                    f"processes: {min(cpu):.2f} s; warm reopen, nothing changed: "
                    f"{min(warm):.3f} s; load average {load_before:.1f} before, "
                    f"{os.getloadavg()[0]:.1f} after (the index uses every core, the floor one: "
                    "other jobs on the machine count against the index)"
                ),
                details={"cold": colds, "floor": floors, "warm": warm, "cpu": cpu},
            )
        )
    if 1_000 in sets:
        loads = []
        for _ in range(3):
            started = time.perf_counter()
            load_set(sets[1_000])
            loads.append(time.perf_counter() - started)
        results.append(
            Result(
                "load_set, 1,000 cards (one process)",
                "s",
                min(loads),
                None,
                "product",
                None,
                details={"runs": loads},
            )
        )
    return results
