"""Help menu (#28): the shortcut sheet made from the command tables, the format guide in the
app, About with versions, licence and folders."""

from __future__ import annotations

import os
import platform
import tomllib
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from reader import __version__
from reader.ui.commands import WINDOW_COMMANDS
from reader.ui.compare.commands import COMPARE_VIEW_COMMANDS
from reader.ui.editor.drafts import drafts_dir
from reader.ui.help.about import LICENCE, AboutDialog
from reader.ui.help.guide import FormatGuideDialog
from reader.ui.help.shortcuts import VIEWS_MENU, ShortcutsDialog
from reader.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.ui.conftest import MakeWindow

# The offscreen platform cannot raise a window and says so; raising is what Help asks for.
RAISES = pytest.mark.qt_log_ignore("This plugin does not support")


def _dialog(window: MainWindow, kind: type) -> object:
    found = window.findChildren(kind)
    assert len(found) == 1
    return found[0]


@RAISES
def test_shortcuts_list_every_key_and_search_narrows_them(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.commands.shortcuts.trigger()
    sheet = _dialog(window, ShortcutsDialog)
    assert isinstance(sheet, ShortcutsDialog)
    qtbot.waitExposed(sheet)
    rows = {(r.command, r.menu): r.keys for r in sheet.shown()}
    assert rows[("Compare Cards", "Compare")] == "Ctrl+D"
    assert rows[("Keyboard Shortcuts", "Help")] == "F1"  # not "F1 or Help": a media key
    assert rows[("Show Argument", VIEWS_MENU)] == "Ctrl+Shift+A"
    assert rows[("Find", "Edit")] == "Ctrl+F or /"  # every key of a command, not the first
    keyed = [c for c in WINDOW_COMMANDS if c.keys or c.keys_of]
    assert len(rows) >= len(keyed) + len([c for c in COMPARE_VIEW_COMMANDS if c.keys])

    qtbot.keyClicks(sheet.search, "ctrl+shift+t")
    assert [r.command for r in sheet.shown()] == ["Topic Matrix"]
    sheet.search.clear()
    qtbot.keyClicks(sheet.search, "timeline")
    assert "Timeline" in [r.command for r in sheet.shown()]
    assert all("timeline" in " ".join(r.cells()).lower() for r in sheet.shown())

    window.commands.shortcuts.trigger()  # asked again: the same window, in front
    assert _dialog(window, ShortcutsDialog) is sheet


@RAISES
def test_the_format_guide_opens_in_the_app_and_its_links_move_within_it(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.commands.format_guide.trigger()
    guide = _dialog(window, FormatGuideDialog)
    assert isinstance(guide, FormatGuideDialog)
    qtbot.waitExposed(guide)
    text = guide.view.toPlainText()
    assert "Writing briefing cards" in text
    assert "Card fields" in text
    assert "source.publisher" in text  # the fields table
    bar = guide.view.verticalScrollBar()
    assert bar.value() == 0
    guide.view.anchorClicked.emit(QUrl("#limits"))
    assert bar.value() > 0

    qtbot.keyClicks(guide.find_box, "Locator health")
    qtbot.keyClick(guide.find_box, Qt.Key.Key_Return)
    assert guide.view.textCursor().selectedText() == "Locator health"


@RAISES
def test_about_names_versions_licence_and_folders(
    qtbot: QtBot, make_window: MakeWindow, settings_file: Path
) -> None:
    window = make_window()
    window.commands.about.trigger()
    about = _dialog(window, AboutDialog)
    assert isinstance(about, AboutDialog)
    qtbot.waitExposed(about)
    shown = "\n".join(label.text() for label in about.findChildren(QLabel))
    for expected in (
        __version__,
        qVersion(),
        PySide6.__version__,
        platform.python_version(),
        "MIT",
        str(settings_file),
        os.environ["BRIEFING_READER_CACHE_DIR"],
        "briefing-reader.log",
        str(drafts_dir()),
    ):
        assert expected in shown
    [copy] = [b for b in about.findChildren(QPushButton) if b.text() == "&Copy Details"]
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    assert f"Qt: {qVersion()}" in clipboard.text()
    assert f"Settings: {settings_file}" in clipboard.text()


def test_the_licence_shown_is_the_one_declared() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"] == LICENCE


def test_the_window_has_our_icon(make_window: MakeWindow) -> None:
    window = make_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {16, 32, 48} <= {size.width() for size in icon.availableSizes()}
