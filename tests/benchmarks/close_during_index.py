"""Closing the window 0.5 s into a cold index of 4,000 cards: how long until the process exits.

Part of ``make bench``; on its own::

    python -m tests.benchmarks.close_during_index [N | --set PATH]   # N cards (default 4,000)

The product is ``briefing-reader PATH`` (:func:`reader.ui.app.run_window`, the persistent
index in an empty cache), its window closed half a second after the event loop started, when
the index build is under way; timed from ``close()`` to the process's exit (``wait4`` in the
parent). The floor is the same with a 3-card set, whose load is long over when the window
closes: what quitting costs when nothing is running. Closing never waits for a load; the
build stops at its next chunk of files.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
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
from tests.benchmarks.shipped_window import LARGE_CARDS, SMALL_CARDS, app_env, run_shipped

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

MODULE = "tests.benchmarks.close_during_index"
GOAL_S = 0.3
DELAY_S = 0.5
RUNS = 3


def run(large: Path, small: Path, scratch: Path) -> list[Result]:
    """Alternating runs on the large set (product) and the small one (floor)."""
    products: list[float] = []
    floors: list[float] = []
    busy: list[bool] = []
    for _ in range(RUNS):
        seconds, was_busy = _once(large, scratch)
        products.append(seconds)
        busy.append(was_busy)
        floors.append(_once(small, scratch)[0])
    n = sum(1 for _ in find_card_files(large))
    name = f"close the window {DELAY_S} s into a cold index -> exit, {n:,} cards"
    return during_index_result(
        name, products, floors, busy, GOAL_S, f"an idle window ({SMALL_CARDS} cards)"
    )


def _once(root: Path, scratch: Path) -> tuple[float, bool]:
    """(seconds from close() to exit, whether the window was still loading when closed)."""
    launched = time.time()
    done = run_child([python(), "-m", MODULE, "--child", str(root)], app_env(scratch), timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"close child failed ({done.returncode})")
    closed = json.loads(done.stdout.strip().splitlines()[-1])
    return launched + done.seconds - closed["at"], bool(closed["busy"])


def _child(root: Path) -> int:
    """The window on ``root``, closed ``DELAY_S`` after its event loop started."""
    from PySide6.QtCore import QTimer

    def started(_app: QApplication, window: MainWindow) -> None:
        def close() -> None:
            print(json.dumps({"at": time.time(), "busy": window.sets.busy}), flush=True)
            window.close()

        QTimer.singleShot(round(DELAY_S * 1000), close)

    return run_shipped(root, started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("cards", nargs="?", type=int, default=LARGE_CARDS)
    parser.add_argument("--set", type=Path, help="an existing set")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return _child(args.child)
    from tests.support.synthetic import write_set

    with tempfile.TemporaryDirectory(prefix="briefing-close-") as scratch:
        folder = Path(scratch)
        large = args.set or folder / "large"
        if args.set is None:
            write_set(large, args.cards, seed=1)
        write_set(folder / "small", SMALL_CARDS, seed=2)
        print(format_table(run(large, folder / "small", folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
