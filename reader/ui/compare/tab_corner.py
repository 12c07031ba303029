"""The corner beside the comparison workspace's tabs: which cards the view shows (the scope
line), then buttons (Export, Print, Back to Reading).

The tabs come first. In a narrow or zoomed window the scope line gives way, then the first
buttons, so no tab is cut or scrolled out of sight behind arrows; Back to Reading stays. A
button that gives way moves into a "⋯" menu beside Back to Reading rather than vanishing: on a
laptop screen the exports must still be one click away, where they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QToolButton, QWidget

from reader.render.tooltips import safe_tooltip
from reader.ui.labels import MutedLabel

#: The widest the scope line may grow.
SCOPE_WIDTH = 300


class TabCorner(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scope = MutedLabel(self, accessible_name="Cards in this view")
        self.scope.setObjectName("comparisonScope")
        self._scope_text = ""
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 0, 4, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.scope)
        self._layout.addSpacing(8)
        self._buttons: list[QToolButton] = []
        self.overflow = QToolButton(self)
        self.overflow.setObjectName("comparisonOverflow")
        self.overflow.setText("⋯")
        self.overflow.setToolTip("More commands")
        self.overflow.setAccessibleName("More commands")
        self.overflow.setAutoRaise(True)
        self.overflow.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.overflow.setMenu(QMenu(self.overflow))
        self.overflow.hide()

    def add_actions(self, actions: Sequence[QAction]) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._layout.addWidget(button)
            self._buttons.append(button)
        # The overflow sits before the last button (Back to Reading, which never gives way).
        self._layout.removeWidget(self.overflow)
        self._layout.insertWidget(self._layout.indexOf(self._buttons[-1]), self.overflow)

    def show_scope(self, text: str) -> None:
        """The scope line, elided in the middle; whole in its tooltip."""
        elided = self.scope.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, SCOPE_WIDTH
        )
        self.scope.setText(elided)
        self._scope_text = text  # the tooltip is escaped (tag names are the set's text)
        self.scope.setToolTip(safe_tooltip(text) if text else "")

    def fit(self, tabs: int, room: int) -> None:
        """Leave ``tabs`` pixels of ``room`` to the tabs, hiding what must give way."""
        for widget in (self.scope, *self._buttons):
            widget.show()
        self.overflow.hide()
        hidden: list[QAction] = []
        for widget in (self.scope, *self._buttons[:-1]):
            self._layout.invalidate()
            if tabs + self.sizeHint().width() <= room:
                break
            widget.hide()
            if isinstance(widget, QToolButton) and (action := widget.defaultAction()):
                hidden.append(action)
                self.overflow.show()
        menu = self.overflow.menu()
        menu.clear()
        if hidden and self.scope.isHidden() and self._scope_text:
            # What the view shows, said where it went (a disabled line: the style may not
            # draw a section's text).
            menu.addAction(self._scope_text).setEnabled(False)
            menu.addSeparator()
        menu.addActions(hidden)
        self.updateGeometry()

    def overflowed(self) -> list[QAction]:
        """The commands only the "⋯" menu offers now."""
        return self.overflow.menu().actions() if self.overflow.isVisibleTo(self) else []
