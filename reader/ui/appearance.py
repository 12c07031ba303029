"""How the window shows text: the zoom and the colours, kept in the settings.

One object owns both so that everything drawn from them (the card, the comparison views)
follows one ``changed`` signal, and the window does not keep its own copy of either.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.app.settings import PaletteMode, Settings
from reader.render import Theme
from reader.ui.palette import apply_palette, card_theme
from reader.ui.reading.card_view import ZOOM_FACTOR


class Appearance(QObject):
    #: The zoom or the palette changed: what is drawn from them is drawn again.
    changed = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._zoom = settings.zoom

    @property
    def zoom(self) -> int:
        """Zoom steps from the normal size (negative: smaller)."""
        return self._zoom

    @property
    def scale(self) -> float:
        """The zoom as a factor of the normal size (1.1 for one step in)."""
        return float(ZOOM_FACTOR**self._zoom)

    def set_zoom(self, steps: int) -> None:
        self._settings.zoom = steps
        self._zoom = self._settings.zoom  # the settings keep it within bounds
        self.changed.emit()

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self._zoom + steps)

    @property
    def palette_mode(self) -> PaletteMode:
        return self._settings.palette_mode

    def set_palette_mode(self, mode: PaletteMode) -> None:
        self._settings.palette_mode = mode
        self._apply(mode)
        self.changed.emit()

    def apply_saved_palette(self) -> None:
        """At start-up: the saved choice's palette; the system's too, as its muted text may
        need darkening to be readable (reader.ui.contrast)."""
        self._apply(self.palette_mode)

    @staticmethod
    def _apply(mode: PaletteMode) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, mode)

    @staticmethod
    def theme() -> Theme:
        """The cards' colours: those of the palette in force, whoever installed it."""
        return card_theme(QGuiApplication.palette())

    def reading_point_size(self) -> float:
        """Card text a little larger than the interface text, times the zoom."""
        base = max(11.0, QApplication.font().pointSizeF() * 1.15)
        return round(base * ZOOM_FACTOR**self._zoom, 2)

    def comparison_point_size(self) -> float:
        """The comparison views' text: denser than a card's (tables), zoomed with it."""
        base = max(9.5, QApplication.font().pointSizeF())
        return round(base * ZOOM_FACTOR**self._zoom, 2)
