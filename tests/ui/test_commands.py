"""The command table: every command complete, one key one command, each in a menu, and the
text that names a key always naming the command's key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from reader.qt.compat import protect_none
from reader.ui import commands as commands_module
from reader.ui.actions import key_text
from reader.ui.commands import WINDOW_COMMANDS, Command
from reader.ui.compare.commands import (
    COMPARE_VIEW_COMMANDS,
    TIMELINE_COMMANDS,
    WORKSPACE_COMMANDS,
)
from reader.ui.compare.workspace import ViewKind
from reader.ui.main_window import MainWindow
from tests.ui.conftest import LEVERAGE, SANCTIONS, MakeWindow

protect_none()  # the comparison views make many void Qt calls (see reader/qt/compat.py)

TABLES: tuple[tuple[Command[object], ...], ...] = (
    WINDOW_COMMANDS,  # type: ignore[assignment]
    WORKSPACE_COMMANDS,  # type: ignore[assignment]
    COMPARE_VIEW_COMMANDS,  # type: ignore[assignment]
    TIMELINE_COMMANDS,  # type: ignore[assignment]
)
MENUS = ("&File", "&Edit", "&View", "&Go", "&Compare", "&Help")


def test_every_command_is_complete() -> None:
    ids = [c.id for table in TABLES for c in table]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for command in (c for table in TABLES for c in table):
        assert command.text.strip(), command.id
        assert command.tip.strip(), command.id
        assert callable(command.run), command.id
        assert command.menu.split("/")[0] in MENUS, command.id
    window_ids = {c.id for c in WINDOW_COMMANDS}
    assert all(c.keys_of in window_ids for c in WINDOW_COMMANDS if c.keys_of)


def open_views(qtbot: QtBot, window: MainWindow) -> None:
    """The compare view (two cards) and the timeline, so that every view command exists."""
    window.comparisons.add(SANCTIONS)
    window.comparisons.add(LEVERAGE)
    window.commands.timeline.trigger()
    window.commands.compare.trigger()
    qtbot.waitUntil(lambda: not window.workspace.busy)


def every_action(window: MainWindow) -> list[QAction]:
    compare = window.workspace.compare_view()
    timeline = window.workspace.view(ViewKind.TIMELINE)
    assert compare is not None
    assert timeline is not None
    return [
        *window.commands.actions(),
        *window.workspace.commands.actions(),
        *compare.commands.actions(),
        *timeline.commands.actions(),  # type: ignore[union-attr]
    ]


def test_one_key_one_command(qtbot: QtBot, window: MainWindow) -> None:
    open_views(qtbot, window)
    actions = every_action(window)
    assert len(actions) == sum(len(t) for t in TABLES)
    keys = [k.toString() for a in actions for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += menu_actions(action.menu())  # type: ignore[arg-type]
    return found


def test_every_command_is_in_a_menu(qtbot: QtBot, window: MainWindow) -> None:
    in_menus = [a for top in window.menuBar().actions() for a in menu_actions(top.menu())]
    for action in window.commands.actions():
        assert action in in_menus, action.text()
        assert action.isVisible(), action.text()  # bound to the window
    # The commands of the view shown join the Compare menu while it is open.
    open_views(qtbot, window)
    compare_menu = window.menus.compare
    compare_menu.aboutToShow.emit()
    compare = window.workspace.compare_view()
    assert compare is not None
    for action in [*window.workspace.commands.actions(), *compare.commands.actions()]:
        assert action in compare_menu.actions(), action.text()
    compare_menu.aboutToHide.emit()
    qtbot.waitUntil(lambda: compare.commands.show_argument not in compare_menu.actions())
    window.workspace.show_view(ViewKind.TIMELINE)
    compare_menu.aboutToShow.emit()
    timeline = window.workspace.view(ViewKind.TIMELINE)
    assert timeline.commands.show_publications in compare_menu.actions()  # type: ignore[union-attr]
    assert compare.commands.show_argument not in compare_menu.actions()
    compare_menu.aboutToHide.emit()


def test_view_commands_act_on_their_view(qtbot: QtBot, window: MainWindow) -> None:
    open_views(qtbot, window)
    compare = window.workspace.compare_view()
    assert compare is not None
    argument = compare.commands.show_argument
    assert argument.isEnabled()
    assert not argument.isChecked()
    argument.trigger()
    assert compare.argument_expanded()
    assert argument.isChecked()
    compare.set_argument_expanded(False)  # the row header does this too
    assert not argument.isChecked()


def test_text_that_names_a_key_names_the_command_s_key(window: MainWindow) -> None:
    c = window.commands
    window.session.open_card(None)
    page = window.card_view.toPlainText()
    assert f"Search ({key_text(c.find, every=True)})" in page
    for action in (c.find_next, c.clear_search, c.back, c.forward):
        assert key_text(action) in page
    assert window.search.placeholderText().endswith(f"({key_text(c.find, every=True)})")
    clear = window.list_pane.filter_bar.findChild(QToolButton, "clearFilters")
    assert clear is not None
    assert clear.toolTip() == f"Show every card again ({key_text(c.clear_filters)})"
    assert c.back_to_reading.text().endswith(f"\t{key_text(c.clear_search)}")


def test_changing_a_key_in_the_table_changes_every_text_that_names_it(
    monkeypatch: pytest.MonkeyPatch, make_window: MakeWindow, card_set: Path
) -> None:
    new_keys = {
        "find": ("Ctrl+K", "?"),
        "find_next": ("F4",),
        "clear_filters": ("Ctrl+Shift+K",),
        "add_to_comparison": ("Ctrl+Shift+J",),
    }
    table = tuple(
        dataclasses.replace(c, keys=new_keys[c.id]) if c.id in new_keys else c
        for c in WINDOW_COMMANDS
    )
    monkeypatch.setattr(commands_module, "WINDOW_COMMANDS", table)
    window = make_window(card_set)
    window.session.open_card(None)
    page = window.card_view.toPlainText()
    assert "Search (Ctrl+K or ?)" in page
    assert "F4 goes to the next match" in page
    assert window.search.placeholderText() == "Search cards  (Ctrl+K or ?)"
    clear = window.list_pane.filter_bar.findChild(QToolButton, "clearFilters")
    assert clear is not None
    assert clear.toolTip() == "Show every card again (Ctrl+Shift+K)"
    assert "Add to Comparison (Ctrl+Shift+J)" in str(window.comparisons.compare_reason())
    QApplication.processEvents()
