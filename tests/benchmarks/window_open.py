"""How long the reader window takes to show the shipped set.

Run: ``python -m tests.benchmarks.window_open``.

Each run is a fresh process (imports included), as a user starting the app would see it:
from process launch to the window shown with the card list filled and the overview painted.
The window uses a throwaway settings file, so the user's preferences play no part.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 7
REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, tempfile, time
from pathlib import Path
started = time.perf_counter()
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.cards.resources import shipped_cards_dir
from reader.ui.main_window import MainWindow, settings_at
imported = time.perf_counter()
window = MainWindow(settings_at(Path(tempfile.mkdtemp()) / "s.ini"))
window.show()
window.open_set(shipped_cards_dir())
while window.session.catalog is None or not window.list_pane.visible_ids():
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
window.repaint()
ready = time.perf_counter()
print(f"READY {(imported - started) * 1000:.0f} {(ready - started) * 1000:.0f}", flush=True)
window.close()
"""


def one_run() -> tuple[float, float, float]:
    """(launch → ready, import time, in-process → ready), in milliseconds."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    launched = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            total = (time.perf_counter() - launched) * 1000
            _, imports, ready = line.split()
            proc.wait(timeout=30)
            return total, float(imports), float(ready)
    raise RuntimeError("the window never became ready")


def main() -> None:
    runs = [one_run() for _ in range(RUNS)]
    for label, column in (
        ("launch → ready", 0),
        ("Qt + app imports", 1),
        ("in process → ready", 2),
    ):
        values = [r[column] for r in runs]
        print(
            f"{label:>20}: median {statistics.median(values):6.0f} ms   "
            f"min {min(values):6.0f}   max {max(values):6.0f}   ({RUNS} runs)"
        )


if __name__ == "__main__":
    main()
