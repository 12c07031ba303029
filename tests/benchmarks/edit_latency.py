"""How long one edited card takes to reach the window in a large set (the index's live reload).

Part of ``make bench`` (row 7, the issue's "editing one card in a 10,000-card set updates the
window within a second"); on its own::

    python -m tests.benchmarks.edit_latency [N]          # generates N cards (default 10,000)
    python -m tests.benchmarks.edit_latency --set PATH   # an existing set; edits one card!

The window is the one ``briefing-reader`` opens (the persistent index as its catalog source,
in a throwaway cache), run in a child process. After the first load, one card's title is
rewritten on disk three times; each time is measured from the write to the card list showing
the new title: the watcher's debounce, the index's re-check and re-parse of the file it names,
and the window's update. The floor is the same edit in a 100-card set: what is left once the
set's size no longer matters (mostly the watcher's 200 ms debounce).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cards.set_walk import find_card_files
from tests.benchmarks.common import Result, child_env, given_or_generated, python, run_child

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

GOAL_S = 1.0
EDITS = 3


def run(large: Path, small: Path, scratch: Path) -> list[Result]:
    """Benchmark 7, in child processes: the large set against the 100-card floor."""
    product, floor = _child(large, scratch / "edit-cache"), _child(small, scratch / "edit-small")
    n = sum(1 for _ in find_card_files(large))
    shown = ", ".join(f"{s:.2f}" for s in product)
    return [
        Result(
            f"7. one card edited on disk -> window updated, {n:,} cards",
            "s",
            max(product),
            max(floor),
            "product",
            GOAL_S,
            notes=f"worst of {EDITS} edits ({shown} s); floor: the same in 100 cards",
            details={"seconds": product, "floor_seconds": floor},
        )
    ]


def _child(root: Path, cache: Path) -> list[float]:
    done = run_child(
        [python(), "-m", "tests.benchmarks.edit_latency", "--set", str(root), "--json"],
        child_env({"BRIEFING_READER_CACHE_DIR": str(cache)}),
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(f"edit latency child failed ({done.returncode})")
    seconds: list[float] = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds


def measure(root: Path) -> list[float]:
    """Open ``root`` in the window, then edit one of its cards ``EDITS`` times."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.app.loading import INDEX_SOURCES
    from reader.ui.main_window import MainWindow, settings_at

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    cards = [f.path for f in find_card_files(root)]
    with tempfile.TemporaryDirectory(prefix="briefing-edit-") as scratch:
        window = MainWindow(settings_at(Path(scratch) / "settings.ini"), INDEX_SOURCES)
        window.show()
        window.open_set(root)
        session = window.session
        _wait(app, lambda: not window.sets.busy and session.total() == len(cards), 600)
        _wait(app, partial(_quiet, window), 60)
        card = cards[len(cards) // 2]
        seconds = []
        for edit in range(EDITS):
            title = f"Edited title {edit} {time.time()}"
            text = re.sub(r"^title: .*$", f'title: "{title}"', card.read_text(), flags=re.M)
            started = time.monotonic()
            card.write_text(text, encoding="utf-8")
            _wait(app, partial(_lists, window, title), 30)
            seconds.append(time.monotonic() - started)
            _wait(app, partial(_quiet, window), 30)
        window.close()
        window.sets.shutdown()
    return seconds


def _wait(app: QApplication, done: Callable[[], bool], limit_s: float) -> None:
    end = time.monotonic() + limit_s
    while not done():
        app.processEvents()
        time.sleep(0.002)
        if time.monotonic() > end:
            raise SystemExit("timed out")


def _lists(window: MainWindow, title: str) -> bool:
    catalog = window.session.catalog
    return catalog is not None and any(s.title == title for s in catalog.summaries())


def _quiet(window: MainWindow) -> bool:
    """No load running and no change waiting for one (the watcher may catch up on the
    folders the set was just written into)."""
    return not window.sets.busy and not window.sets.watcher.pending


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.edit_latency")
    parser.add_argument("cards", nargs="?", type=int, default=10_000)
    parser.add_argument("--set", type=Path, help="an existing set (one card gets edited)")
    parser.add_argument("--json", action="store_true", help="print the seconds as JSON")
    args = parser.parse_args(argv)
    with given_or_generated(args.set, args.cards, seed=11) as root:
        seconds = measure(root)
        n = sum(1 for _ in find_card_files(root))
    if args.json:
        print(json.dumps(seconds))
        return 0
    verdict = "PASS" if max(seconds) <= GOAL_S else "FAIL"
    shown = ", ".join(f"{s:.2f}" for s in seconds)
    print(f"edit one card of {n:,} -> window updated: {shown} s (goal <= {GOAL_S} s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
