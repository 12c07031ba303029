"""Switching to a 3-card set 0.5 s into a cold index of 4,000 cards: how long until it is listed.

Part of ``make bench``; on its own::

    python -m tests.benchmarks.switch_during_index [N | --set PATH]   # N cards (default 4,000)

The product is ``briefing-reader PATH`` (:func:`reader.ui.app.run_window`, the persistent
index in an empty cache); half a second after its event loop started, with the index build
under way, the window opens a 3-card set, as File > Open would. Timed from ``open_set`` to the
card list showing the three cards. The floor is the same switch from a window whose own
(3-card) set is long loaded: what opening a small set costs when nothing else runs. The
build of the set left behind stops at its next chunk of files instead of finishing first.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cards.set_walk import find_card_files
from tests.benchmarks.common import (
    Result,
    during_index_result,
    format_table,
    python,
    run_child,
)
from tests.benchmarks.shipped_window import (
    LARGE_CARDS,
    SMALL_CARDS,
    app_env,
    listed,
    run_shipped,
    wait_until,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

MODULE = "tests.benchmarks.switch_during_index"
GOAL_S = 0.5
DELAY_S = 0.5
RUNS = 3


def run(large: Path, small: Path, scratch: Path) -> list[Result]:
    """Alternating runs from the large set (product) and from another small one (floor)."""
    idle = scratch / "switch-idle"
    if not idle.exists():
        from tests.support.synthetic import write_set

        write_set(idle, SMALL_CARDS, seed=3)
    products: list[float] = []
    floors: list[float] = []
    busy: list[bool] = []
    for _ in range(RUNS):
        seconds, was_busy = _once(large, small, scratch)
        products.append(seconds)
        busy.append(was_busy)
        floors.append(_once(idle, small, scratch)[0])
    n = sum(1 for _ in find_card_files(large))
    name = (
        f"switch to a {SMALL_CARDS}-card set {DELAY_S} s into a cold index -> listed, {n:,} cards"
    )
    return during_index_result(
        name, products, floors, busy, GOAL_S, "the same switch from an idle window"
    )


def _once(first: Path, then: Path, scratch: Path) -> tuple[float, bool]:
    """(seconds from open_set(then) to its cards listed, whether ``first`` was still loading)."""
    done = run_child(
        [python(), "-m", MODULE, "--child", str(first), str(then)], app_env(scratch), timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"switch child failed ({done.returncode})")
    switched = json.loads(done.stdout.strip().splitlines()[-1])
    return float(switched["seconds"]), bool(switched["busy"])


def _child(first: Path, then: Path) -> int:
    """The window on ``first``; ``DELAY_S`` after its event loop started it opens ``then``."""
    from PySide6.QtCore import QTimer

    cards = sum(1 for _ in find_card_files(then))

    def switch(app: QApplication, window: MainWindow) -> None:
        busy = window.sets.busy
        started = time.perf_counter()
        window.open_set(then)
        wait_until(app, partial(listed, window, then, cards), 120)
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "busy": busy}), flush=True)
        os._exit(0)  # the result is in: no need to wait for anything else

    def started(app: QApplication, window: MainWindow) -> None:
        QTimer.singleShot(round(DELAY_S * 1000), lambda: switch(app, window))

    return run_shipped(first, started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("cards", nargs="?", type=int, default=LARGE_CARDS)
    parser.add_argument("--set", type=Path, help="an existing set")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return _child(*args.child)
    from tests.support.synthetic import write_set

    with tempfile.TemporaryDirectory(prefix="briefing-switch-") as scratch:
        folder = Path(scratch)
        large = args.set or folder / "large"
        if args.set is None:
            write_set(large, args.cards, seed=1)
        write_set(folder / "small", SMALL_CARDS, seed=2)
        print(format_table(run(large, folder / "small", folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
