"""Plain-text labels: card text must never be read as rich text by a QLabel.

QLabel's default AutoText would render a title like ``<b>Q3`` as markup; every label that can
show card or set text is one of these.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if accessible_name:
            self.setAccessibleName(accessible_name)


class MutedLabel(PlainLabel):
    """Secondary text in the palette's muted colour, following palette changes (dark mode)."""

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent, accessible_name=accessible_name)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if palette.color(QPalette.ColorRole.WindowText) == muted:
            return
        palette.setColor(QPalette.ColorRole.WindowText, muted)
        self.setPalette(palette)
