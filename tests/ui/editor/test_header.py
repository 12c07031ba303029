"""The editor's header at a laptop's width: the file name is never cut under the buttons (N12)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.editor import CardEditor
from tests.ui.conftest import SANCTIONS, MakeWindow
from tests.ui.editor.conftest import CARD, MakeEditor


def test_the_name_moves_above_the_buttons_in_a_1024_window(
    make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.resize(1024, 700)
    window.session.open_card(SANCTIONS)
    window.commands.edit_card.trigger()
    editor = window.authoring.editor
    assert isinstance(editor, CardEditor)
    QApplication.processEvents()
    header = editor.header
    name = header.name
    assert name.shown_text() == "mali-sanctions-2023.yaml"  # whole, not "….y"
    assert not name.geometry().intersects(header.undo.geometry())
    assert str(card_set / CARD) in name.toolTip()


def test_a_long_name_is_elided_in_the_middle(
    qtbot: QtBot, make_editor: MakeEditor, card_set: Path
) -> None:
    long = card_set / "is-mali-flirting-with-russian-mercenaries-to-get-attention-2021.yaml"
    shutil.copy(card_set / CARD, long)
    editor = make_editor(long)
    editor.resize(300, 640)
    qtbot.waitUntil(lambda: editor.header.name.width() < editor.header.name.full_width())
    shown = editor.header.name.shown_text()
    assert "…" in shown
    assert shown.startswith("is-mali")
    assert shown.endswith(".yaml")
    assert editor.header.name.text() == long.name
    assert not editor.header.name.geometry().intersects(editor.header.undo.geometry())
