"""How the set-wide comparison views behave on a large set: time to ready, and the window's
longest freeze meanwhile (a 5 ms heartbeat timer, as in benchmark 5).

    python -m tests.benchmarks.views [N | --set PATH]    # N generated cards (default 10,000)

The window is the one ``briefing-reader`` opens, on the persistent index (in a throwaway
cache); each view is opened with its command, as a reader would, on the whole set. Not part of
``make bench``: there is no goal to judge beyond benchmark 5's 50 ms, which the ledger's one
large document does not meet at 10,000 cards (see the README's performance notes).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from reader.cards.load import find_card_files
from tests.benchmarks.common import given_or_generated


def measure(root: Path) -> list[tuple[str, float, float]]:
    """(view, seconds until ready, longest event-loop gap in seconds) for each view."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.app.loading import INDEX_SOURCES
    from reader.ui.main_window import MainWindow, settings_at

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    cards = sum(1 for _ in find_card_files(root))
    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-views-") as scratch:
        window = MainWindow(settings_at(Path(scratch) / "settings.ini"), INDEX_SOURCES)
        window.resize(1400, 900)
        window.show()
        window.open_set(root)
        wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        while window.sets.busy or window.session.total() < cards:
            app.processEvents(wait)
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        commands = window.commands
        for name, action in (
            ("topic matrix", commands.topic_matrix),
            ("recommendations ledger", commands.recommendations),
            ("timeline", commands.timeline),
        ):
            gaps[:] = [0.0]
            last[0] = started = time.perf_counter()
            action.trigger()
            while window.workspace.busy:
                app.processEvents(wait)
            app.processEvents()
            results.append((name, time.perf_counter() - started, max(gaps)))
        heartbeat.stop()
        window.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.views")
    parser.add_argument("cards", nargs="?", type=int, default=10_000)
    parser.add_argument("--set", type=Path, help="an existing set")
    args = parser.parse_args(argv)
    with given_or_generated(args.set, args.cards, seed=5) as root:
        n = sum(1 for _ in find_card_files(root))
        for name, ready, stall in measure(root):
            freeze = f"longest freeze {stall * 1000:.0f} ms"
            print(f"{name} of {n:,} cards: ready in {ready:.2f} s, {freeze}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
