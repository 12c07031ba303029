"""The corner beside the comparison workspace's tabs: which cards the view shows (the scope
line), then buttons (Export, Print, Back to Reading).

The tabs come first. In a narrow or zoomed window the scope line gives way, then the first
buttons (their commands are in the menus and the toolbar too), so no tab is cut or scrolled
out of sight behind arrows; Back to Reading stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from reader.ui.labels import MutedLabel

#: The widest the scope line may grow.
SCOPE_WIDTH = 300


class TabCorner(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scope = MutedLabel(self, accessible_name="Cards in this view")
        self.scope.setObjectName("comparisonScope")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 0, 4, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.scope)
        self._layout.addSpacing(8)
        self._buttons: list[QToolButton] = []

    def add_actions(self, actions: Sequence[QAction]) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._layout.addWidget(button)
            self._buttons.append(button)

    def show_scope(self, text: str) -> None:
        """The scope line, elided in the middle; whole in its tooltip."""
        elided = self.scope.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, SCOPE_WIDTH
        )
        self.scope.setText(elided)
        self.scope.setToolTip(text)

    def fit(self, tabs: int, room: int) -> None:
        """Leave ``tabs`` pixels of ``room`` to the tabs, hiding what must give way."""
        for widget in (self.scope, *self._buttons):
            widget.show()
        for widget in (self.scope, *self._buttons[:-1]):
            self._layout.invalidate()
            if tabs + self.sizeHint().width() <= room:
                break
            widget.hide()
        self.updateGeometry()
