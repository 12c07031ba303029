"""The editor's top strip: which file, whether it is modified, its buttons, and the verdict.

The verdict line is the loader's summary for the text a save would write (clean, or how many
errors keep the card out of the list); problems that belong to no single field (a syntax
error, a missing required field) are listed under it, since no field can show them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)

from reader.cards.problems import Problem
from reader.render.tooltips import safe_tooltip
from reader.ui.editor.alert import AlertLabel
from reader.ui.editor.validation import Verdict
from reader.ui.labels import MutedLabel, PlainLabel


class ElidedLabel(PlainLabel):
    """A one-line label that shortens its text in the middle to the width it is given (a file
    name keeps its start and its ``.yaml``); ``text()`` stays whole, the tooltip says more."""

    def __init__(self, *, accessible_name: str = "") -> None:
        super().__init__(accessible_name=accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text()) + 2

    def shown_text(self) -> str:
        """The text as painted: whole, or elided in the middle."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )


class EditorHeader(QFrame):
    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.setObjectName("editor-header")
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 6)
        outer.setSpacing(4)
        self._outer = outer
        row = self._row = QHBoxLayout()
        self.name = ElidedLabel(accessible_name="Card file")
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.name.setFont(font)
        row.addWidget(self.name, 1)
        self._wrapped = False
        self.undo = self._tool(row, "Undo", "Undo the last change (Ctrl+Z)")
        self.redo = self._tool(row, "Redo", "Redo (Ctrl+Shift+Z)")
        self.undo.clicked.connect(undo_stack.undo)
        self.redo.clicked.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.revert_button = self._button(
            row, "Revert", "Drop the unsaved changes and reload the file"
        )
        self.save_button = self._button(row, "Save", "Save the card (Ctrl+S)")
        self.close_button = self._button(row, "Close", "Close the editor")
        outer.addLayout(row)
        self.folder = MutedLabel(accessible_name="Folder")
        self.folder.setWordWrap(True)
        outer.addWidget(self.folder)
        self.verdict = AlertLabel(accessible_name="Problems")
        outer.addWidget(self.verdict)
        self.status = MutedLabel(accessible_name="Status")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        self._file = ""
        self._path = Path()
        self._modified = False

    @staticmethod
    def _tool(row: QHBoxLayout, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        row.addWidget(button)
        return button

    @staticmethod
    def _button(row: QHBoxLayout, text: str, tip: str) -> QToolButton:
        """A framed tool button: as clear as a push button, without its 80 px minimum."""
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        row.addWidget(button)
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The name beside the buttons while it fits there; on a line of its own above them
        when it would be cut (N12: "mali-sanctions-2023.y" under Undo at 1024 px)."""
        buttons = (self.undo, self.redo, self.revert_button, self.save_button, self.close_button)
        room = self.contentsRect().width() - sum(
            b.sizeHint().width() + self._row.spacing() for b in buttons
        )
        margins = self._outer.contentsMargins()
        wrap = self.name.full_width() > room - margins.left() - margins.right()
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        if wrap:
            self._row.removeWidget(self.name)
            self._row.insertStretch(0, 1)
            self._outer.insertWidget(0, self.name)
        else:
            self._outer.removeWidget(self.name)
            self._row.takeAt(0)  # the stretch
            self._row.insertWidget(0, self.name, 1)

    def show_file(self, path: Path, failure: str) -> None:
        self._file = path.name
        self._path = path
        self.folder.setText(str(path.parent))
        self._show_name()
        self.status.hide()
        self.save_button.setEnabled(not failure)
        if failure:
            self._set_verdict(
                f"This file cannot be edited in the form ({failure}). "
                "Open it in an external editor to mend it.",
                error=True,
            )

    def show_modified(self, modified: bool) -> None:
        self._modified = modified
        self._show_name()
        self.revert_button.setEnabled(modified)

    def _show_name(self) -> None:
        self.name.setText(f"{self._file} *" if self._modified else self._file)
        state = "modified, not saved yet" if self._modified else "saved"
        self.name.setToolTip(safe_tooltip(f"{self._path} ({state})"))
        self._fit()

    def show_verdict(self, verdict: Verdict, loose: list[Problem]) -> None:
        lines = [verdict.summary()]
        lines += [f"Line {p.line}: {p.message}" for p in loose]
        self._set_verdict("\n".join(lines), error=bool(verdict.errors))

    def _set_verdict(self, text: str, *, error: bool) -> None:
        self.verdict.show_text(text, alert=error)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
