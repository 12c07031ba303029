"""Light, dark or the system's colours, for the widgets and for the rendered card.

Qt 6 can ask the platform for a colour scheme, but not every platform honours the request
(and the offscreen one used by tests never does), so an explicit choice also installs a full
palette. The card's HTML theme follows whatever palette is in force.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.app.settings import PaletteMode
from reader.render import DARK, LIGHT, Theme
from reader.ui.contrast import readable

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        Role.Window: "#2a2d31",
        Role.WindowText: "#e3e6ea",
        Role.Base: DARK.background,
        Role.AlternateBase: "#25282c",
        Role.ToolTipBase: "#32363b",
        Role.ToolTipText: "#e3e6ea",
        Role.PlaceholderText: "#9199a3",
        Role.Text: DARK.text,
        Role.Button: "#33373c",
        Role.ButtonText: "#e3e6ea",
        Role.BrightText: "#ffffff",
        Role.Light: "#454a50",
        Role.Midlight: "#3a3e44",
        Role.Mid: "#2a2d31",
        Role.Dark: "#17191c",
        Role.Shadow: "#0d0e10",
        Role.Highlight: "#2f5f96",
        Role.HighlightedText: "#ffffff",
        Role.Link: DARK.accent,
        Role.LinkVisited: "#b59ae8",
        Role.Accent: "#2f5f96",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = {
        Role.WindowText: "#7a8089",
        Role.Text: "#7a8089",
        Role.ButtonText: "#7a8089",
        Role.Highlight: "#3b3f45",
        Role.HighlightedText: "#9aa0a8",
    }
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def _light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(Role.Link, QColor(LIGHT.accent))
    return palette


def apply_palette(app: QApplication, mode: PaletteMode) -> None:
    hints = QGuiApplication.styleHints()
    if mode is PaletteMode.SYSTEM:
        hints.unsetColorScheme()
        app.setPalette(QPalette())
        app.setPalette(readable(QPalette()))  # the system's colours, muted text made readable
        return
    scheme = Qt.ColorScheme.Dark if mode is PaletteMode.DARK else Qt.ColorScheme.Light
    hints.setColorScheme(scheme)
    palette = _dark_palette() if mode is PaletteMode.DARK else _light_palette(app)
    app.setPalette(readable(palette))


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def card_theme(palette: QPalette) -> Theme:
    return DARK if is_dark(palette) else LIGHT
