"""The tag tree paints a new catalog or filter on the event loop's turn after the list's, so no
single turn holds the window for both (benchmark row 5); what it then paints is up to date."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from reader.cards.query import Query
from reader.ui.reading.tag_tree_model import NAME, CountRole
from tests.support.events import EventCount
from tests.ui.conftest import MakeWindow


def test_a_filter_paints_the_list_first_and_the_tree_on_the_next_turn(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    tree, view = window.sidebar.tree, window.list_pane.view
    qtbot.waitUntil(lambda: tree.updatesEnabled())
    QCoreApplication.sendPostedEvents()  # the paint the load left pending
    tree_paints = EventCount(tree.viewport(), QEvent.Type.Paint)
    list_paints = EventCount(view.viewport(), QEvent.Type.Paint)
    window.session.set_query(Query(text="ivorian"))
    QCoreApplication.sendPostedEvents()  # this turn's events: the window's paint among them
    assert list_paints.count > 0
    assert tree_paints.count == 0
    qtbot.waitUntil(lambda: tree_paints.count > 0)
    assert tree.updatesEnabled()
    counted = [
        tree.model().index(row, NAME, tree.model().index(0, NAME)).data(CountRole)
        for row in range(tree.model().rowCount(tree.model().index(0, NAME)))
    ]
    assert max(counted) <= len(window.session.matched) < window.session.total()
