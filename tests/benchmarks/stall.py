"""Benchmark 5: the longest event-loop stall while a cold index is built in the background.

A child process runs a Qt event loop with a 5 ms heartbeat timer, as the window would, and
builds a cold index on a worker thread (the window's loader does the same), receiving each
batch of summaries. The stall is the longest gap between two heartbeats. The floor is the same
process with the loop idle for as long.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.benchmarks.common import Result, child_env, python, run_child

CHILD = r"""
import json, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from reader.index import open_index

root, cache, idle = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
app = QApplication([])
window = QMainWindow()
window.show()
gaps, batches = [], []
last = [0.0]

def beat():
    now = time.perf_counter()
    if last[0]:
        gaps.append(now - last[0])
    last[0] = now

heartbeat = QTimer()
heartbeat.setInterval(5)
heartbeat.timeout.connect(beat)
done = threading.Event()
took = [0.0]

def build():
    started = time.perf_counter()
    open_index(root, cache_dir=cache, on_batch=lambda s: batches.append(len(s)))
    took[0] = time.perf_counter() - started
    done.set()

def start():
    heartbeat.start()
    if idle:
        threading.Timer(idle, done.set).start()
    else:
        threading.Thread(target=build, daemon=True).start()

def check():
    if done.is_set():
        app.quit()

QTimer.singleShot(200, start)  # let the window settle first
checker = QTimer()
checker.timeout.connect(check)
checker.start(20)
app.exec()
print(json.dumps({"max_ms": max(gaps) * 1000, "beats": len(gaps), "batches": len(batches),
                  "cards": sum(batches), "build_s": took[0]}))
"""


def _measure(root: Path, cache: Path, idle: float) -> dict[str, float]:
    shutil.rmtree(cache, ignore_errors=True)
    done = run_child(
        [python(), "-c", CHILD, str(root), str(cache), str(idle)], child_env(), timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"stall child failed ({done.returncode})")
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def run(root: Path, scratch: Path) -> list[Result]:
    building = _measure(root, scratch / "stall-cache", 0.0)
    idle = _measure(root, scratch / "stall-idle", building["build_s"])
    return [
        Result(
            f"5. longest UI stall during a cold index, {int(building['cards']):,} cards",
            "ms",
            building["max_ms"],
            idle["max_ms"],
            "product",
            50.0,
            notes=(
                f"5 ms heartbeat: {int(building['beats'])} beats over a "
                f"{building['build_s']:.1f} s build delivered in {int(building['batches'])} "
                f"batches; idle loop's longest gap {idle['max_ms']:.1f} ms"
            ),
            details={"building": building, "idle": idle},
        )
    ]
