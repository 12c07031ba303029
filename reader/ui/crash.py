"""The message the user sees when Briefing Reader hits a bug: one readable box per session.

:func:`reader.app.log.install_excepthooks` logs every uncaught exception with its traceback
and hands over a sentence; this shows the first one in a message box and only logs the rest.
Once per session, not once per exception: a fault that repeats (a paint handler, a timer, a
slot tied to every keystroke) would stack boxes faster than they can be closed, and after the
first box the user knows, and the log holds every one. The box is non-blocking, like the export
dialog's failure box: no nested event loop inside an error path, and the window keeps working
behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.app.log import install_excepthooks

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

TITLE = "Unexpected problem"


class CrashNotice(QObject):
    """Shows the first problem reported to :meth:`notify`, from whichever thread it comes."""

    #: Queued to this object's (the UI) thread when emitted from a worker thread.
    _reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.message: QMessageBox | None = None
        self._reported.connect(self._show)

    def notify(self, text: str) -> None:
        """Report a problem; safe on any thread (widgets are touched on the UI thread only)."""
        self._reported.emit(text)

    @Slot(str)
    def _show(self, text: str) -> None:
        if self.message is not None:
            return
        from PySide6.QtWidgets import QApplication, QMessageBox  # on first use: reader/ui/lazy.py

        box = QMessageBox(QMessageBox.Icon.Warning, TITLE, text, parent=QApplication.activeWindow())
        box.setTextFormat(Qt.TextFormat.PlainText)  # the exception's text is not markup
        box.setAccessibleName(TITLE)
        self.message = box
        box.open()


def install_crash_notice(parent: QObject) -> tuple[CrashNotice, Callable[[], None]]:
    """Log uncaught exceptions and show the first one; returns the notice and a function
    that puts the previous exception hooks back."""
    notice = CrashNotice(parent)
    return notice, install_excepthooks(notice.notify)
