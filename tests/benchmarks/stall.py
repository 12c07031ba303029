"""Benchmark 5: the window's longest event-loop stall while a cold index is built.

A child process opens the window as ``briefing-reader`` does (its imports frozen out of the
garbage collector's full collections, then the window on the persistent index, in a throwaway
cache), runs a 5 ms heartbeat timer in its event loop, and opens a set that has no index yet:
the index is built by the window's loader, each catalog it delivers is listed, and the set is
watched for changes once loaded. The stall is the longest gap between two heartbeats, from the
command to :data:`SETTLE` seconds after the set is loaded and watched. The floor is the same
window with its loop idle for as long.

Until 2026-12-06 the child was a bare ``QMainWindow`` with ``open_index`` on a thread: it left
out all the window does with what the index delivers (23-53 ms there; the window itself froze
for 150-250 ms at each of the seven catalogs a 10,000-card cold index delivers, and for 0.6 s
when the watch began).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.benchmarks.common import Result, child_env, python, run_child

#: Seconds the window runs on once the set is loaded and watched.
SETTLE = 0.5

CHILD = r"""
import gc, json, os, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from reader.app.loading import INDEX_SOURCES
from reader.cards.set_walk import find_card_files
from reader.ui.main_window import MainWindow, settings_at

root, idle, settle = Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
gc.freeze()  # as reader.ui.app does once its imports are done
app = QApplication([])
cards = sum(1 for _ in find_card_files(root))
window = MainWindow(settings_at(Path(tempfile.mkdtemp()) / "settings.ini"), INDEX_SOURCES)
window.resize(1280, 800)
window.show()
wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
shown = time.perf_counter()
while time.perf_counter() - shown < 0.3:  # let the window settle first
    app.processEvents(wait, 50)
gaps = []
last = [0.0]

def beat():
    now = time.perf_counter()
    if last[0]:
        gaps.append((now - last[0], now))
    last[0] = now

heartbeat = QTimer()
heartbeat.setInterval(5)
heartbeat.timeout.connect(beat)
heartbeat.start()
started = time.perf_counter()
if idle:
    while time.perf_counter() - started < idle:
        app.processEvents(wait, 50)
else:
    window.open_set(root)
    watcher = window.sets.watcher
    while (window.sets.busy or window.session.total() < cards or watcher.adding
           or not watcher.watched()):
        app.processEvents(wait, 50)
took = time.perf_counter() - started
ended = time.perf_counter()
while time.perf_counter() - ended < settle:
    app.processEvents(wait, 50)
longest, when = max(gaps)
print(json.dumps({"max_ms": longest * 1000, "at_s": when - started, "beats": len(gaps),
                  "cards": window.session.total(), "build_s": took}))
sys.stdout.flush()
os._exit(0)
"""


def _measure(root: Path, cache: Path, idle: float) -> dict[str, float]:
    shutil.rmtree(cache, ignore_errors=True)
    env = child_env({"BRIEFING_READER_CACHE_DIR": str(cache)})
    done = run_child([python(), "-c", CHILD, str(root), str(idle), str(SETTLE)], env, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"stall child failed ({done.returncode})")
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def run(root: Path, scratch: Path) -> list[Result]:
    building = _measure(root, scratch / "stall-cache", 0.0)
    idle = _measure(root, scratch / "stall-idle", building["build_s"])
    return [
        Result(
            f"5. longest window stall during a cold index, {int(building['cards']):,} cards",
            "ms",
            building["max_ms"],
            idle["max_ms"],
            "product",
            50.0,
            notes=(
                f"the window as shipped, 5 ms heartbeat: {int(building['beats'])} beats over "
                f"{building['build_s']:.1f} s from the command to the set listed and watched, "
                f"and {SETTLE} s after; the longest gap ended {building['at_s']:.2f} s after the "
                f"command; idle window's longest gap {idle['max_ms']:.1f} ms"
            ),
            details={"building": building, "idle": idle},
        )
    ]
