"""The Qt application object an export needs, without a display.

QTextDocument measures type through the font database, which needs a QGuiApplication. The
command line must export on a server with no display, so when no application exists yet it
creates one on the ``offscreen`` platform: it uses the same fonts as the desktop and a fixed
96-dpi screen, which also keeps the layout the same on every machine.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from reader.qt.compat import protect_none


def gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one; keep the result referenced."""
    protect_none()
    current = QCoreApplication.instance()
    if current is None:
        name = sys.argv[0] if sys.argv and sys.argv[0] else "briefing-reader"
        return QGuiApplication([name, "-platform", "offscreen"])
    if not isinstance(current, QGuiApplication):
        raise RuntimeError("PDF export needs a QGuiApplication, not a QCoreApplication")
    return current
