"""The status bar's zoom level ("110 %"): where the reader sees how far the window is zoomed,
and a click back to the normal size.

It lives in the status bar (added by :class:`reader.ui.window_zoom.WindowZoom`), as in a
browser or a word processor, because Ctrl+= and Ctrl+- otherwise leave no visible trace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget


def percent(scale: float) -> int:
    """A zoom factor as the whole percentage shown to the reader (1.1 → 110)."""
    return round(scale * 100)


class ZoomIndicator(QToolButton):
    """A flat button reading the zoom level; clicked, it asks for the normal size (the owner
    connects ``clicked``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoomLevel")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.show_scale(1.0, "")

    def show_scale(self, scale: float, reset_key: str) -> None:
        """Show the zoom ``scale`` (1.0: normal); ``reset_key`` names Actual Size's key."""
        level = percent(scale)
        self.setText(f"{level} %")
        self.setAccessibleName(f"Zoom {level} %")
        key = f" ({reset_key})" if reset_key else ""
        self.setToolTip(f"Zoom {level} %: click for the normal size{key}")
