"""Plain-text labels: card text must never be read as rich text by a QLabel.

QLabel's default AutoText would render a title like ``<b>Q3`` as markup; every label that can
show card or set text is one of these.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if accessible_name:
            self.setAccessibleName(accessible_name)


class FollowingLabel(PlainLabel):
    """A plain label whose text colour is worked out from the palette it inherits, again on
    every palette change (dark mode): subclasses say which colour (:meth:`text_colour`)."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()

    def text_colour(self, inherited: QPalette) -> QColor:
        raise NotImplementedError

    def recolour(self) -> None:
        parent = self.parentWidget()
        inherited = parent.palette() if parent is not None else QGuiApplication.palette()
        wanted = self.text_colour(inherited)
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) == wanted:
            return
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        self.setPalette(palette)


class MutedLabel(FollowingLabel):
    """Secondary text in the palette's muted colour."""

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent, accessible_name=accessible_name)
        self.recolour()

    def text_colour(self, inherited: QPalette) -> QColor:
        return inherited.color(QPalette.ColorRole.PlaceholderText)
