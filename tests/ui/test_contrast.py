"""Every text colour reads at WCAG AA (4.5:1) on its background, light and dark (#18).

The palettes are read as the app installs them (the system's, offscreen Fusion here, included);
the render theme's pairs are found from its fields, so a colour added there is measured too.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.render.theme import DARK, LIGHT, Swatch, Theme
from reader.ui.compare.style import paint_with_theme
from reader.ui.contrast import (
    AA,
    FOCUS_CONTRAST,
    contrast,
    failures,
    focus_colour,
    mix,
    over,
    readable,
)
from reader.ui.editor.alert import BACKGROUNDS as EDITOR_BACKGROUNDS
from reader.ui.editor.alert import error_colour
from reader.ui.palette import apply_palette
from reader.ui.reading.tag_tree_model import COUNT, NAME, filter_tint, muted_text
from tests.ui.conftest import MakeWindow

Role = QPalette.ColorRole

#: The theme's plain text colours, and the backgrounds they are set on (cards, tables, chips).
TEXTS = ("text", "muted", "accent")
BACKGROUNDS = ("background", "thesis_background")


def theme_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the theme can put on a background."""
    pairs = []
    backgrounds = [(name, getattr(theme, name)) for name in BACKGROUNDS]
    backgrounds.append(("chip", theme.chip.background))
    for text in TEXTS:
        for bg_name, bg in backgrounds:
            pairs.append((f"{text} on {bg_name}", getattr(theme, text), bg))
    for field in fields(theme):
        value = getattr(theme, field.name)
        if isinstance(value, Swatch):
            pairs.append((field.name, value.text, value.background))
    for name, swatch in (*theme.stances, ("fallback", theme.stance_fallback)):
        pairs.append((f"stance {name}", swatch.text, swatch.background))
    return pairs


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_theme_text_reads_at_aa(theme: Theme) -> None:
    low = [
        f"{what}: {contrast(fg, bg):.2f}"
        for what, fg, bg in theme_pairs(theme)
        if contrast(fg, bg) < AA
    ]
    assert low == []
    assert len(theme_pairs(theme)) >= 17  # every swatch and stance was found


@pytest.mark.parametrize("mode", list(PaletteMode))
def test_every_installed_palette_reads_at_aa(qapp: QApplication, mode: PaletteMode) -> None:
    apply_palette(qapp, mode)
    palette = qapp.palette()
    assert failures(palette) == []
    # The tag tree's counts (#18: 1.6:1 before) and its included filter, on the sidebar.
    window = palette.color(Role.Window)
    assert contrast(muted_text(), window) >= AA
    tint = over(filter_tint(), window)
    assert contrast(palette.color(Role.Link), tint) >= AA
    assert contrast(palette.color(Role.Text), tint) >= AA
    # The focus frame stands out from the backgrounds at WCAG 2.2's 3:1 (#29).
    for background in (Role.Base, Role.Window, Role.AlternateBase):
        assert contrast(focus_colour(palette), palette.color(background)) >= FOCUS_CONTRAST


def test_readable_moves_only_what_fails() -> None:
    palette = QPalette(QColor("#efefef"))
    grey = QColor(0, 0, 0, 128)  # Fusion's placeholder: 3.9:1 on #efefef
    palette.setColor(Role.PlaceholderText, grey)
    palette.setColor(Role.Highlight, QColor("#308cc6"))
    palette.setColor(Role.HighlightedText, QColor("#ffffff"))
    assert failures(palette)
    fixed = readable(palette)
    assert failures(fixed) == []
    assert fixed.color(Role.WindowText) == palette.color(Role.WindowText)
    assert fixed.color(Role.Base) == palette.color(Role.Base)
    # Muted text stays muted: just past AA, nowhere near black.
    placeholder = fixed.color(Role.PlaceholderText)
    assert AA <= contrast(placeholder, fixed.color(Role.Window)) < 7
    # White selection text stays white; the selection deepens instead.
    assert fixed.color(Role.HighlightedText) == QColor("#ffffff")
    assert fixed.color(Role.Highlight) != palette.color(Role.Highlight)


def test_contrast_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#bebebe", "#efefef") == pytest.approx(1.62, abs=0.01)  # the review's
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert mix(QColor("#000000"), QColor("#ffffff"), 0.5).name() == "#808080"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_comparison_views_take_the_themes_readable_colours(qtbot: QtBot, theme: Theme) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    paint_with_theme(widget, theme)
    palette = widget.palette()
    for role in (Role.Text, Role.PlaceholderText):
        assert contrast(palette.color(role), palette.color(Role.Base)) >= AA


def test_tag_counts_are_drawn_in_the_readable_muted_colour(
    make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    model = window.sidebar.model
    background = window.sidebar.tree.viewport().palette().color(Role.Window)
    checked = 0
    for row in range(model.rowCount()):
        heading = model.index(row, NAME)
        for child in range(model.rowCount(heading)):
            count = model.index(child, COUNT, heading)
            colour = count.data(Qt.ItemDataRole.ForegroundRole)
            assert isinstance(colour, QColor)
            assert contrast(colour, background) >= AA, count.data()
            checked += 1
    assert checked > 5


def test_the_system_palette_is_made_readable_at_start_up(
    qapp: QApplication, make_window: MakeWindow
) -> None:
    qapp.setPalette(qapp.style().standardPalette())  # Fusion's own: muted text at 3.9:1
    assert failures(qapp.palette())
    make_window()  # the saved choice is the system's colours
    assert failures(qapp.palette()) == []
    assert contrast(muted_text(), qapp.palette().color(Role.Window)) >= AA


@pytest.mark.parametrize("mode", list(PaletteMode))
def test_the_editors_error_text_reads_at_aa(qapp: QApplication, mode: PaletteMode) -> None:
    """N6: the editor's red was 2.1:1 on the dark form; it is measured on each background the
    editor draws error text on (the form, its boxes, its lists), in every installed palette."""
    apply_palette(qapp, mode)
    palette = qapp.palette()
    red = error_colour(palette)
    for role in EDITOR_BACKGROUNDS:
        assert contrast(red, palette.color(role)) >= AA, (mode, role, red.name())
    assert red != palette.color(Role.WindowText)  # still a red, not the text colour
    dark = QPalette(QColor("#2a2d31"))
    assert contrast(error_colour(dark), QColor("#2a2d31")) >= AA
