"""The comparison views' page: the window lists a set without the workspace, which is made
once the listed window is idle (or on first use) and then shows that set like one made with
the window (#17 §4, reader/ui/compare_page.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import MakeWindow


def test_the_workspace_is_made_once_the_listed_window_is_idle_and_shows_the_set(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window()
    page = window.comparison_page
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.catalog is not None)
    assert page.view_commands() == []  # the Compare menu asks without making it
    assert page.compare_view() is None
    qtbot.waitUntil(lambda: page.made_workspace is not None)
    workspace = page.made_workspace
    assert workspace is not None
    assert workspace.parent() is page
    buttons = [b.defaultAction() for b in workspace.findChildren(QToolButton)]
    assert window.commands.back_to_reading in buttons  # the window's part, given when made
    assert workspace.tables.store is window.settings.store
    window.commands.topic_matrix.trigger()
    qtbot.waitUntil(lambda: not workspace.busy)
    assert window.content.currentWidget() is page
    assert workspace.scope.text() == "All 3 cards"  # the set it was given when made
