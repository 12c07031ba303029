"""``MainWindow.show_item``: the drill-down from a comparison view to a card's item."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS


def test_show_item_opens_the_card_from_a_comparison_and_back_returns(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(LEVERAGE)
    window.comparisons.add(SANCTIONS)
    window.comparisons.add(LEVERAGE)
    window.commands.compare.trigger()
    assert window.comparisons.comparing
    window.show_item(CRISIS_GROUP, "argument", 2)
    assert not window.comparisons.comparing
    assert window.card_view.card_id == CRISIS_GROUP
    window.commands.back.trigger()
    assert window.card_view.card_id == LEVERAGE


def test_show_item_of_a_perspective_opens_no_source_pane(window: MainWindow) -> None:
    window.show_item(CRISIS_GROUP, "perspectives", 0)
    assert window.card_view.card_id == CRISIS_GROUP
    assert not window.sources.is_open()
