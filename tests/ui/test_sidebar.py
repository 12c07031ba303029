"""The sidebar's tag tree: which branches open on a first load, and that a reload keeps them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from reader.cards.filters import Filter, FilterKind
from reader.cards.model import Card
from reader.ui.reading.sidebar import EXPAND_ALL_BELOW, Sidebar
from reader.ui.reading.tag_tree_model import NAME
from tests.analysis.compare_cards import catalog_of, make_card


def sidebar_of(qtbot: QtBot, cards: list[Card]) -> Sidebar:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.show_catalog(catalog_of(cards))
    return sidebar


def tag(sidebar: Sidebar, value: str) -> QModelIndex:
    index = sidebar.model.index_of(Filter(FilterKind.TAG, value))
    assert index.isValid(), value
    return index


def headings_open(sidebar: Sidebar) -> list[bool]:
    model = sidebar.model
    return [sidebar.tree.isExpanded(model.index(r, NAME)) for r in range(model.rowCount())]


SMALL = [
    make_card("a", "2021", tags=("theme/energy/oil", "theme/water")),
    make_card("b", "2022", tags=("actor/ecowas/council",)),
]


def test_a_small_set_opens_its_headings_and_their_first_level(qtbot: QtBot) -> None:
    sidebar = sidebar_of(qtbot, SMALL)
    assert all(headings_open(sidebar))
    assert sidebar.tree.isExpanded(tag(sidebar, "theme"))
    assert sidebar.tree.isExpanded(tag(sidebar, "actor"))
    assert not sidebar.tree.isExpanded(tag(sidebar, "theme/energy"))  # the second level stays shut
    assert sidebar.counts.text() == "2 cards"


def test_a_big_tree_opens_only_its_headings(qtbot: QtBot) -> None:
    cards = [make_card(f"c{i}", "2021", tags=(f"group{i}/x",)) for i in range(EXPAND_ALL_BELOW)]
    sidebar = sidebar_of(qtbot, cards)
    assert all(headings_open(sidebar))
    assert not sidebar.tree.isExpanded(tag(sidebar, "group0"))


def test_a_reload_keeps_the_branches_the_reader_opened_and_closed(qtbot: QtBot) -> None:
    sidebar = sidebar_of(qtbot, SMALL)
    tree = sidebar.tree
    tree.setExpanded(tag(sidebar, "theme/energy"), True)
    tree.setExpanded(tag(sidebar, "actor"), False)
    publishers = sidebar.model.index(1, NAME)
    tree.setExpanded(publishers, False)
    # A new tag sorts first: every row below it moves, the reader's choices stay.
    sidebar.show_catalog(catalog_of([*SMALL, make_card("c", "2023", tags=("aaa/first",))]))
    assert tree.isExpanded(tag(sidebar, "theme/energy"))
    assert tree.isExpanded(tag(sidebar, "theme"))
    assert not tree.isExpanded(tag(sidebar, "actor"))
    assert not tree.isExpanded(tag(sidebar, "aaa"))  # new, and not a first load
    assert headings_open(sidebar) == [True, False, True, True]
    assert sidebar.counts.text() == "3 cards"
