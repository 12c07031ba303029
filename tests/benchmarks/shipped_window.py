"""The window as ``briefing-reader PATH`` starts it, driven from inside a benchmark's child.

The rows that interrupt a load or start an export (close, switch, export stall) must measure
what ships: :func:`reader.ui.app.run_window` builds the window with the persistent index as
its catalog source and runs the event loop. :func:`run_shipped` calls it with a hook that
runs once the loop has started, and :func:`app_env` gives the child throwaway cache, settings
and log folders, so a run never touches the user's.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tests.benchmarks.common import child_env

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reader.ui.main_window import MainWindow

#: A large set for the interruption rows, as the issue measured them.
LARGE_CARDS = 4_000
#: The set switched to: small enough that listing it costs next to nothing.
SMALL_CARDS = 3


def app_env(scratch: Path) -> dict[str, str]:
    """A child's environment: an empty index cache, settings and log in ``scratch``."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=scratch))
    return child_env(
        {
            "BRIEFING_READER_CACHE_DIR": str(cache),
            "XDG_CONFIG_HOME": str(scratch / "config"),
            "XDG_STATE_HOME": str(scratch / "state"),
        }
    )


def main_window(app: QApplication) -> MainWindow:
    from reader.ui.main_window import MainWindow

    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))


def run_shipped(root: Path, started: Callable[[QApplication, MainWindow], None]) -> int:
    """``briefing-reader root``, calling ``started`` as soon as the event loop runs (the load
    of ``root`` has then just begun)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import run_window

    app = QApplication(["briefing-reader"])
    QTimer.singleShot(0, lambda: started(app, main_window(app)))
    return run_window(root)


def wait_until(app: QApplication, done: Callable[[], bool], limit_s: float) -> None:
    """Run the event loop until ``done()`` (a benchmark step, not a test: a sleep is fine)."""
    end = time.monotonic() + limit_s
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.monotonic() > end:
            raise SystemExit("timed out")


def listed(window: MainWindow, root: Path, cards: int) -> bool:
    """The window shows ``root``'s ``cards`` cards in its list."""
    catalog = window.session.catalog
    return (
        catalog is not None
        and catalog.root == root.resolve()
        and len(window.list_pane.visible_ids()) == cards
    )
