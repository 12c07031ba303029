"""The issue's acceptance walk, done as a new reader would: only clicks and keys.

Find every card about Wagner, narrow to the Crisis Group report, search for "ECOWAS", go
back, and read the card.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.cards.filters import Filter, FilterKind
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, WAGNER_CARDS
from tests.ui.test_navigation import click_tree


def visible_selection(window: MainWindow) -> str:
    view = window.card_view
    rect = view.cursorRect(view.textCursor())
    assert 0 <= rect.top() <= view.viewport().height(), "the match is scrolled out of sight"
    return view.textCursor().selectedText()


def test_wagner_then_crisis_group_then_ecowas_then_back(qtbot: QtBot, window: MainWindow) -> None:
    # "actor › wagner" is in sight in the tag tree on the first screen.
    index = window.sidebar.model.index_of(Filter(FilterKind.TAG, "actor/wagner"))
    assert window.sidebar.tree.visualRect(index).bottom() < window.sidebar.tree.viewport().height()
    click_tree(qtbot, window, FilterKind.TAG, "actor/wagner")
    assert set(window.list_pane.visible_ids()) == WAGNER_CARDS

    click_tree(qtbot, window, FilterKind.PUBLISHER, "International Crisis Group")
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    assert window.card_view.card_id == CRISIS_GROUP  # one card left: it opens by itself

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "ECOWAS")
    qtbot.waitUntil(lambda: window.session.query.text == "ECOWAS")
    assert visible_selection(window) == "ECOWAS"
    assert window.status.currentMessage().startswith("Match 1 of ")
    total = int(window.status.currentMessage().split(" of ")[1].split()[0])
    assert total > 3
    qtbot.keyClick(window.card_view, Qt.Key.Key_F3)
    assert window.status.currentMessage().startswith("Match 2 of ")
    assert visible_selection(window) == "ECOWAS"
    qtbot.keyClick(window.card_view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.status.currentMessage().startswith("Match 1 of ")

    qtbot.keyClick(window.card_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.query.text == ""
    assert window.search.text() == ""
    assert window.card_view.card_id == CRISIS_GROUP
    assert window.card_view.matches() == []
    assert "Avoiding The Trap Of Isolation" in window.card_view.toPlainText()
    assert window.card_view.horizontalScrollBar().maximum() == 0
