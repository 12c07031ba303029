"""The card shown is always one the filter lets through (review N3): a filter that leaves the
open card out shows its first match or the "no card matches" page, and opening a card the
filter leaves out (a related card's link) clears the filter, which Back restores."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.cards.query import Query
from reader.render import card_href
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow, anchor_point, laid_out


def test_a_filter_that_leaves_the_open_card_out_does_not_leave_it_on_screen(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.session.open_card(SANCTIONS)
    assert window.card_view.card_id == SANCTIONS
    # The sanctions card carries actor/us-treasury: hiding it leaves two cards, the first shown.
    window.session.set_query(Query(exclude_tags=("actor/us-treasury",)))
    shown = window.list_pane.visible_ids()
    assert SANCTIONS not in shown
    assert window.card_view.card_id == shown[0]
    assert window.list_pane.view.currentIndex().row() == 0
    # Nothing left: the "no card matches" page, with the count saying so.
    window.session.set_query(
        Query(
            include_tags=("theme",),
            exclude_tags=("theme/coups", "actor/us-treasury", "actor/wagner"),
        )
    )
    assert window.list_pane.visible_ids() == []
    assert window.card_view.card_id is None
    assert "No card matches" in window.card_view.toPlainText()
    assert window.list_pane.count.text() == "0 of 3 cards"


def test_opening_a_card_the_filter_leaves_out_clears_the_filter(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.session.set_query(Query(publishers=frozenset({"International Crisis Group"})))
    window.session.open_card(CRISIS_GROUP)
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    qtbot.waitUntil(lambda: laid_out(window))
    # The related cards under it link to cards the filter leaves out.
    view = window.card_view
    point = anchor_point(view, card_href(SANCTIONS))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: view.card_id == SANCTIONS)
    assert window.session.query == Query()
    assert SANCTIONS in window.list_pane.visible_ids()
    assert window.list_pane.selected_ids() == [SANCTIONS]
    assert window.list_pane.count.text() == "3 cards"
    # Back: the filter and the card it showed.
    window.commands.back.trigger()
    assert view.card_id == CRISIS_GROUP
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
