"""How long one edited card takes to reach the window in a large set (the index's live reload).

Run: ``python -m tests.benchmarks.edit_latency [N]`` (default 10,000 cards).

The window is the one ``briefing-reader`` opens (the persistent index as its catalog source,
in a throwaway cache). After the first load, one card's title is rewritten on disk three
times; each time is measured from the write to the card list showing the new title: the
watcher's debounce, the index's re-check and re-parse of the file it names, and the window's
update.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRIEFING_READER_CACHE_DIR", tempfile.mkdtemp(prefix="briefing-cache-"))

from PySide6.QtWidgets import QApplication

from reader.core.index import index_refreshes, index_snapshots
from reader.core.synthetic import write_set
from reader.ui.loading import CatalogSources
from reader.ui.main_window import MainWindow, settings_at

GOAL_S = 1.0
EDITS = 3


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


def measure(n: int) -> list[float]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="briefing-edit-") as scratch:
        root = Path(scratch) / "set"
        write_set(root, n, seed=11)
        sources = CatalogSources(index_snapshots, index_refreshes)
        window = MainWindow(settings_at(Path(scratch) / "settings.ini"), sources)
        window.show()
        window.open_set(root)
        session = window.session
        _wait(app, lambda: not window.sets.busy and session.total() == n, 600)
        _wait(app, partial(_quiet, window), 60)
        card = sorted(root.rglob("*.yaml"))[n // 2]
        seconds = []
        for edit in range(EDITS):
            title = f"Edited title {edit}"
            text = re.sub(r"^title: .*$", f'title: "{title}"', card.read_text(), flags=re.M)
            started = time.monotonic()
            card.write_text(text, encoding="utf-8")
            _wait(app, partial(_lists, window, title), 30)
            seconds.append(time.monotonic() - started)
            _wait(app, partial(_quiet, window), 30)
        window.close()
        window.sets.shutdown()
    return seconds


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    seconds = measure(n)
    worst = max(seconds)
    verdict = "PASS" if worst <= GOAL_S else "FAIL"
    shown = ", ".join(f"{s:.2f}" for s in seconds)
    print(f"edit one card of {n:,} -> window updated: {shown} s (goal <= {GOAL_S} s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
