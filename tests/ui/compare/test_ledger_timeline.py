"""Recommendations by addressee, and the merged timeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.timeline import EventKind
from reader.cards.catalog import MemoryCatalog
from reader.ui.compare import RecommendationsLedgerView, TimelineView, paged
from reader.ui.compare.delegate import PAD_X, HtmlDelegate
from reader.ui.compare.roles import HtmlRole
from tests.analysis.compare_cards import catalog_of, make_card
from tests.ui.compare.conftest import DATE_ORDER
from tests.ui.compare.helpers import double_click

Show = Callable[[QWidget], QWidget]


@pytest.fixture
def ledger(shipped: MemoryCatalog, show: Show) -> RecommendationsLedgerView:
    view = show(RecommendationsLedgerView(shipped, DATE_ORDER))
    assert isinstance(view, RecommendationsLedgerView)
    return view


@pytest.fixture
def timeline(shipped: MemoryCatalog, show: Show) -> TimelineView:
    view = show(TimelineView(shipped, DATE_ORDER))
    assert isinstance(view, TimelineView)
    return view


def test_the_ledger_groups_the_shipped_recommendations_by_addressee(
    ledger: RecommendationsLedgerView,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    view = ledger
    model = view.addressee_list().model()
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data() == "Western governments\n3 sources"
    names = [e.addressee for e in view.entries()]
    assert "Malian authorities" in names
    assert "Bamako" not in names  # an alias, merged through the set file
    rows = view.rows()
    qtmodeltester.check(rows, force_py=True)
    text = "\n".join(str(rows.index(r, 0).data()) for r in range(rows.rowCount()))
    west = text.split("To Western governments")[1].split("\nTo ")[0]
    headings = [rows.index(r, 0).data(HtmlRole) for r in range(rows.rowCount())]
    assert "Responsible Statecraft, 2021" in str(headings)
    order = [view.entries()[0].sources[i].card.source.publisher for i in range(3)]
    assert order == [
        "Responsible Statecraft",
        "International Crisis Group",
        "Responsible Statecraft",
    ]
    assert "As “Washington (the U.S.)”:" in west


def test_choosing_an_addressee_scrolls_the_ledger_to_it(
    ledger: RecommendationsLedgerView, qtbot: QtBot
) -> None:
    view = ledger
    bar = view.ledger().verticalScrollBar()
    assert bar.value() == 0  # at the first addressee
    listing = view.addressee_list()
    last = listing.model().index(listing.model().rowCount() - 1, 0)
    qtbot.mouseClick(
        listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualRect(last).center()
    )
    rows = view.rows()
    heading = rows.start_of(last.row())
    tree = view.ledger()
    # Scrolled down to its heading, which shows (the last one cannot reach the very top).
    qtbot.waitUntil(
        lambda: (
            bar.value() > 0
            and tree.viewport().rect().contains(tree.visualRect(rows.index(heading, 0)).topLeft())
        )
    )
    current = view.ledger().currentIndex()
    assert current.row() > heading  # its first recommendation: Enter opens it
    assert rows.row(current.row()).recommendation is not None
    assert view.select_addressee("Western governments")
    qtbot.waitUntil(lambda: bar.value() == 0)
    assert not view.select_addressee("Nobody")


def test_the_addressee_list_follows_what_the_ledger_shows(
    ledger: RecommendationsLedgerView, qtbot: QtBot
) -> None:
    """N17: the ledger opens at its first addressee, chosen in the list; scrolling or moving
    through the ledger moves the list's choice with it."""
    listing = ledger.addressee_list()
    assert listing.currentIndex().row() == 0
    assert listing.selectionModel().isSelected(listing.currentIndex())
    tree, rows = ledger.ledger(), ledger.rows()
    third = rows.start_of(2)
    tree.scrollTo(rows.index(third, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: listing.currentIndex().row() == 2)
    assert listing.selectionModel().isSelected(listing.currentIndex())
    # The keyboard in the ledger: the current recommendation's addressee, even off the top.
    tree.setCurrentIndex(rows.index(rows.first_recommendation(3), 0))
    qtbot.waitUntil(lambda: listing.currentIndex().row() == 3)
    # And the list still leads: choosing an addressee scrolls the ledger to it.
    listing.setCurrentIndex(listing.model().index(1, 0))
    qtbot.waitUntil(lambda: rows.entry_of(tree.currentIndex().row()) == 1)
    assert listing.currentIndex().row() == 1


def test_addressee_names_wrap_whole_in_a_narrow_list(
    ledger: RecommendationsLedgerView, qtbot: QtBot
) -> None:
    ledger.resize(1024, 600)
    listing = ledger.addressee_list()
    model = listing.model()
    longest = max(range(model.rowCount()), key=lambda r: len(ledger.entries()[r].addressee))
    name = ledger.entries()[longest].addressee
    metrics = listing.fontMetrics()
    assert metrics.horizontalAdvance(name) > listing.viewport().width()  # it must wrap...
    rect = listing.visualRect(model.index(longest, 0))
    # ...onto lines enough for its words and the count beneath: nothing elided.
    qtbot.waitUntil(
        lambda: listing.visualRect(model.index(longest, 0)).height() >= 3 * metrics.height()
    )
    assert rect.width() <= listing.viewport().width()


def test_the_ledger_scales_to_fifty_cards(
    fifty: tuple[MemoryCatalog, list[str]], show: Show
) -> None:
    catalog, ids = fifty
    view = show(RecommendationsLedgerView(catalog, ids))
    assert isinstance(view, RecommendationsLedgerView)
    entries = view.entries()
    total = sum(len(s.recommendations) for e in entries for s in e.sources)
    expected = sum(len(c.recommendations) for c in (catalog.card(i) for i in ids) if c)
    assert total == expected > 0
    reach = [len(e.sources) for e in entries]
    assert reach == sorted(reach, reverse=True)


def test_the_timeline_keeps_date_precision_and_lists_publications(
    timeline: TimelineView,
    shipped: MemoryCatalog,
    qtmodeltester,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    view = timeline
    model = view.model()
    # Every row in one page: the testers (Qt's and pytest-qt's) check a model on its reset
    # signal, fetching more rows, before they note that the reset has ended, and then report
    # rows inserted during a reset. Show Publications below resets the model.
    monkeypatch.setattr(paged, "PAGE", 1000)
    view.set_cards(DATE_ORDER)  # shown again, in one page
    qtbot.waitUntil(lambda: not model.held)
    qtmodeltester.check(model, force_py=True)
    cards = [shipped.card(i) for i in DATE_ORDER]
    events = sum(len(c.timeline) for c in cards if c)
    assert model.rowCount() == events + 3
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert dates[0] == "1960"  # alone in its year: nothing to say
    # A year-only date before the year's months, and saying why it stands there (N13).
    assert dates.index("2021 (year only)") < dates.index("February 2021")
    year_only = dates.index("2021 (year only)")
    assert "(year only)" in str(model.index(year_only, 0).data(HtmlRole))
    tip = str(model.index(year_only, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert "listed before the dated events of that year" in tip
    assert "(year only)" not in str(model.index(dates.index("February 2021"), 0).data(HtmlRole))
    # The month before its days: "September 2021" rows come before "30 September 2021".
    assert dates.index("September 2021") < dates.index("30 September 2021")
    assert "16 September 2021" in dates
    published = [r for r in range(model.rowCount()) if model.entry(r).kind is EventKind.PUBLISHED]
    assert [model.index(r, 2).data() for r in published] == [
        "Responsible Statecraft, 2021",
        "International Crisis Group, 9 February 2023",
        "Responsible Statecraft, July 2023",
    ]
    view.set_show_publications(False)
    assert model.rowCount() == events


def test_the_timeline_shows_one_row_for_an_event_several_sources_report(
    show: Show, qtbot: QtBot
) -> None:
    cards = [
        make_card(
            "a",
            "2022",
            publisher="Alpha",
            timeline=[("2021-09-30", "Four helicopters arrive in Mali")],
        ),
        make_card(
            "b",
            "2023",
            publisher="Beta",
            timeline=[("2021-09-30", "Four helicopters arrive in Mali (year inferred)")],
        ),
    ]
    view = show(TimelineView(catalog_of(cards), ["a", "b"]))
    assert isinstance(view, TimelineView)
    model = view.model()
    events = [r for r in range(model.rowCount()) if model.entry(r).kind is EventKind.EVENT]
    assert len(events) == 1
    row = events[0]
    assert model.index(row, 2).data() == "Alpha, 2022; Beta, 2023"
    assert "Beta: “Four helicopters arrive in Mali (year inferred)”" in str(
        model.index(row, 1).data(HtmlRole)
    )
    assert "Reported by 2 sources" in str(model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole))
    table = view.table()
    with qtbot.waitSignal(view.item_activated) as opened:
        double_click(table.viewport(), table.visualRect(model.index(row, 1)).center())
    assert opened.args == ["a", "timeline", 0]  # the first source's event


def test_the_timeline_of_fifty_cards(fifty: tuple[MemoryCatalog, list[str]], show: Show) -> None:
    catalog, ids = fifty
    view = show(TimelineView(catalog, ids))
    assert isinstance(view, TimelineView)
    model = view.model()
    keys = [model.entry(r).date.sort_key for r in range(model.rowCount())]
    assert keys == sorted(keys)
    assert len(model.entries()) == 100  # one event and one publication per generated card


def test_timeline_rows_rewrap_when_the_view_narrows(timeline: TimelineView, qtbot: QtBot) -> None:
    tree = timeline.table()
    model = timeline.model()
    long_row = max(range(model.rowCount()), key=lambda r: len(model.entry(r).text))
    index = model.index(long_row, 1)
    tree.scrollTo(index)
    wide = tree.visualRect(index).height()
    timeline.resize(700, 800)
    qtbot.waitUntil(lambda: tree.visualRect(model.index(long_row, 1)).height() > wide)
    # Every cell of the row shares its height: dates and sources line up with the event.
    heights = {tree.visualRect(model.index(long_row, c)).height() for c in range(3)}
    assert len(heights) == 1


def test_the_publications_checkbox_reads_its_state_and_dates_fit(
    timeline: TimelineView, qtbot: QtBot
) -> None:
    box = timeline.findChild(QCheckBox, "showPublications")
    assert isinstance(box, QCheckBox)
    assert box.isChecked()
    published = sum(e.kind is EventKind.PUBLISHED for e in timeline.model().entries())
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not timeline.shows_publications()
    assert not timeline.commands.show_publications.isChecked()  # the menu item agrees
    assert published == 3
    # The longest date fits its column on one line, at any zoom.
    for scale in (1.0, 1.5):
        timeline.set_base_point_size(timeline.font().pointSizeF() * scale)
        table = timeline.table()
        needed = QFontMetrics(table.font()).horizontalAdvance("22 September 2022")
        assert table.columnWidth(0) > needed + 2 * PAD_X


def test_long_ledgers_and_timelines_reach_their_views_a_page_at_a_time(
    fifty: tuple[MemoryCatalog, list[str]],
    show: Show,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paged, "PAGE", 20)
    catalog, ids = fifty
    ledger = show(RecommendationsLedgerView(catalog, ids))
    assert isinstance(ledger, RecommendationsLedgerView)
    rows = ledger.rows()
    recommendations = sum(len(s.recommendations) for e in ledger.entries() for s in e.sources)
    shown = rows.rowCount()
    assert shown % 20 == 0  # pages: as many as fill the view, not every row of fifty cards
    assert shown < recommendations
    bar = ledger.ledger().verticalScrollBar()
    bar.setValue(bar.maximum())  # the end of what is shown: the next page comes
    qtbot.waitUntil(lambda: rows.rowCount() > shown)
    last = len(ledger.entries()) - 1
    assert ledger.select_addressee(ledger.entries()[last].addressee)
    assert rows.rowCount() > rows.first_recommendation(last)  # reached when chosen
    assert ledger.ledger().currentIndex().row() == rows.first_recommendation(last)
    timeline = show(TimelineView(catalog, ids))
    assert isinstance(timeline, TimelineView)
    events = timeline.model().entries()
    assert timeline.model().rowCount() < len(events)
    # Print and PDF take every row, those never scrolled to as well.
    assert events[-1].date.display().replace(" ", "&nbsp;") in timeline.document_html()


def test_reported_by_reads_as_large_as_the_event_and_grows_with_the_zoom(
    timeline: TimelineView,
) -> None:
    """P6: the sources' names were set at 0.8 of the text, small beside a zoomed event."""
    delegate = timeline.table().itemDelegate()
    assert isinstance(delegate, HtmlDelegate)
    index = timeline.model().index(0, 2)

    def size_at(base: float) -> float:
        timeline.set_base_point_size(base)
        doc = delegate.document(index, 400)
        return doc.begin().begin().fragment().charFormat().font().pointSizeF()

    assert size_at(10) >= 9.0
    assert size_at(14) >= 1.35 * size_at(10)
