"""The sidebar's tag tree: which branches open on a first load, and that a reload keeps them;
that what it paints as highlighted is the filter and nothing else (review #2); its names, and
one place per facet (review #19); its tooltip's counts (review #38)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.cards.filters import Filter, FilterKind
from reader.cards.model import Card
from reader.cards.query import Query
from reader.ui.palette import apply_palette
from reader.ui.reading.sidebar import EXPAND_ALL_BELOW, Sidebar, TagTreeView
from reader.ui.reading.tag_tree_model import NAME, CountRole, FilterRole
from tests.analysis.compare_cards import catalog_of, make_card
from tests.ui.conftest import MakeWindow


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


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_the_tree_is_painted_in_the_sidebars_colour_not_a_lists(
    qtbot: QtBot, mode: PaletteMode
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_palette(app, mode)
    sidebar = sidebar_of(qtbot, SMALL)
    sidebar.resize(300, 600)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    viewport = sidebar.tree.viewport()
    below_the_rows = QPoint(viewport.width() // 2, viewport.height() - 3)
    pixel = viewport.grab().toImage().pixelColor(below_the_rows)
    palette = app.palette()
    assert pixel.rgb() == palette.color(QPalette.ColorRole.Window).rgb()
    assert pixel.rgb() != palette.color(QPalette.ColorRole.Base).rgb()


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


def test_a_catalog_with_more_cards_updates_the_counts_in_place(qtbot: QtBot) -> None:
    """A cold index delivers its catalog in parts, each with more cards and a few more years
    or tags: the tree changes in place, with no reset, its new nodes inserted where they
    belong, so the tree keeps its place and what the reader opened."""
    cards = [
        make_card(f"c{i}", f"{2021 + i // 40}", tags=(f"theme/t{i % 9}", f"actor/a{i % 7}/sub"))
        for i in range(63)
    ]
    cards.append(make_card("new", "2023", tags=("theme/t0/newer",)))
    sidebar = sidebar_of(qtbot, cards[:40])
    sidebar.resize(280, 160)
    sidebar.show()
    tree = sidebar.tree
    tree.setExpanded(tag(sidebar, "actor/a3"), True)
    tree.setExpanded(tag(sidebar, "theme"), False)
    tree.verticalScrollBar().setValue(4)
    model = sidebar.model
    with qtbot.assertNotEmitted(model.modelReset):
        sidebar.show_catalog(catalog_of(cards))
        sidebar.show_results([c.id for c in cards], Query())
    assert not tree.isExpanded(tag(sidebar, "theme/t0"))  # new children, and not a first load
    assert tag(sidebar, "actor/a3").data(CountRole) == 9
    assert tag(sidebar, "theme/t0").data(CountRole) == 8
    assert tag(sidebar, "theme/t0/newer").data(CountRole) == 1
    years = model.index(2, NAME)
    assert [model.index(r, NAME, years).data() for r in range(model.rowCount(years))] == [
        "2023",
        "2022",
        "2021",
    ]
    assert sidebar.counts.text() == "64 cards"
    assert tree.isExpanded(tag(sidebar, "actor/a3"))
    assert not tree.isExpanded(tag(sidebar, "theme"))
    qtbot.waitUntil(lambda: tree.verticalScrollBar().maximum() > 0)
    assert tree.verticalScrollBar().value() == 4


# -- what the tree paints is the filter ------------------------------------------------------


def painted(tree: TagTreeView) -> set[Filter]:
    """The rows on screen painted in another colour than the tree's background, found in the
    grabbed pixels (past the end of each name, where only a highlight can colour them)."""
    image = tree.viewport().grab().toImage()
    background = tree.viewport().palette().color(tree.viewport().backgroundRole())
    found: set[Filter] = set()
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid():
        rect = tree.visualRect(index)
        if rect.top() > tree.viewport().height():
            break
        item = index.data(FilterRole)
        pixel = QColor(image.pixel(rect.right() - 3, rect.center().y()))
        if isinstance(item, Filter) and pixel.rgb() != background.rgb():
            found.add(item)
        index = tree.indexBelow(index)
    return found


def outlined(tree: TagTreeView) -> QModelIndex:
    """The row with a frame at its right edge (the keyboard focus), if any."""
    image = tree.viewport().grab().toImage()
    background = tree.viewport().palette().color(tree.viewport().backgroundRole())
    index = tree.indexAt(tree.viewport().rect().topLeft())
    while index.isValid():
        rect = tree.visualRect(index)
        if QColor(image.pixel(rect.right() - 1, rect.center().y())).rgb() != background.rgb():
            return index
        index = tree.indexBelow(index)
    return QModelIndex()


def click(qtbot: QtBot, tree: TagTreeView, tag: str, ctrl: bool = False) -> None:
    index = tree.model().index_of(Filter(FilterKind.TAG, tag))  # type: ignore[attr-defined]
    tree.scrollTo(index)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, modifier, tree.visualRect(index).center()
    )


def test_the_tree_highlights_the_filter_and_nothing_else(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.resize(1280, 800)
    tree = window.sidebar.tree
    ecowas, treasury = (
        Filter(FilterKind.TAG, "actor/ecowas"),
        Filter(FilterKind.TAG, "actor/us-treasury"),
    )

    click(qtbot, tree, "actor/ecowas")
    assert window.session.query == Query(include_tags=("actor/ecowas",))
    assert painted(tree) == {ecowas}
    assert window.sidebar.model.marked() == {ecowas: "include"}

    click(qtbot, tree, "actor/us-treasury", ctrl=True)
    assert window.session.query.exclude_tags == ("actor/us-treasury",)
    assert painted(tree) == {ecowas}  # a hidden tag is struck through, not tinted
    assert window.sidebar.model.marked() == {ecowas: "include", treasury: "exclude"}

    qtbot.mouseClick(window.list_pane.filter_bar._clear, Qt.MouseButton.LeftButton)
    assert window.session.query == Query()
    assert painted(tree) == set()  # no selection colour survives "Clear all"
    assert window.sidebar.model.marked() == {}
    assert not tree.selectionModel().hasSelection()

    # Moving with the keys shows the focus, never a filter.
    tree.setFocus()
    for _ in range(6):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    current = tree.currentIndex().data(FilterRole)
    assert isinstance(current, Filter)
    assert painted(tree) == set()
    assert window.session.query == Query()
    assert outlined(tree) == tree.currentIndex()  # the focus: an outline, not a fill
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert painted(tree) == {current}
    assert window.sidebar.model.marked() == {current: "include"}
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # a second press takes it off again
    assert painted(tree) == set()


# -- names, one place per facet, counts --------------------------------------------------------


def test_the_tree_names_tags_lists_each_facet_once_and_counts_in_its_tooltip(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    model = window.sidebar.model
    ivory = model.index_of(Filter(FilterKind.TAG, "country/cote-divoire"))
    assert ivory.data() == "Côte d'Ivoire"
    assert ivory.data(Qt.ItemDataRole.ToolTipRole).startswith("country/cote-divoire\n")
    assert model.index_of(Filter(FilterKind.TAG, "actor/ecowas")).data() == "ECOWAS"
    # publisher/… and kind/… are listed under Publishers and Kinds only.
    tags = model.index(0, NAME)
    families = {
        model.index(r, NAME, tags).data(FilterRole).value for r in range(model.rowCount(tags))
    }
    assert families == {"actor", "country", "region", "theme"}
    assert not model.index_of(
        Filter(FilterKind.TAG, "publisher/international-crisis-group")
    ).isValid()
    crisis_group = Filter(FilterKind.PUBLISHER, "International Crisis Group")
    assert model.index_of(crisis_group).isValid()
    # A tag followed from a card is brought into view in the tree, its branch opened.
    tree = window.sidebar.tree
    tree.setExpanded(model.index_of(Filter(FilterKind.TAG, "theme")), False)
    window.filtering.follow_tag("theme/sovereignty")
    shown = tree.visualRect(model.index_of(Filter(FilterKind.TAG, "theme/sovereignty")))
    assert tree.viewport().rect().contains(shown)
    window.commands.clear_filters.trigger()
    # A publisher tag clicked in a card filters by the facet the tree lists.
    window.filtering.follow_tag("publisher/international-crisis-group")
    assert window.session.query == Query(publishers=frozenset({"International Crisis Group"}))
    assert model.marked() == {crisis_group: "include"}
    # The tooltip counts the cards shown, and the whole set's when that differs (review #38).
    window.commands.clear_filters.trigger()
    wagner = model.index_of(Filter(FilterKind.TAG, "actor/wagner"))
    assert "3 of the 3 cards shown" in wagner.data(Qt.ItemDataRole.ToolTipRole)
    window.session.set_query(Query(years=frozenset({2023})))
    shown = len(window.session.matched)
    tip = wagner.data(Qt.ItemDataRole.ToolTipRole)
    assert f"{shown} of the {shown} cards shown" in tip
    assert "(3 in the whole set)" in tip
