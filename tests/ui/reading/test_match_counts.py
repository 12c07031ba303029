"""The list row's "N matches" and the status bar's "Match i of N in this card" count the same
thing (review N5): for a phrase, a prefix and several words, on every shipped card."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.cards.query import Query
from reader.render.snippets import Hit
from reader.ui.reading.card_list_model import HitRole, IdRole
from tests.ui.conftest import MakeWindow

#: A phrase, a prefix ("sanctions", "sanctioned") and two words.
SEARCHES = ('"cote d\'ivoire"', "sanction", "wagner russia")


def test_the_list_counts_the_matches_the_card_steps_through(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    model = window.list_pane.view.model()
    checked = 0
    for search in SEARCHES:
        window.session.set_query(Query(text=search))
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            hit = index.data(HitRole)
            assert isinstance(hit, Hit)
            window.session.open_card(str(index.data(IdRole)))
            window.commands.find_next.trigger()
            message = window.status.currentMessage()
            assert message.endswith(f" of {hit.count} in this card"), (search, hit, message)
            checked += 1
    assert checked >= 6
