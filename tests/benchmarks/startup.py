"""Benchmarks 2 and 4: warm open of the window on a large set, and its memory, against a bare
PySide6 window started the same way.

The product (2, 4) is ``briefing-reader PATH`` with ``BRIEFING_READER_EXIT_WHEN_LISTED`` set:
the window calls :func:`reader.ui.startup_probe.card_list_shown` when its list is filled,
which ends the process (see that module). The index is built beforehand, so this is the warm
open a returning user sees — provided the app reads the set through the index. Rows 2b and 4b
measure the same window built in a child script with the index as its catalog source, so the
index's effect is on record whatever the app is wired to. The floor is a QApplication with an
empty QMainWindow shown, ended the same way, started the same way (a fresh Python process).
All use a throwaway settings folder. Peak RSS comes from wait4.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from reader.index import open_index
from reader.ui.startup_probe import EXIT_WHEN_LISTED
from tests.benchmarks.common import ChildRun, Result, child_env, python, run_child

RUNS = 5
TIMEOUT = 60.0

BARE = r"""
import os
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
window.repaint()
print("shown", flush=True)
os._exit(0)
"""

WINDOW = r"""
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.index import index_snapshots
from reader.ui.main_window import MainWindow, settings_at
window = MainWindow(settings_at(Path(tempfile.mkdtemp()) / "s.ini"), source=index_snapshots)
window.show()
window.open_set(Path(sys.argv[1]))
app.exec()  # the window's start-up probe ends the process once the list is filled
"""


def _app_command(root: Path) -> list[str]:
    script = Path(sys.executable).with_name("briefing-reader")
    return [str(script), str(root)] if script.exists() else [python(), "-m", "reader", str(root)]


def _measure(
    label: str, command: list[str], bare: list[str], env: dict[str, str], cards: int
) -> list[Result]:
    products: list[ChildRun] = []
    floors: list[ChildRun] = []
    for _ in range(RUNS):
        floors.append(run_child(bare, env, TIMEOUT))
        products.append(run_child(command, env, TIMEOUT))
    floor_s = min(r.seconds for r in floors)
    name = f"2{label}. warm open to a listed window, {cards:,} cards"
    if any(r.returncode != 0 or "listed" not in r.stdout for r in products):
        return [Result(name, "s", None, floor_s, "ratio", 2.5, notes="the list was never filled")]
    floor_mb = max(r.max_rss_mb for r in floors)
    product_mb = max(r.max_rss_mb for r in products)
    return [
        Result(
            name,
            "s",
            min(r.seconds for r in products),
            floor_s,
            "ratio",
            2.5,
            notes=(
                f"best of {RUNS} alternating runs (medians "
                f"{statistics.median(r.seconds for r in products):.3f} vs "
                f"{statistics.median(r.seconds for r in floors):.3f} s)"
            ),
            details={
                "command": command[:2],
                "product_s": [r.seconds for r in products],
                "floor_s": [r.seconds for r in floors],
            },
        ),
        Result(
            f"4{label}. peak RSS with {cards:,} cards open",
            "MB",
            product_mb,
            floor_mb,
            "difference",
            150.0,
            notes=f"highest of {RUNS} runs each",
            details={
                "product_mb": [r.max_rss_mb for r in products],
                "floor_mb": [r.max_rss_mb for r in floors],
            },
        ),
    ]


def run(root: Path, scratch: Path) -> list[Result]:
    cache = scratch / "startup-cache"
    cards = len(open_index(root, cache_dir=cache).summaries())
    env = child_env(
        {
            "BRIEFING_READER_CACHE_DIR": str(cache),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            EXIT_WHEN_LISTED: str(cards),
        }
    )
    bare = [python(), "-c", BARE]
    results = _measure("", _app_command(root), bare, env, cards)
    results[0].notes += "; briefing-reader PATH, as shipped"
    # The same window with the index as its catalog source, whatever the app is wired to.
    indexed = _measure("b", [python(), "-c", WINDOW, str(root), str(cards)], bare, env, cards)
    indexed[0].notes += "; MainWindow(source=index_snapshots) in a child script"
    return results + indexed
