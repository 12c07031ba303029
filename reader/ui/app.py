"""Start the desktop application: the display check, QApplication, settings, the window.

Without a display Qt aborts the process with a page of plugin errors; the check runs first
and says in one line how to work headless instead.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from reader.app.gc_pause import collections_paused
from reader.cards.resources import shipped_cards_dir

ORGANIZATION = "Briefing Reader"
APPLICATION = "briefing-reader"
EXIT_NO_DISPLAY = 1

_log = logging.getLogger(__name__)


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why the window cannot open here, or ``None`` when it can (as far as we can tell)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("QT_QPA_PLATFORM"):
        return None
    if not (platform.startswith("linux") or "bsd" in platform):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "briefing-reader: no display available (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "run headless with QT_QPA_PLATFORM=offscreen, or use 'briefing-reader check PATH' "
        "or 'briefing-reader export' instead"
    )


def start_folder(path: Path | None, last: Path | None) -> Path:
    """PATH if given; else the last set opened, if it still exists; else the shipped set."""
    if path is not None:
        return path
    if last is not None and last.is_dir():
        return last
    return shipped_cards_dir()


def run_window(path: Path | None, sources: Path | None = None) -> int:
    """Open the reader window on ``path`` and run until it closes; returns the exit code.
    ``sources`` (``--sources``): a folder of source texts, looked in for this run."""
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    # What the imports make lives as long as the program: no collections while they run
    # (some 110, ~10 ms of CPU; the cycles they would free, ~1,700 objects of 350 KB, are
    # kept), then left out of the full collections (frozen, still freed when nothing refers
    # to it) rather than walked again by each one that a 10,000-card catalog sets off while
    # the window opens (30-60 ms of start-up).
    with collections_paused(freeze=True):
        # Qt is imported only now: `check` and the display test never pay for it. The card
        # parser is made ready for the loader thread once the list is painted
        # (reader.app.parser_gate).
        import PySide6
        from PySide6.QtCore import QSettings, Qt, QTimer, qVersion

        from reader.ui.feature_scan import skip_feature_scans

        skip_feature_scans()  # before the rest is imported: reader/ui/feature_scan.py
        from PySide6.QtWidgets import QApplication

        from reader.app.log import open_held_log
        from reader.app.settings import Settings
        from reader.ui.crash import install_crash_notice
        from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APPLICATION])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Briefing Reader")
    app.setDesktopFileName(APPLICATION)
    # While the window runs, a bug is logged with its traceback and told once, not lost on a
    # stderr nobody sees; the log's start line names the versions a bug report needs.
    _, restore_hooks = install_crash_notice(app)
    _log.info("window started: Qt %s, PySide6 %s", qVersion(), PySide6.__version__)
    try:
        settings = Settings(QSettings())
        window = MainWindow(settings)  # reads through the persistent index (INDEX_SOURCES)
        window.sources.evidence.set_run_folder(sources)
        window.show()
        window.open_set(start_folder(path, settings.last_set))
        # The log file (held since the command line was read) opens on the turn after the
        # first catalog is listed, or the load failed: not on the way to the first paint.
        for outcome in (window.sets.ready, window.sets.failed):
            outcome.connect(
                lambda *_: QTimer.singleShot(0, open_held_log),
                Qt.ConnectionType.SingleShotConnection,
            )
        return app.exec()
    except Exception:  # no window to tell it in: logged, then the traceback ends the program
        _log.exception("the window could not start")
        raise
    finally:
        restore_hooks()  # no box once the window is gone
