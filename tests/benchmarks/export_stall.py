"""Starting a PDF export of 4,000 cards from the window: the longest stall of its event loop.

Part of ``make bench``; on its own::

    python -m tests.benchmarks.export_stall [N | --set PATH]   # N cards (default 4,000)

The window is ``briefing-reader PATH`` (:func:`reader.ui.app.run_window`, the persistent
index in an empty cache), loaded and quiet. A 5 ms heartbeat timer (as in benchmark 5) runs
throughout. For ``WINDOW_S`` seconds the window is left idle: the longest gap between beats
is the floor. Then File > Export to PDF… is triggered (the longest gap while its options
dialog opens is reported too: the PDF pipeline is imported then, on the UI thread), the
dialog's Export… pressed for the whole set and the file dialog answered (patched to return a
path): the longest gap over the next ``WINDOW_S`` seconds is the product — reading every card
of the book in full from the index, and the start of the rendering. The process then ends
(an export of thousands of cards takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cards.set_walk import find_card_files
from tests.benchmarks.common import Result, format_table, python, run_child
from tests.benchmarks.shipped_window import LARGE_CARDS, app_env, run_shipped, wait_until

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

MODULE = "tests.benchmarks.export_stall"
GOAL_MS = 50.0
WINDOW_S = 5.0


def run(large: Path, scratch: Path) -> list[Result]:
    done = run_child([python(), "-m", MODULE, "--child", str(large)], app_env(scratch), 600)
    n = sum(1 for _ in find_card_files(large))
    name = f"start an export from the window -> longest UI stall, {n:,} cards"
    if done.returncode != 0:
        return [Result(name, "ms", None, None, "product", GOAL_MS, notes="the child failed")]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        Result(
            name,
            "ms",
            measured["export_ms"],
            measured["idle_ms"],
            "product",
            GOAL_MS,
            notes=(
                f"5 ms heartbeat over {WINDOW_S:g} s from pressing Export… "
                f"(the progress dialog then at {measured['progress']}); opening the options "
                f"dialog before it: {measured['dialog_ms']:.0f} ms (it imports the PDF "
                f"pipeline); floor: the idle window's longest gap over as long"
            ),
            details=measured,
        )
    ]


class _Heartbeat:
    """The longest gap between two ticks of a 5 ms timer since :meth:`restart`."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def restart(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()


def _child(root: Path, out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import (
        QCheckBox,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QProgressDialog,
    )

    cards = sum(1 for _ in find_card_files(root))
    # The file dialog is the only part a benchmark cannot click through.
    QFileDialog.getSaveFileName = lambda *_args, **_kw: (str(out), "")  # type: ignore[method-assign]

    def measure(app: QApplication, window: MainWindow) -> None:
        wait_until(app, lambda: not window.sets.busy and window.session.total() == cards, 300)
        wait_until(app, lambda: not window.sets.watcher.pending, 60)
        beat = _Heartbeat()
        end = time.monotonic() + WINDOW_S
        wait_until(app, lambda: time.monotonic() > end, WINDOW_S + 5)
        idle_ms = beat.longest * 1000
        beat.restart()
        window.commands.export_pdf.trigger()
        settled = time.monotonic() + 0.5
        wait_until(app, lambda: time.monotonic() > settled, 60)
        dialog_ms = beat.longest * 1000
        (options,) = [d for d in window.findChildren(QDialog) if d.windowTitle() == "Export to PDF"]
        for box in options.findChildren(QCheckBox):
            if box.accessibleName() == "Open the PDF when it is written":
                box.setChecked(False)
        buttons = options.findChild(QDialogButtonBox)
        assert buttons is not None
        beat.restart()
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        end = time.monotonic() + WINDOW_S
        wait_until(app, lambda: time.monotonic() > end, WINDOW_S + 60)
        export_ms = beat.longest * 1000
        progress = [p.value() for p in window.findChildren(QProgressDialog)]
        result = {
            "idle_ms": idle_ms,
            "dialog_ms": dialog_ms,
            "export_ms": export_ms,
            "progress": max(progress, default=0),
        }
        print(json.dumps(result), flush=True)
        os._exit(0)  # an export of thousands of cards would take minutes to finish

    def started(app: QApplication, window: MainWindow) -> None:
        QTimer.singleShot(0, lambda: measure(app, window))

    return run_shipped(root, started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("cards", nargs="?", type=int, default=LARGE_CARDS)
    parser.add_argument("--set", type=Path, help="an existing set")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        with tempfile.TemporaryDirectory(prefix="briefing-export-stall-") as out:
            return _child(args.child, Path(out) / "book.pdf")
    from tests.support.synthetic import write_set

    with tempfile.TemporaryDirectory(prefix="briefing-export-stall-") as scratch:
        folder = Path(scratch)
        large = args.set or folder / "large"
        if args.set is None:
            write_set(large, args.cards, seed=1)
        print(format_table(run(large, folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
