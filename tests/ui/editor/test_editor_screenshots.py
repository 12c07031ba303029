"""Screenshots of the card editor, light and dark, at the widths the window gives it.

Run with ``pytest -m screenshots tests/ui/editor``; images go to ``$BRIEFING_SCREENSHOTS`` or
a temporary folder. The editor shares the window's content area with the source pane: about
760 px wide in a 1280×800 window with the list hidden, 570 px beside the list, 440 px in a
1024×700 window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.ui.editor import CardEditor
from reader.ui.editor.text_fields import ProseField
from reader.ui.palette import apply_palette
from tests.ui.conftest import SANCTIONS, MakeWindow, save_window
from tests.ui.editor.conftest import MakeEditor
from tests.ui.editor.test_card_editor import replace_text
from tests.ui.editor.test_conflict import write_theirs

pytestmark = pytest.mark.screenshots

SIZES = {"wide": (760, 760), "beside-list": (570, 740), "small-window": (440, 640)}


def save(editor: CardEditor, folder: Path, name: str) -> None:
    for _ in range(3):  # nested layouts settle over a few passes (an item shown, boxes fitted)
        QApplication.processEvents()
    path = folder / f"{name}.png"
    assert editor.grab().save(str(path))
    print(path)


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_editor_states(
    qtbot: QtBot, make_editor: MakeEditor, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_palette(app, mode)
    editor = make_editor()
    m = mode.value
    for label, (width, height) in SIZES.items():
        editor.resize(width, height)
        save(editor, shots, f"editor-{m}-{label}-top")
    editor.resize(*SIZES["beside-list"])
    editor.form.focus_path(("argument", 2, "where"))
    save(editor, shots, f"editor-{m}-argument")
    editor.form.focus_path(("summary",))
    summary = editor.form.field_at(("summary",))
    assert isinstance(summary, ProseField)
    summary.preview_toggle.setChecked(True)  # folded at first (P11)
    save(editor, shots, f"editor-{m}-summary-preview")
    summary.preview_toggle.setChecked(False)
    editor.form.focus_path(("perspectives", 1, "stance"))
    save(editor, shots, f"editor-{m}-perspective")
    replace_text(qtbot, editor, ("thesis",), "")
    replace_text(qtbot, editor, ("argument", 2, "claim"), "")
    editor.form.focus_path(("tags",))
    qtbot.waitUntil(lambda: len(editor.verdict.errors) == 2)
    editor.form.focus_path(("argument", 3))
    save(editor, shots, f"editor-{m}-errors-in-list")
    editor.form.focus_path(("thesis",))
    save(editor, shots, f"editor-{m}-errors")
    write_theirs(card_set / "mali-sanctions-2023.yaml", "Their title")
    qtbot.waitUntil(editor.conflict.isVisible)
    editor.resize(*SIZES["small-window"])
    save(editor, shots, f"editor-{m}-conflict-small")


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_editor_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window(card_set)
    window.appearance.set_palette_mode(mode)
    window.session.open_card(SANCTIONS)
    window.commands.edit_card.trigger()
    editor = window.authoring.editor
    assert editor is not None
    for width, height in ((1280, 800), (1024, 700)):
        window.resize(width, height)
        for _ in range(6):  # the boxes refit their text to the new width over a few passes
            QApplication.processEvents()
        editor.form.focus_path(("argument", 1, "claim"))
        save_window(window, shots, f"editor-window-{mode.value}-{width}x{height}")
