"""The card list through the real window: rows as tall as their text, titles and publishers
whole at 1024 × 700 (review #20, #32), and a search's matches and snippet in each row; a
catalog that adds cards keeps the reader's place (#17)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.model import Card
from reader.cards.query import Query
from reader.render.snippets import Hit
from reader.ui.main_window import MainWindow
from reader.ui.reading import card_list
from reader.ui.reading.card_list import CardListPane
from reader.ui.reading.card_list_model import HitRole, IdRole
from reader.ui.reading.card_row import (
    PAD_X,
    TITLE_LINES,
    _Fonts,
    _height,
    hit_layout,
    meta_lines,
    wrapped_lines,
)
from tests.analysis.compare_cards import catalog_of, make_card
from tests.conftest import SHIPPED_CARDS
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow


def rows(window: MainWindow) -> list[tuple[str, int]]:
    view = window.list_pane.view
    model = view.model()
    return [
        (str(model.index(r, 0).data(IdRole)), view.visualRect(model.index(r, 0)).height())
        for r in range(model.rowCount())
    ]


def test_at_1024_by_700_the_list_shows_whole_titles_and_a_search_its_matches_in_context(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.resize(1024, 700)
    view = window.list_pane.view
    qtbot.waitUntil(lambda: view.viewport().width() < 300)
    fonts = _Fonts.of(view.font())
    width = view.viewport().width() - 2 * PAD_X
    for card_id, height in rows(window):
        summary = window.session.summary(card_id)
        assert summary is not None
        title = wrapped_lines(summary.title, fonts.title, width, TITLE_LINES)
        assert " ".join(title) == " ".join(summary.title.split()), title  # nothing elided
        meta = " ".join(meta_lines(summary, fonts.base, width))
        assert summary.publisher in meta
        assert summary.published.display() in meta
        meta_count = len(meta_lines(summary, fonts.base, width))
        assert height >= _height(len(title), meta_count, fonts, searching=False)
    # Rows are as tall as their text: a title of three lines makes a taller row.
    heights = {card_id: height for card_id, height in rows(window)}
    assert len(set(heights.values())) > 1

    # A search shows each card's matches and a snippet around the first.
    window.search.setFocus()
    qtbot.keyClicks(window.search, '"cote d\'ivoire"')
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.list_pane.visible_ids() == [CRISIS_GROUP])
    view = window.list_pane.view
    index = view.model().index(0, 0)
    hit = index.data(HitRole)
    assert isinstance(hit, Hit)
    assert hit.count > 1
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["Côte d'Ivoire"]
    # What the row paints: the count, then the snippet with the match kept in view.
    fonts = _Fonts.of(view.font())
    layout = hit_layout(hit, fonts.small, view.viewport().width() - 2 * PAD_X)
    assert layout.text().startswith(f"{hit.count} matches · …")
    assert "Côte d'Ivoire" in layout.text()
    # The count is the card view's: F3 steps through as many matches.
    window.session.open_card(CRISIS_GROUP)
    window.commands.find_next.trigger()
    assert window.status.currentMessage().endswith(f"of {hit.count} in this card")
    # A search for words in every card gives each its own count; clearing it drops them.
    window.search.clear()
    qtbot.keyClicks(window.search, "wagner")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.list_pane.visible_ids()) == 3)
    counts = [view.model().index(r, 0).data(HitRole).count for r in range(3)]
    assert all(counts)
    assert len(set(counts)) == 3
    window.search.clear()
    qtbot.waitUntil(lambda: view.model().index(0, 0).data(HitRole) is None)
    assert SANCTIONS in window.list_pane.visible_ids()


def test_a_long_list_gives_every_row_the_tallest_rows_height(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    pane = CardListPane()
    qtbot.addWidget(pane)
    pane.resize(260, 600)
    pane.show()
    pane.model.set_summaries(catalog.summaries())
    ids = catalog.matching(Query())
    pane.show_rows(ids, len(ids), None)
    measured = {pane.view.visualRect(pane.model.index(r, 0)).height() for r in range(3)}
    monkeypatch.setattr(card_list, "MEASURED_ROWS", 2)  # as if the set were long
    pane.show_rows(ids, len(ids), None)
    pane.view.doItemsLayout()
    uniform = {pane.view.visualRect(pane.model.index(r, 0)).height() for r in range(3)}
    assert len(uniform) == 1
    assert uniform.pop() >= max(measured)


def test_rows_are_measured_again_when_the_list_narrows(qtbot: QtBot) -> None:
    """Review N2: opening the source pane or the editor narrows the list; its rows must not
    paint over each other, and each must be as tall as its rewrapped text."""
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    pane = CardListPane()
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.model.set_summaries(catalog.summaries())
    ids = catalog.matching(Query())
    pane.show_rows(ids, len(ids), ids[0])
    view = pane.view
    model = pane.model

    def fits() -> bool:
        fonts = _Fonts.of(view.font())
        width = view.viewport().width() - 2 * PAD_X
        rects = [view.visualRect(model.index(r, 0)) for r in range(model.rowCount())]
        for row, rect in enumerate(rects):
            summary = model.summary(str(model.index(row, 0).data(IdRole)))
            assert summary is not None
            title = wrapped_lines(summary.title, fonts.title, width, TITLE_LINES)
            meta = meta_lines(summary, fonts.base, width)
            if rect.height() < _height(len(title), len(meta), fonts, searching=False):
                return False
        return all(a.bottom() < b.top() for a, b in pairwise(rects))

    qtbot.waitUntil(fits)
    before = [view.visualRect(model.index(r, 0)).height() for r in range(model.rowCount())]
    pane.resize(190, 600)  # as with the source pane open beside it
    qtbot.waitUntil(lambda: view.viewport().width() < 200)
    qtbot.waitUntil(fits)
    after = [view.visualRect(model.index(r, 0)).height() for r in range(model.rowCount())]
    assert sum(after) > sum(before)  # titles took more lines


def test_a_catalog_that_adds_cards_keeps_the_selection_and_the_reader_s_place(
    qtbot: QtBot,
) -> None:
    """A cold index delivers its catalog in parts, each adding cards all through the list.
    The rows change in place: the card being read stays selected, the card at the top of the
    list stays where it was, and a list at its very top stays there (the newest cards show)."""
    cards = [make_card(f"card-{i:03}", f"{2000 + i // 12}-{i % 12 + 1:02}") for i in range(120)]
    pane = CardListPane()
    qtbot.addWidget(pane)
    pane.resize(300, 400)
    pane.show()
    qtbot.waitExposed(pane)
    view = pane.view

    def deliver(part: list[Card], reading: str) -> None:
        catalog = catalog_of(part)
        pane.model.set_summaries(catalog.summaries())
        ids = catalog.matching(Query())
        pane.show_rows(ids, len(ids), reading)

    def top() -> tuple[str, int]:
        index = view.indexAt(QPoint(0, 0))
        return str(index.data(IdRole)), view.visualRect(index).top()

    deliver(cards[:120:2], "card-060")  # every other card: the rest come in between
    assert pane.selected_ids() == ["card-060"]
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() // 3)
    place = top()
    assert not view.visualRect(view.currentIndex()).intersects(view.viewport().rect())
    deliver(cards[:119], "card-060")
    assert pane.selected_ids() == ["card-060"]
    assert top() == place
    assert pane.visible_ids() == [f"card-{i:03}" for i in range(118, -1, -1)]
    assert pane.count.text() == "119 cards"

    view.verticalScrollBar().setValue(0)
    deliver(cards, "card-060")
    assert top() == ("card-119", 0)
    assert pane.selected_ids() == ["card-060"]
