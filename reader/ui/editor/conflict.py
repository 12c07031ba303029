"""When the card changes on disk under unsaved edits: a bar that says so, and a comparison.

Neither version is ever dropped without the user choosing: Keep Mine (the next save replaces
the file, knowingly), Take Theirs (the edits are dropped and the file reloaded), or Compare
(both texts side by side, with the lines that differ marked, and the same two choices).
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.ui.labels import PlainLabel


class ConflictBar(QFrame):
    keep_mine = Signal()
    take_theirs = Signal()
    compare = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 6, 12, 6)
        self.label = PlainLabel(accessible_name="Changed on disk")
        self.label.setWordWrap(True)
        self.label.setText(
            "Changed on disk: another program changed this card while you were editing it."
        )
        outer.addWidget(self.label)
        layout = QHBoxLayout()  # under the message: the pane may be narrow
        layout.addStretch(1)
        outer.addLayout(layout)
        self.buttons: dict[str, QPushButton] = {}
        for name, tip, signal in (
            ("Keep Mine", "Keep your edits; the next save replaces the file", self.keep_mine),
            ("Take Theirs", "Drop your edits and load the file as it is now", self.take_theirs),
            ("Compare", "See your version and the file's side by side", self.compare),
        ):
            button = QPushButton(name)
            button.setToolTip(tip)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
            self.buttons[name] = button
        self.hide()


class CompareDialog(QDialog):
    """Your version beside the file's, the differing lines tinted; choose one or close."""

    KEEP_MINE = 10
    TAKE_THEIRS = 11

    def __init__(self, mine: str, theirs: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your version and the file on disk")
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        mine_lines, their_lines = mine.splitlines(), theirs.splitlines()
        ours_changed, theirs_changed = _changed_lines(mine_lines, their_lines)
        self.mine = _pane(splitter, "Yours (not saved)", mine, ours_changed)
        self.theirs = _pane(splitter, "On disk", theirs, theirs_changed)
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox()
        keep = buttons.addButton("Keep Mine", QDialogButtonBox.ButtonRole.AcceptRole)
        take = buttons.addButton("Take Theirs", QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        keep.clicked.connect(lambda: self.done(self.KEEP_MINE))
        take.clicked.connect(lambda: self.done(self.TAKE_THEIRS))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _changed_lines(mine: list[str], theirs: list[str]) -> tuple[set[int], set[int]]:
    ours: set[int] = set()
    their: set[int] = set()
    matcher = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            ours.update(range(a1, a2))
            their.update(range(b1, b2))
    return ours, their


def _pane(splitter: QSplitter, title: str, text: str, changed: set[int]) -> QPlainTextEdit:
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(_title(title))
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setAccessibleName(title)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    edit.setPlainText(text)
    tint = QTextCharFormat()
    dark = edit.palette().color(edit.palette().ColorRole.Base).lightness() < 128
    tint.setBackground(QColor("#4a3b12" if dark else "#fff1c2"))
    doc = edit.document()
    for number in changed:
        block = doc.findBlockByNumber(number)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(tint)
    layout.addWidget(edit)
    splitter.addWidget(panel)
    return edit


def _title(text: str) -> PlainLabel:
    label = PlainLabel(accessible_name=text)
    label.setText(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
