"""The editor's one error colour, readable on the palette in force, and a label that keeps it.

The review measured the editor's red at 2.1:1 in dark mode (N6): the colour was chosen once,
from the palette a widget had when the message was set, and a palette switched a moment
earlier (or while the editor was open) had not reached that widget yet. Every error line of
the editor now takes its red from :func:`error_colour` and recolours itself when its palette
changes, so what it shows is measured against the background it is drawn on.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from reader.ui.contrast import AA, contrast, mix
from reader.ui.labels import FollowingLabel
from reader.ui.palette import is_dark

Role = QPalette.ColorRole

#: The reds the editor starts from: a deep one on light backgrounds, a pale one on dark.
LIGHT_RED = "#b3261e"
DARK_RED = "#ff8a80"
#: Where error text is drawn: the form (Window), its edit boxes and lists (Base, AlternateBase).
BACKGROUNDS = (Role.Window, Role.Base, Role.AlternateBase)


def error_colour(palette: QPalette | None = None) -> QColor:
    """The red for error text on ``palette`` (the application's by default): the base red,
    moved towards the text colour only as far as AA on every editor background needs (a
    system palette may be neither light nor dark enough for either red)."""
    palette = palette or QGuiApplication.palette()
    red = QColor(DARK_RED if is_dark(palette) else LIGHT_RED)
    text = palette.color(Role.WindowText)
    backgrounds = [palette.color(role) for role in BACKGROUNDS]
    for step in range(11):
        colour = mix(text, red, step / 10)
        if min(contrast(colour, bg) for bg in backgrounds) >= AA:
            return colour
    return text


class AlertLabel(FollowingLabel):
    """A wrapped plain label whose text is drawn in :func:`error_colour` while it reports an
    error, in the palette's own text colour otherwise; either follows palette changes."""

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = "") -> None:
        super().__init__(parent, accessible_name=accessible_name)
        self.setWordWrap(True)
        self._alert = False

    @property
    def alert(self) -> bool:
        return self._alert

    def show_text(self, text: str, *, alert: bool) -> None:
        self.setText(text)
        self._alert = alert
        self.recolour()

    def text_colour(self, inherited: QPalette) -> QColor:
        return error_colour(inherited) if self._alert else inherited.color(Role.WindowText)
