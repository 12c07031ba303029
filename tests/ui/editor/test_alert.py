"""The editor's error lines stay readable when the palette changes under them (N6)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.ui.contrast import AA, contrast
from reader.ui.editor import CardEditor
from reader.ui.palette import apply_palette
from tests.ui.editor.test_card_editor import field, replace_text

Role = QPalette.ColorRole


def test_error_lines_follow_a_switch_to_dark(qtbot: QtBot, editor: CardEditor) -> None:
    replace_text(qtbot, editor, ("thesis",), "")
    qtbot.waitUntil(lambda: len(editor.verdict.errors) == 1)
    message = field(editor, "thesis").message
    verdict = editor.header.verdict
    assert editor.header.verdict.alert
    assert message.isVisible()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_palette(app, PaletteMode.DARK)
    qtbot.waitUntil(lambda: message.palette().color(Role.Window).lightness() < 128)
    for label in (verdict, message):
        palette = label.palette()
        shown = palette.color(Role.WindowText)
        assert palette.color(Role.Window).lightness() < 128
        assert contrast(shown, palette.color(Role.Window)) >= AA, shown.name()
        assert shown != palette.color(Role.Text)  # still marked as an error
    # Fixed, the verdict goes back to the palette's own text colour.
    replace_text(qtbot, editor, ("thesis",), "A thesis again.")
    qtbot.waitUntil(lambda: not editor.verdict.errors)
    assert not verdict.alert
    assert verdict.palette().color(Role.WindowText) == app.palette().color(Role.WindowText)
