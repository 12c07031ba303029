"""A tag has one name everywhere a reader sees it (review N4): the sidebar's "The Wagner Group"
is what the list rows, the card's Tags section and the comparison's Tags row say, the slug
(``actor/wagner``) being only the chip's tooltip."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.cards.filters import Filter, FilterKind
from reader.render.card import tag_href
from reader.ui.reading.card_list_model import IdRole, TagLineRole
from tests.conftest import SHIPPED_CARDS
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, anchor_point


def test_the_sidebar_list_and_card_name_a_tag_alike(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(SHIPPED_CARDS)
    wagner = window.sidebar.model.label_of(Filter(FilterKind.TAG, "actor/wagner"))
    assert wagner == "The Wagner Group"

    model = window.list_pane.view.model()
    lines = {
        model.index(r, 0).data(IdRole): model.index(r, 0).data(TagLineRole)
        for r in range(model.rowCount())
    }
    assert len(lines) == 3
    assert all("/" not in line and line for line in lines.values()), lines
    sahel = window.sidebar.model.label_of(Filter(FilterKind.TAG, "region/sahel"))
    assert all(line.startswith(f"{sahel}, ") for line in lines.values()), lines

    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: window.card_view.card_id == CRISIS_GROUP)
    text = window.card_view.toPlainText().replace("\u00a0", " ").replace("\u2060", "")
    tags = text[text.rindex("\nTags\n") :]
    assert wagner in tags
    assert "Côte d'Ivoire" in tags
    assert "actor/" not in tags
    assert "country/" not in tags


def test_hovering_a_chip_names_the_tag(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window(SHIPPED_CARDS)
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    qtbot.waitUntil(lambda: view.card_id == CRISIS_GROUP)
    point = anchor_point(view, tag_href("actor/wagner"))
    with qtbot.waitSignal(view.hovered_link) as hovered:
        qtbot.mouseMove(view.viewport(), point)
    assert hovered.args == ["Show cards tagged The Wagner Group (Ctrl+click: hide them)"]
