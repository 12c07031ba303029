"""The editor's top strip: which file, whether it is modified, its buttons, and the verdict.

The verdict line is the loader's summary for the text a save would write (clean, or how many
errors keep the card out of the list); problems that belong to no single field (a syntax
error, a missing required field) are listed under it, since no field can show them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
)

from reader.cards.problems import Problem
from reader.ui.editor.alert import AlertLabel
from reader.ui.editor.validation import Verdict
from reader.ui.labels import MutedLabel, PlainLabel


class EditorHeader(QFrame):
    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.setObjectName("editor-header")
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 6)
        outer.setSpacing(4)
        row = QHBoxLayout()
        self.name = PlainLabel(accessible_name="Card file")
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.name.setFont(font)
        # The buttons keep their room in a narrow pane; a long file name is cut instead.
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.name, 1)
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

    def show_file(self, path: Path, failure: str) -> None:
        self._file = path.name
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
        self.name.setToolTip(f"{self._file} ({state})")

    def show_verdict(self, verdict: Verdict, loose: list[Problem]) -> None:
        lines = [verdict.summary()]
        lines += [f"Line {p.line}: {p.message}" for p in loose]
        self._set_verdict("\n".join(lines), error=bool(verdict.errors))

    def _set_verdict(self, text: str, *, error: bool) -> None:
        self.verdict.show_text(text, alert=error)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
