"""A palette that keeps a card theme's text readable in a view, whatever the window's palette.

The host window may pass a theme explicitly; otherwise the views follow the palette they are
shown in (:func:`reader.ui.palette.card_theme`), so a dark desktop gets dark badges.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from reader.render.theme import Theme


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
