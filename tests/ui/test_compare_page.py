"""The comparison views' page: the window lists a set without the workspace, which is made
once the listed window is idle (or on first use) and then shows that set like one made with
the window (#17 §4, reader/ui/compare_page.py); not while the set is still loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from reader.ui import compare_page
from reader.ui.compare_page import ComparisonPage
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


def test_the_workspace_is_not_made_while_the_set_is_loading(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold index delivers a catalog a second: the workspace waits for the load's end."""
    monkeypatch.setattr(compare_page, "IDLE_MS", 1)
    loading, asked = [True], [0]

    def busy() -> bool:
        asked[0] += 1
        return loading[0]

    page = ComparisonPage(loading=busy)
    qtbot.addWidget(page)
    page.make_when_idle()
    qtbot.waitUntil(lambda: asked[0] >= 3)
    assert page.made_workspace is None
    loading[0] = False
    qtbot.waitUntil(lambda: page.made_workspace is not None)
