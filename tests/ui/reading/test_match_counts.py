"""The list row's "N matches" and the status bar's "Match i of N in this card" count the same
thing (review N5): for a phrase, a prefix and several words, on every shipped card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.render.snippets import Hit
from reader.ui.reading.card_list_model import HitRole, IdRole
from tests.ui.conftest import MakeWindow


@pytest.mark.parametrize("search", ['"cote d\'ivoire"', "ecowas", "sanction", "wagner russia"])
def test_the_list_counts_the_matches_the_card_steps_through(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, search: str
) -> None:
    window = make_window(card_set)
    window.search.setFocus()
    qtbot.keyClicks(window.search, search)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    model = window.list_pane.view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.index(0, 0).data(HitRole) is not None)
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        hit = index.data(HitRole)
        assert isinstance(hit, Hit)
        window.session.open_card(str(index.data(IdRole)))
        window.commands.find_next.trigger()
        message = window.status.currentMessage()
        assert message.endswith(f" of {hit.count} in this card"), (hit.count, message)
