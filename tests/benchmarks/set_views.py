"""Benchmark 10: the set-wide views at scale — in the window (ready, longest freeze) and as
``briefing-reader table`` from a warm index.

The window rows run :func:`tests.benchmarks.views.measure` in a child process (a fresh
QApplication, the app's own commands, a 5 ms heartbeat for the freeze). The ``table`` rows run
the command as a user would, after an ``index`` run has made the index warm; the floor is the
same interpreter starting and printing ``--version``, so the ratio shows what the table itself
costs. Goals (#17): each view ready in 0.5 s with no freeze over 50 ms, each table in 1 s.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.benchmarks.common import Result, child_env, python, run_child

VIEWS = ("topic matrix", "recommendations ledger", "timeline")
TABLES = ("matrix", "ledger", "timeline")
TIMEOUT = 600.0
READY_GOAL, FREEZE_GOAL_MS, TABLE_GOAL = 0.5, 50.0, 1.0

MEASURE = r"""
import json, sys
from pathlib import Path
from tests.benchmarks.views import measure
print(json.dumps(measure(Path(sys.argv[1]))), flush=True)
"""


def _cli(*args: str) -> list[str]:
    return [python(), "-m", "reader", *args]


def window_rows(root: Path, scratch: Path) -> list[Result]:
    env = child_env({"XDG_CACHE_HOME": str(scratch / "views-cache")})
    run = run_child([python(), "-c", MEASURE, str(root)], env, TIMEOUT)
    measured = json.loads(run.stdout.strip().splitlines()[-1]) if run.returncode == 0 else []
    rows: list[Result] = []
    for name, ready, freeze, *phases in measured:
        rows.append(Result(f"10 {name}: ready", "s", ready, None, "product", READY_GOAL))
        when = ", ".join(
            f"{what} {seconds * 1000:.0f} ms"
            for what, seconds in zip(
                ("at the command", "meanwhile", "after the result"), phases, strict=True
            )
        )
        rows.append(
            Result(
                f"10 {name}: freeze",
                "ms",
                freeze * 1000,
                None,
                "product",
                FREEZE_GOAL_MS,
                notes=f"longest {when}",
            )
        )
    return rows or [Result("10 views", "", None, None, "product", 0.0, notes="failed")]


def table_rows(root: Path, scratch: Path, runs: int = 3) -> list[Result]:
    env = child_env({"XDG_CACHE_HOME": str(scratch / "table-cache")})
    run_child(_cli("index", str(root)), env, TIMEOUT)  # warm
    floor = min(run_child(_cli("--version"), env, TIMEOUT).seconds for _ in range(runs))
    rows = []
    for view in TABLES:
        out = scratch / f"{view}.csv"
        times = [run_child(_cli("table", view, str(root), "-o", str(out)), env, TIMEOUT)]
        times += [
            run_child(_cli("table", view, str(root), "-o", str(out)), env, TIMEOUT)
            for _ in range(runs - 1)
        ]
        best = min(t.seconds for t in times)
        rss = max(t.max_rss_mb for t in times)
        failed = any(t.returncode for t in times)
        rows.append(
            Result(
                f"10 table {view} (warm index)",
                "s",
                None if failed else best,
                floor,
                "product",
                TABLE_GOAL,
                notes=f"best of {runs}; peak RSS {rss:.0f} MB; floor: --version",
            )
        )
    return rows


def run(root: Path, scratch: Path) -> list[Result]:
    return window_rows(root, scratch) + table_rows(root, scratch)


if __name__ == "__main__":
    from tempfile import mkdtemp

    from tests.benchmarks.common import format_table

    print(format_table(run(Path(sys.argv[1]), Path(mkdtemp(prefix="briefing-views-")))))
