"""The toolbar's icons are ours where the theme has none (#40), in the palette's colours, and the
app icon's PNG sizes are the SVG's."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from reader.app.settings import PaletteMode
from reader.ui.commands import WINDOW_COMMANDS
from reader.ui.icons import bundled_icon, icons_dir
from reader.ui.menus import TOOLBAR
from reader.ui.palette import apply_palette
from tests.support.render_icons import SIZES, png_path, render
from tests.ui.conftest import MakeWindow

COMMANDS = {c.id: c for c in WINDOW_COMMANDS}


def test_every_toolbar_command_has_a_bundled_icon(make_window: MakeWindow) -> None:
    window = make_window()
    shown = [a for a in window.menus.toolbar.actions() if not a.isSeparator() and a.isVisible()]
    ids = [command_id for command_id in TOOLBAR if command_id is not None]
    assert len(ids) == 10
    for command_id in ids:
        icon = COMMANDS[command_id].icon
        assert icon is not None, command_id
        assert (icons_dir() / f"{icon[0]}.svg").is_file(), command_id
        assert not getattr(window.commands, command_id).icon().isNull(), command_id
    assert {a.objectName() for a in shown} >= {"compare-cards", "topic-matrix", "timeline"}


def _colours(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image: QImage = icon.pixmap(24, 24, mode).toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_bundled_icons_draw_in_the_palettes_button_text(
    qapp: QApplication, mode: PaletteMode
) -> None:
    apply_palette(qapp, mode)
    palette = qapp.palette()
    icon = bundled_icon("view-grid")
    assert palette.color(QPalette.ColorRole.ButtonText).name() in _colours(icon)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    assert QColor(disabled).name() in _colours(icon, QIcon.Mode.Disabled)
    assert bundled_icon("no-such-icon").isNull()


def test_the_app_icons_pngs_are_rendered_from_its_svg(qapp: QApplication) -> None:
    for size in SIZES:
        stored = QImage(str(png_path(size)))
        assert (stored.width(), stored.height()) == (size, size)
    for size in (16, 48):  # the same drawing: `python -m tests.support.render_icons` if not
        fresh = render(size).convertToFormat(QImage.Format.Format_ARGB32)
        stored = QImage(str(png_path(size))).convertToFormat(QImage.Format.Format_ARGB32)
        differ = sum(
            fresh.pixelColor(x, y) != stored.pixelColor(x, y)
            for x in range(size)
            for y in range(size)
        )
        assert differ <= size * size // 50


def test_the_compare_and_source_pane_glyphs_differ_clearly(qapp: QApplication) -> None:
    """#40: both were two columns of lines; Compare is now a balance."""
    compare, source = (
        bundled_icon(COMMANDS[c].icon[0]).pixmap(24, 24).toImage()  # type: ignore[index]
        for c in ("compare", "show_source")
    )
    inked = [
        (compare.pixelColor(x, y).alpha() > 128, source.pixelColor(x, y).alpha() > 128)
        for x in range(24)
        for y in range(24)
    ]
    differing = sum(a != b for a, b in inked)
    assert differing > 0.5 * sum(a or b for a, b in inked)
