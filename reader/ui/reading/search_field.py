"""The search box: search as you type, Escape clears, Down arrow goes to the results.

Keystrokes are gathered for a moment before the query runs, so typing "ECOWAS" filters once
or twice rather than six times, and the history records one step for the whole word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from reader.ui.actions import key_text

TYPING_PAUSE_MS = 150


class SearchField(QLineEdit):
    #: The text to search for, after a pause in typing (or at once on Enter / clear).
    search = Signal(str)
    #: The reader is done with the box (Escape on an empty box, Down or Enter).
    leave = Signal()

    def __init__(self, find: QAction, clear: QAction, parent: QWidget | None = None) -> None:
        """``find`` and ``clear``: the commands whose keys the box mentions."""
        super().__init__(parent)
        self.setObjectName("search")
        self.setAccessibleName("Search cards")
        self.setAccessibleDescription(f"Search all card text; {key_text(clear)} clears the search")
        self.setPlaceholderText(f"Search cards  ({key_text(find, every=True)})")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(240)
        self.setMaximumWidth(420)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self.textEdited.connect(self._typed)
        # The clear button edits the text without textEdited: search at once.
        self.textChanged.connect(self._changed)

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def _changed(self, text: str) -> None:
        if not text:
            self._timer.stop()
            self.search.emit("")

    def _emit(self) -> None:
        self.search.emit(self.text())

    def set_text_quietly(self, text: str) -> None:
        """Show ``text`` (history moved) without searching again."""
        if text == self.text():
            return
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)
        self._timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.leave.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self._timer.stop()
                self._emit()
            self.leave.emit()
            return
        if key == Qt.Key.Key_Down:
            self.leave.emit()
            return
        super().keyPressEvent(event)
