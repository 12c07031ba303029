"""Screenshots of the toolbar, the Help windows and the focus frames, light and dark, at both
window sizes, for a person to look at (``pytest -m screenshots tests/ui/help``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.ui.help.about import AboutDialog
from reader.ui.help.guide import FormatGuideDialog
from reader.ui.help.shortcuts import ShortcutsDialog
from tests.ui.conftest import MakeWindow, save_window

pytestmark = pytest.mark.screenshots


def _save(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    print(path)


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise() and size hints
@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)], ids=["1280", "1024"])
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_help_toolbar_and_focus(
    qtbot: QtBot,
    make_window: MakeWindow,
    card_set: Path,
    shots: Path,
    mode: PaletteMode,
    size: tuple[int, int],
) -> None:
    window = make_window(card_set)
    window.resize(*size)
    window.appearance.set_palette_mode(mode)
    tag = f"help-{mode.value}-{size[0]}"
    _save(window.menus.toolbar, shots, f"{tag}-toolbar")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.list_pane.view.setFocus(Qt.FocusReason.TabFocusReason)
    window.list_pane.view.setCurrentIndex(window.list_pane.model.index(1, 0))
    save_window(window, shots, f"{tag}-focus-list")
    window.card_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.card_view, Qt.Key.Key_Tab)
    save_window(window, shots, f"{tag}-focus-card-link")

    dialogs: tuple[tuple[str, type[QDialog]], ...] = (
        ("shortcuts", ShortcutsDialog),
        ("format_guide", FormatGuideDialog),
        ("about", AboutDialog),
    )
    for command, kind in dialogs:
        getattr(window.commands, command).trigger()
        [dialog] = window.findChildren(kind)
        qtbot.waitExposed(dialog)
        _save(dialog, shots, f"{tag}-{command}")
        dialog.close()
