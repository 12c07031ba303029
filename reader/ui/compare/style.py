"""Which card theme suits a widget, and a palette that keeps the theme's text readable.

The host window may pass a theme explicitly; otherwise the views follow the palette they are
shown in, so a dark desktop gets dark badges without the window having to say so.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from reader.render.theme import DARK, LIGHT, Theme


def theme_for_palette(palette: QPalette) -> Theme:
    window = palette.color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def paint_with_theme(widget: QWidget, theme: Theme) -> None:
    """Give ``widget`` the theme's background and text, so HTML in the theme's colours shows."""
    palette = widget.palette()
    for role, colour in (
        (QPalette.ColorRole.Base, theme.background),
        (QPalette.ColorRole.AlternateBase, theme.background),
        (QPalette.ColorRole.Text, theme.text),
        (QPalette.ColorRole.PlaceholderText, theme.muted),
    ):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)
