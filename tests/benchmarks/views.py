"""How the set-wide comparison views behave on a large set: time to ready, and the window's
longest freeze meanwhile (a 5 ms heartbeat timer, as in benchmark 5).

    python -m tests.benchmarks.views [N | --set PATH] [--only topic|recommendations|timeline]

N generated cards (default 10,000), or the set at PATH.

The window is the one ``briefing-reader`` opens, on the persistent index (in a throwaway
cache); each view is opened with its command, as a reader would, on the whole set.
``make bench`` runs it as row 10 (:mod:`tests.benchmarks.set_views`; goals 0.5 s and 50 ms).

"Ready" is the end of the view's last paint of its rows within :data:`SETTLE` seconds of the
first result's arrival (the whole result, or the first part a view shows while the rest is
worked out: the timeline's first rows, whose paints count until the whole result comes): the
view lays out and paints its first screenful in the events after the result (a delayed
layout, fetching the first rows), which the loop that waited for the result did not see. The
freeze is the longest heartbeat gap from the command to :data:`SETTLE` seconds after the
whole result, and is also given by when it ended: with the command (making the view, the
window laid out again around it), while the view was worked out in the background (its first
part shown or not), or once the whole result came.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from reader.cards.set_walk import find_card_files
from tests.benchmarks.common import given_or_generated

#: Seconds the window runs on after a view's result came, for its first layout and paint.
SETTLE = 0.5
#: Seconds the window is left idle once the set is listed, before the first command.
IDLE = 2.0


class ViewTiming(NamedTuple):
    """One view's figures, in seconds: ready, the longest freeze, and the longest of each
    phase (see the module's docstring)."""

    view: str
    ready: float
    freeze: float
    at_command: float
    meanwhile: float
    after_result: float


def measure(root: Path, only: str | None = None) -> list[ViewTiming]:
    """:class:`ViewTiming` of each view (or the ``only`` one: a name starting so), opened
    one after the other."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from reader.app.loading import INDEX_SOURCES
    from reader.ui.compare.pane import SetWideView
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
        # The set's watch is added a slice per turn of the loop once listed (at 100,000
        # cards, for many seconds, each slice freezing the window: reader.app.watcher). A
        # reader's command meets it only that long after opening; the views' own freezes are
        # measured once it is done, and how long it took is said.
        listed = time.perf_counter()
        while window.sets.watcher.adding:
            app.processEvents(wait, 50)
        print(f"(the watch was added {time.perf_counter() - listed:.1f} s after listing)")
        # Idle a moment, as a reader would before a command: what the window does once the
        # set is listed (the views' modules load, reader.ui.compare.preload) is not the command.
        listed = time.perf_counter()
        while time.perf_counter() - listed < IDLE:
            app.processEvents(wait, 50)
        gaps: list[tuple[float, float]] = []  # (when it ended, how long)
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append((now, now - last[0]))
            last[0] = now

        painted: list[float] = []

        def note_painted() -> None:
            painted.append(time.perf_counter())

        class Paints(QObject):
            """Notes when a view's rows were last painted: once the paint is done, at the next
            turn of the event loop."""

            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, note_painted)
                return False

        paints = Paints()
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
            if only is not None and not name.startswith(only):
                continue
            gaps.clear()
            last[0] = started = time.perf_counter()
            action.trigger()
            view = window.workspace.tabs.currentWidget()
            for rows in view.findChildren(QAbstractItemView):
                rows.viewport().installEventFilter(paints)
            painted.clear()
            shown = None  # when the first result (or part) was in: the cover is gone
            parted = False  # a part came first: the whole result is yet to come
            while window.workspace.busy:
                app.processEvents(wait)
                if shown is None and isinstance(view, SetWideView) and not view.loading:
                    shown = time.perf_counter()
                    parted = window.workspace.busy
            arrived = time.perf_counter()
            shown = arrived if shown is None else shown
            while time.perf_counter() - arrived < SETTLE:
                app.processEvents(wait, 10)
            # The first screenful's paints: those after a part up to the whole result's coming.
            until = min(shown + SETTLE, arrived) if parted else shown + SETTLE
            ready = max((t for t in painted if t <= until), default=shown)
            for rows in view.findChildren(QAbstractItemView):
                rows.viewport().removeEventFilter(paints)
            first = gaps[0][0] if gaps else arrived
            command = [g for end, g in gaps if end <= first]
            meanwhile = [g for end, g in gaps if first < end <= arrived]
            after = [g for end, g in gaps if end > arrived]
            longest = [max(phase, default=0.0) for phase in (command, meanwhile, after)]
            results.append(ViewTiming(name, ready - started, max(longest), *longest))
        heartbeat.stop()
        window.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.views")
    parser.add_argument("cards", nargs="?", type=int, default=10_000)
    parser.add_argument("--set", type=Path, help="an existing set")
    parser.add_argument("--only", choices=("topic", "recommendations", "timeline"))
    args = parser.parse_args(argv)
    with given_or_generated(args.set, args.cards, seed=5) as root:
        n = sum(1 for _ in find_card_files(root))
        for timing in measure(root, args.only):
            phases = ", ".join(
                f"{what} {seconds * 1000:.0f}"
                for what, seconds in zip(
                    ("at the command", "meanwhile", "after the result"),
                    timing[3:],
                    strict=True,
                )
            )
            print(
                f"{timing.view} of {n:,} cards: ready in {timing.ready:.2f} s, longest freeze "
                f"{timing.freeze * 1000:.0f} ms ({phases} ms)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
