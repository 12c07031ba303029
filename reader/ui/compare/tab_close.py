"""The comparison tabs' close buttons: a plain ✕ that highlights when the pointer is on it.

The style's own button is a filled red square on the current tab, which reads as an error
badge (review P1). This one looks the same on every tab; hovering raises it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTabBar, QTabWidget, QToolButton

GLYPH = "✕"


class TabCloseButton(QToolButton):
    def sizeHint(self) -> QSize:
        """A square a little taller than the text: it follows the zoom, as the tab does."""
        side = self.fontMetrics().height() + 4
        return QSize(side, side)


def plain_close_button(tabs: QTabWidget, index: int, name: str) -> TabCloseButton:
    """Put a ✕ on tab ``index`` that asks ``tabs`` to close whichever tab holds it then."""
    bar = tabs.tabBar()
    button = TabCloseButton(bar)
    button.setText(GLYPH)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+W closes from the keyboard
    button.setCursor(Qt.CursorShape.ArrowCursor)
    button.setAccessibleName(f"Close {name}")
    button.setToolTip(f"Close {name} (Ctrl+W)")
    right = QTabBar.ButtonPosition.RightSide

    def close() -> None:
        # Tabs come and go: the tab that holds this button now, not the one it was made on.
        held = next((i for i in range(bar.count()) if bar.tabButton(i, right) is button), -1)
        if held >= 0:
            tabs.tabCloseRequested.emit(held)

    button.clicked.connect(close)
    bar.setTabButton(index, right, button)
    return button
