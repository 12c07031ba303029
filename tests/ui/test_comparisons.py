"""Comparing in the reader window, as a reader does it: Ctrl+click cards, Ctrl+D, the views.

Also Add to Comparison one card at a time, why Compare is disabled when it is, the matrix,
ledger and timeline following the filter, header and tag clicks back to reading, and PDF
export and print from a comparison.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QContextMenuEvent, QPalette
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QProgressBar,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.analysis.compare_rules import NO_TOPICS_HINT
from reader.analysis.side_by_side import RowKind
from reader.app.export_request import Scope
from reader.app.settings import PaletteMode
from reader.cards.filters import FilterKind
from reader.cards.query import Query
from reader.export.book import select
from reader.export.pdf import export_pdf
from reader.qt.compat import protect_none
from reader.render import DARK, tag_href
from reader.render.tooltips import safe_tooltip
from reader.ui.compare import (
    CompareView,
    RecommendationsLedgerView,
    TimelineView,
    TopicMatrixView,
)
from reader.ui.compare.delegate import PAD_X, PAD_Y, HtmlDelegate
from reader.ui.compare.workspace import ViewKind
from reader.ui.main_window import MainWindow
from reader.ui.reading.card_list_model import ComparedRole
from tests.support.synthetic import write_set
from tests.ui.compare.helpers import anchor_point
from tests.ui.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS, MakeWindow
from tests.ui.test_navigation import accessible_name, click_tree, tree_index

protect_none()  # the views and the export make many void Qt calls (see reader/qtcompat.py)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DATE_ORDER = [LEVERAGE, CRISIS_GROUP, SANCTIONS]


def click_row(
    qtbot: QtBot,
    window: MainWindow,
    card_id: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> QPoint:
    pane = window.list_pane
    row = pane.visible_ids().index(card_id)
    index = pane.model.index(row, 0)
    pane.view.scrollTo(index)
    point = pane.view.visualRect(index).center()
    qtbot.mouseClick(pane.view.viewport(), button, modifier, point)
    return point


def select_cards(qtbot: QtBot, window: MainWindow, *card_ids: str) -> None:
    click_row(qtbot, window, card_ids[0])
    for card_id in card_ids[1:]:
        click_row(qtbot, window, card_id, CTRL)


def compare_view(window: MainWindow) -> CompareView:
    view = window.workspace.compare_view()
    assert view is not None
    return view


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


# -- opening a comparison ----------


def test_ctrl_click_three_cards_then_ctrl_d_compares_them_side_by_side(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, SANCTIONS, LEVERAGE, CRISIS_GROUP)
    assert sorted(window.list_pane.selected_ids()) == sorted(DATE_ORDER)
    assert window.card_view.card_id == CRISIS_GROUP  # the card clicked last is read
    assert window.commands.compare.isEnabled()

    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert window.comparisons.comparing
    assert not window.list_pane.isVisible()
    view = compare_view(window)
    assert view.isVisible()
    # The sidebar stays put, as on every other tab (the tab bar does not jump sideways).
    assert window.sidebar.isVisible()
    assert view.card_ids() == DATE_ORDER
    model = view.model()
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(3)]
    assert headers == [
        "Responsible Statecraft\n2021",
        "International Crisis Group\n9 February 2023",
        "Responsible Statecraft\nJuly 2023",
    ]
    why = model.row_of("topic:why-russia")
    assert str(model.index(why, 0).data()).startswith("skeptical: ")
    assert str(model.index(why, 1).data()).startswith("mixed: ")
    assert model.index(why, 2).data() == "Not addressed"
    assert window.workspace.tabs.tabText(window.workspace.tabs.currentIndex()) == "Compare (3)"
    assert window.workspace.scope.text() == "3 cards side by side"

    press(qtbot, window, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert not window.comparisons.comparing
    assert window.list_pane.isVisible()
    assert window.sidebar.isVisible()
    assert window.card_view.isVisible()
    assert window.list_pane.view.hasFocus()


def test_two_cards_compare_too(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    assert compare_view(window).card_ids() == [LEVERAGE, SANCTIONS]


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_add_to_comparison_from_the_list_context_menu_collects_a_basket(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = window.commands
    chosen: list[str] = []

    def choose_add() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        chosen.extend(action.text() for action in menu.actions() if action.isEnabled())
        a.add_to_comparison.trigger()
        menu.close()

    point = click_row(qtbot, window, SANCTIONS, button=Qt.MouseButton.RightButton)
    QTimer.singleShot(0, choose_add)
    viewport = window.list_pane.view.viewport()
    menu_event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)
    )
    QApplication.sendEvent(viewport, menu_event)  # what the platform sends on a right click
    qtbot.waitUntil(lambda: window.comparisons.basket == [SANCTIONS])
    # The offscreen platform leaves no window active once a popup closes; a desktop would.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # Compare is offered and runs, saying why one card is not enough.
    assert a.add_to_comparison.text() in chosen
    assert a.compare.text() in chosen
    a.compare.trigger()
    assert not window.comparisons.comparing
    assert window.status.currentMessage().startswith("One card is in the comparison")
    assert not a.add_to_comparison.isEnabled()  # it is in already
    basket = window.comparisons.basket_button
    assert basket.isVisible()
    assert basket.text() == "Comparison: 1 card"

    click_row(qtbot, window, LEVERAGE)
    assert a.add_to_comparison.isEnabled()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_D, CTRL_SHIFT)
    assert window.comparisons.basket == [SANCTIONS, LEVERAGE]
    assert a.compare.isEnabled()
    assert a.compare.toolTip() == "Compare Cards (Ctrl+D)"
    assert basket.text() == "Comparison: 2 cards"

    qtbot.mouseClick(basket, Qt.MouseButton.LeftButton)
    assert compare_view(window).card_ids() == [LEVERAGE, SANCTIONS]
    assert not basket.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_add_to_comparison_from_the_card_views_context_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_row(qtbot, window, CRISIS_GROUP)
    offered: list[str] = []

    def choose_add() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(action.text() for action in menu.actions())
        add = next(x for x in menu.actions() if x.text() == "&Add to Comparison")
        add.trigger()
        menu.close()

    viewport = window.card_view.viewport()
    point = QPoint(viewport.width() // 2, 40)
    QTimer.singleShot(0, choose_add)
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)),
    )
    qtbot.waitUntil(lambda: window.comparisons.basket == [CRISIS_GROUP])
    assert "&Compare Cards…" in offered
    assert window.status.currentMessage().startswith(
        "Added “Mali: Avoiding The Trap Of Isolation” to the comparison (1 card)"
    )


def test_add_to_comparison_joins_an_open_compare_view(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    window.commands.back_to_reading.trigger()
    click_row(qtbot, window, CRISIS_GROUP)
    window.commands.add_to_comparison.trigger()
    assert compare_view(window).card_ids() == [LEVERAGE, SANCTIONS, CRISIS_GROUP]
    assert window.comparisons.basket == [LEVERAGE, SANCTIONS, CRISIS_GROUP]
    # With one card selected, Ctrl+D goes back to that comparison.
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert window.comparisons.comparing
    assert compare_view(window).card_ids() == [LEVERAGE, SANCTIONS, CRISIS_GROUP]


def test_columns_removed_in_the_view_stay_removed_on_ctrl_d(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP, SANCTIONS)
    window.commands.compare.trigger()
    view = compare_view(window)
    view.remove_card(CRISIS_GROUP)
    window.commands.back_to_reading.trigger()
    assert len(window.list_pane.selected_ids()) == 1  # the stale selection is gone
    window.commands.compare.trigger()
    assert compare_view(window).card_ids() == [LEVERAGE, SANCTIONS]


def test_closing_the_compare_tab_keeps_the_comparison_for_ctrl_d(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    view = compare_view(window)
    view.set_argument_expanded(True)
    view.set_rows_shown(RowKind.TAGS, False)
    window.workspace.commands.close_view.trigger()  # Ctrl+W
    assert window.workspace.compare_view() is None
    assert window.status.currentMessage() == "Comparison closed: Compare (Ctrl+D) opens it again"
    click_row(qtbot, window, CRISIS_GROUP)  # one card selected: Ctrl+D reopens the comparison
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    reopened = compare_view(window)
    assert reopened.card_ids() == [LEVERAGE, SANCTIONS]
    # As the reader left it: the argument open, the tags hidden.
    assert reopened.argument_expanded()
    assert reopened.table().isRowHidden(reopened.model().row_of("tags"))


def test_the_view_tabs_fit_a_1024_by_700_window(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    for command in ("topic_matrix", "recommendations", "timeline"):
        getattr(window.commands, command).trigger()
    bar = window.workspace.tabs.tabBar()
    # Every tab whole, none scrolled out of sight (the corner's extras gave way).
    qtbot.waitUntil(lambda: bar.tabRect(0).left() >= 0 and bar.tabRect(3).right() <= bar.width())
    assert bar.tabText(0) == "Compare (2)"


def test_cards_in_the_comparison_are_marked_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    view = window.list_pane.view
    model = window.list_pane.model
    row = model.row_of(SANCTIONS)
    index = model.index(row, 0)

    def bar_pixels() -> int:
        rect = view.visualRect(index)
        image = view.viewport().grab().toImage()
        highlight = view.palette().color(QPalette.ColorRole.Highlight).rgb()
        return sum(
            image.pixel(x, y) == highlight
            for x in range(rect.left() + 2, rect.left() + 8)
            for y in range(rect.top() + 10, rect.bottom() - 10)
        )

    assert bar_pixels() == 0
    window.comparisons.add(SANCTIONS)
    assert index.data(ComparedRole)
    assert str(index.data(Qt.ItemDataRole.AccessibleTextRole)).endswith("In the comparison")
    qtbot.waitUntil(lambda: bar_pixels() > 20)  # a bar down the row's left edge
    assert not model.index(model.row_of(LEVERAGE), 0).data(ComparedRole)


# -- why Compare cannot compare ----------


def test_ctrl_d_with_one_selected_card_says_why_in_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    compare = window.commands.compare
    click_row(qtbot, window, SANCTIONS)
    assert compare.isEnabled()  # a disabled Ctrl+D said nothing at all
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert not window.comparisons.comparing
    assert window.status.currentMessage().startswith("Select 2–4 cards in the list (Ctrl+click)")
    click_row(qtbot, window, LEVERAGE, CTRL)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert window.comparisons.comparing


def test_more_than_four_selected_cards_disable_compare(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root = tmp_path / "six"
    write_set(root, 6, seed=3)
    window = make_window(root)
    ids = window.list_pane.visible_ids()
    click_row(qtbot, window, ids[0])
    click_row(qtbot, window, ids[4], Qt.KeyboardModifier.ShiftModifier)
    assert len(window.list_pane.selected_ids()) == 5
    compare = window.commands.compare
    compare.trigger()
    assert not window.comparisons.comparing
    assert "at most 4 cards side by side (5 selected)" in window.status.currentMessage()
    click_row(qtbot, window, ids[4], CTRL)  # Ctrl+click again: four are left
    compare.trigger()
    assert len(compare_view(window).card_ids()) == 4


def test_a_set_of_one_card_cannot_compare(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    for card_id in (LEVERAGE, CRISIS_GROUP):
        (card_set / f"{card_id}.yaml").unlink()
    window = make_window(card_set)
    click_row(qtbot, window, SANCTIONS)
    window.commands.compare.trigger()
    assert not window.comparisons.comparing
    assert "only one" in window.status.currentMessage()
    # The set-wide views still open over the one card.
    assert window.commands.topic_matrix.isEnabled()


def test_the_set_views_are_disabled_when_no_card_matches(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search, "zzzz")
    qtbot.waitUntil(lambda: not window.session.matched)
    matrix = window.commands.topic_matrix
    assert not matrix.isEnabled()
    assert "No card matches the filter" in matrix.toolTip()


# -- the set-wide views follow the filter ----------


def test_matrix_ledger_and_timeline_follow_a_tag_filter(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_T, CTRL_SHIFT)
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    assert matrix.isVisible()
    assert window.sidebar.isVisible()  # to filter what the matrix shows
    assert [c.id for c in matrix.matrix.columns] == DATE_ORDER
    assert window.workspace.scope.text() == "All 3 cards"

    click_tree(qtbot, window, FilterKind.TAG, "actor/us-treasury")
    assert window.session.matched == [SANCTIONS]
    assert [c.id for c in matrix.matrix.columns] == [SANCTIONS]
    assert window.workspace.scope.text() == "1 of 3 cards · tag actor/us-treasury"
    # whole in its tooltip, escaped: a tag is the cards' text, never read as markup
    assert window.workspace.scope.toolTip() == safe_tooltip("1 of 3 cards · tag actor/us-treasury")

    press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
    ledger = window.workspace.view(ViewKind.LEDGER)
    assert isinstance(ledger, RecommendationsLedgerView)
    assert ledger.entries()
    assert {s.card.id for e in ledger.entries() for s in e.sources} == {SANCTIONS}

    press(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)
    timeline = window.workspace.view(ViewKind.TIMELINE)
    assert isinstance(timeline, TimelineView)
    model = timeline.model()
    sources = {c.id for r in range(model.rowCount()) for c in model.entry(r).cards}
    assert sources == {SANCTIONS}

    # Unfiltered again: the timeline now on screen follows at once, the hidden matrix when shown.
    click_tree(qtbot, window, FilterKind.TAG, "actor/us-treasury")
    sources = {c.id for r in range(model.rowCount()) for c in model.entry(r).cards}
    assert sources == set(DATE_ORDER)
    window.commands.topic_matrix.trigger()
    assert [c.id for c in matrix.matrix.columns] == DATE_ORDER


def test_the_compare_view_follows_a_reload_keeping_its_columns(
    qtbot: QtBot, window: MainWindow, card_set: Path
) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP, SANCTIONS)
    window.commands.compare.trigger()
    view = compare_view(window)
    view.move_card(0, 2)
    order = view.card_ids()
    path = card_set / f"{CRISIS_GROUP}.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'title: "Mali: Avoiding The Trap Of Isolation"'
    assert old in text
    path.write_text(text.replace(old, 'title: "Isolation, revised"'), encoding="utf-8")
    source = view.model().row_of("source")
    column = order.index(CRISIS_GROUP)
    qtbot.waitUntil(
        lambda: "Isolation, revised" in str(view.model().index(source, column).data()),
        timeout=5000,
    )
    assert view.card_ids() == order
    assert window.comparisons.comparing


def test_ctrl_l_and_ctrl_t_go_back_to_the_list_and_tags(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    press(qtbot, window, Qt.Key.Key_T, CTRL)
    assert window.comparisons.comparing  # the sidebar is beside the comparison
    assert window.sidebar.tree.hasFocus()
    window.commands.topic_matrix.trigger()
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert not window.comparisons.comparing
    assert window.list_pane.view.hasFocus()


def test_tab_leaves_the_tables_for_the_tabs_and_the_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    table = compare_view(window).table()
    assert table.hasFocus()
    seen: list[QWidget] = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert window.workspace.tabs.tabBar() in seen
    assert window.sidebar.tree in seen  # the sidebar stays beside the comparison


def test_a_large_filter_is_worked_out_in_the_background(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    workspace.background_from = 0  # as if the three cards were thousands
    window.commands.topic_matrix.trigger()
    matrix = workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    assert workspace.busy
    assert matrix.loading  # a progress bar covers what is not there yet
    cover = matrix.findChild(QProgressBar)
    assert cover is not None
    assert (cover.value(), cover.maximum(), cover.text()) == (0, 3, "0 of 3")
    qtbot.waitUntil(lambda: not workspace.busy)
    assert not matrix.loading
    assert [c.id for c in matrix.matrix.columns] == DATE_ORDER
    assert workspace.scope.text() == "All 3 cards"

    # A reload of the same cards: the matrix stays readable (no cover) until the new result.
    catalog = window.session.catalog
    assert catalog is not None
    workspace.set_catalog(catalog, window.session.matched, "")  # as the window does on reload
    assert workspace.busy
    assert not matrix.loading
    qtbot.waitUntil(lambda: not workspace.busy)
    assert [c.id for c in matrix.matrix.columns] == DATE_ORDER

    # A filter changed while a view is worked out: the newest filter is what it shows.
    window.commands.timeline.trigger()
    click_tree(qtbot, window, FilterKind.TAG, "actor/us-treasury")
    timeline = workspace.view(ViewKind.TIMELINE)
    assert isinstance(timeline, TimelineView)
    qtbot.waitUntil(lambda: not workspace.busy)
    model = timeline.model()
    assert {c.id for r in range(model.rowCount()) for c in model.entry(r).cards} == {SANCTIONS}

    # Closing a view being worked out stops it.
    window.commands.recommendations.trigger()
    assert workspace.busy
    press(qtbot, window, Qt.Key.Key_W, CTRL)
    assert workspace.view(ViewKind.LEDGER) is None
    assert not workspace.busy


def test_export_and_print_wait_for_a_set(make_window: MakeWindow) -> None:
    window = make_window()
    for action in (window.commands.export_pdf, window.commands.print):
        assert action.isVisible()
        assert not action.isEnabled()
        assert action.toolTip() == "Open a set of cards first."


def test_the_ledger_opens_at_its_heading(qtbot: QtBot, window: MainWindow) -> None:
    window.commands.recommendations.trigger()
    ledger = window.workspace.view(ViewKind.LEDGER)
    assert isinstance(ledger, RecommendationsLedgerView)
    QApplication.processEvents()
    assert ledger.ledger().verticalScrollBar().value() == 0
    assert str(ledger.rows().index(0, 0).data()).startswith("To ")


def test_closing_the_last_view_returns_to_reading(qtbot: QtBot, window: MainWindow) -> None:
    window.commands.timeline.trigger()
    window.commands.recommendations.trigger()
    tabs = window.workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Recommendations", "Timeline"]
    press(qtbot, window, Qt.Key.Key_W, CTRL)  # QKeySequence.Close
    assert tabs.count() == 1
    assert window.comparisons.comparing
    press(qtbot, window, Qt.Key.Key_W, CTRL)
    assert not window.comparisons.comparing
    assert window.workspace.view(ViewKind.TIMELINE) is None


# -- clicks that go back to reading ----------


def test_clicking_a_column_header_opens_that_card_in_the_reader(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP, SANCTIONS)
    window.commands.compare.trigger()
    header = compare_view(window).table().horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))
    assert not window.comparisons.comparing
    assert window.card_view.isVisible()
    assert window.card_view.card_id == CRISIS_GROUP
    assert window.session.current_id == CRISIS_GROUP


def test_a_matrix_column_header_opens_its_card(qtbot: QtBot, window: MainWindow) -> None:
    window.commands.topic_matrix.trigger()
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    header = matrix.table().horizontalHeader()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))
    assert not window.comparisons.comparing
    assert window.card_view.card_id == LEVERAGE


def test_clicking_a_tag_in_the_compare_view_filters_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP, SANCTIONS)
    window.commands.compare.trigger()
    view = compare_view(window)
    table = view.table()
    model = view.model()
    index = model.index(model.row_of("tags"), 1)
    table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
    rect = table.visualRect(index)
    delegate = table.itemDelegate()
    assert isinstance(delegate, HtmlDelegate)
    point = anchor_point(delegate.document(index, rect.width()), tag_href("theme/isolation"))
    click = rect.topLeft() + QPoint(int(point.x()) + PAD_X, int(point.y()) + PAD_Y)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert window.session.query.include_tags == ("theme/isolation",)
    assert not window.comparisons.comparing
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    assert "isolation" in window.list_pane.filter_bar.chips()[0].text().lower()
    # The comparison is still there for Ctrl+D.
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    assert compare_view(window).card_ids() == DATE_ORDER


# -- theme, zoom, sets without topics ----------


def test_the_views_follow_the_windows_palette_and_zoom(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    view = compare_view(window)
    table = view.table()
    thesis = view.model().row_of("thesis")
    delegate = table.itemDelegate()
    assert isinstance(delegate, HtmlDelegate)
    index = view.model().index(thesis, 0)

    def needed() -> float:
        return delegate.document(index, table.columnWidth(0)).size().height() + 2 * PAD_Y

    qtbot.waitUntil(lambda: table.rowHeight(thesis) >= needed() - 1)
    before = needed()
    press(qtbot, window, Qt.Key.Key_Plus, CTRL)
    press(qtbot, window, Qt.Key.Key_Plus, CTRL)
    # The text grew, and the row was measured again to hold it (nothing clipped).
    qtbot.waitUntil(lambda: needed() > before * 1.1 and table.rowHeight(thesis) >= needed() - 1)

    window.appearance.set_palette_mode(PaletteMode.DARK)
    base = table.palette().color(QPalette.ColorRole.Base).name()
    assert base == DARK.background
    window.commands.topic_matrix.trigger()
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(matrix, TopicMatrixView)
    assert matrix.table().palette().color(QPalette.ColorRole.Base).name() == DARK.background


CARD = """\
format: briefing-card/1
id: {id}
title: "Card {id}"
source:
  publisher: "Press {id}"
  published: "{year}"
  url: "https://example.org/{id}"
thesis: "A thesis."
summary: "A summary."
argument:
  - claim: "A claim."
tags:
  - region/sahel
"""


def test_a_set_without_topics_shows_the_hint(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root = tmp_path / "bare"
    root.mkdir()
    for card_id, year in (("a", 2021), ("b", 2022)):
        (root / f"{card_id}.yaml").write_text(CARD.format(id=card_id, year=year), "utf-8")
    window = make_window(root)
    assert window.session.total() == 2
    select_cards(qtbot, window, "a", "b")
    window.commands.compare.trigger()
    hint = compare_view(window).findChild(QLabel, "topicsHint")
    assert hint is not None
    assert hint.isVisible()
    assert hint.text() == NO_TOPICS_HINT
    window.commands.topic_matrix.trigger()
    matrix = window.workspace.view(ViewKind.MATRIX)
    assert matrix is not None
    matrix_hint = matrix.findChild(QLabel, "matrixHint")
    assert matrix_hint is not None
    assert matrix_hint.isVisible()
    assert matrix_hint.text() == NO_TOPICS_HINT


def test_another_set_ends_the_comparison(
    qtbot: QtBot, window: MainWindow, card_set: Path, tmp_path: Path
) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    other = tmp_path / "other"
    shutil.copytree(card_set, other)
    window.open_set(other)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    qtbot.waitUntil(lambda: window.session.catalog.root == other.resolve())  # type: ignore[union-attr]
    assert not window.comparisons.comparing
    assert window.workspace.compare_view() is None
    assert window.comparisons.basket == []


def test_every_control_of_the_comparison_views_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    for action in (window.commands.topic_matrix, window.commands.timeline):
        action.trigger()
    controls = (QAbstractButton, QAbstractItemView, QComboBox)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in window.workspace.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisibleTo(window) and not accessible_name(w)
    ]
    assert unnamed == []


# -- export and print ----------


def outline_entries(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, 0-based page) of every bookmark in order, nested ones included."""
    found: list[tuple[str, int]] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The path the save dialog answers with (no dialog opens)."""
    target = tmp_path / "out" / "comparison.pdf"
    target.parent.mkdir()

    def answer(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return target


def test_export_from_a_comparison_writes_its_cards_and_compare_pages(
    qtbot: QtBot, window: MainWindow, save_to: Path, opened_urls: list[QUrl]
) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP, SANCTIONS)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    compare_view(window).remove_card(CRISIS_GROUP)
    press(qtbot, window, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = window.export.options
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.scope_button(Scope.COMPARISON).isChecked()
    assert "(2 cards, with its side-by-side page)" in dialog.scope_button(Scope.COMPARISON).text()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.export.exported, timeout=60_000) as done:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.export.busy)
    path, pages = done.args
    assert Path(path) == save_to
    assert window.status.currentMessage() == f"Exported {pages} pages to {save_to}"
    reader = PdfReader(save_to)
    assert len(reader.pages) == pages
    entries = outline_entries(reader)
    titles = [title for title, _ in entries]
    assert "Comparison" in titles
    side = next(t for t in titles if t.startswith("Side by side"))
    assert side == "Side by side: Responsible Statecraft 2021 · Responsible Statecraft 2023"
    catalog = window.session.catalog
    assert catalog is not None
    for card_id in (LEVERAGE, SANCTIONS):
        assert catalog.card(card_id).title in titles  # type: ignore[union-attr]
    assert catalog.card(CRISIS_GROUP).title not in titles  # type: ignore[union-attr]
    # A cell of the side-by-side pages (up to the next bookmark's): the 2023 card's silence.
    at = titles.index(side)
    compared = range(entries[at][1], entries[at + 1][1])
    text = " ".join(" ".join(reader.pages[p].extract_text().split()) for p in compared)
    assert "Not addressed" in text
    assert opened_urls == [QUrl.fromLocalFile(str(save_to))]


def test_export_from_the_reading_view_offers_the_filter(
    qtbot: QtBot, window: MainWindow, save_to: Path
) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "actor/wagner")
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.export_pdf.trigger()
    dialog = window.export.options
    assert dialog is not None
    assert dialog.scope_button(Scope.SELECTION).isChecked()
    assert not dialog.scope_button(Scope.COMPARISON).isEnabled()
    assert dialog.scope_button(Scope.FILTER).isEnabled()
    dialog.reject()


def test_export_from_the_matrix_offers_its_filter_first(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    window.commands.topic_matrix.trigger()
    click_tree(qtbot, window, FilterKind.TAG, "theme/sanctions")
    window.commands.export_pdf.trigger()
    dialog = window.export.options
    assert dialog is not None
    assert dialog.scope_button(Scope.FILTER).isChecked()
    assert dialog.scope_button(Scope.COMPARISON).isEnabled()  # still offered
    assert dialog.comparison_pages.isChecked()  # the matrix, ledger and timeline pages
    dialog.reject()


def test_print_preview_of_a_comparison_shows_the_comparison_book(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    press(qtbot, window, Qt.Key.Key_P, CTRL)
    preview = window.export.preview
    assert preview is not None
    assert preview.isVisible()
    pages = preview.findChild(QPrintPreviewWidget)
    assert pages is not None
    qtbot.waitUntil(lambda: pages.pageCount() > 0, timeout=60_000)
    # The same pages as the PDF of that comparison (its cards and its compare page).
    catalog = window.session.catalog
    assert catalog is not None
    ids = [LEVERAGE, SANCTIONS]
    book = select(
        catalog, Query(card_ids=frozenset(ids)), compare_ids=ids, exported=datetime.now(UTC)
    )
    assert pages.pageCount() == export_pdf(book, tmp_path / "compared.pdf").pages
    preview.close()

    # Back to reading, Print… prints the cards of the list instead.
    window.commands.back_to_reading.trigger()
    window.commands.print.trigger()
    whole = window.export.preview
    assert whole is not None
    assert whole is not preview
    whole_pages = whole.findChild(QPrintPreviewWidget)
    assert whole_pages is not None
    qtbot.waitUntil(lambda: whole_pages.pageCount() > 0, timeout=60_000)
    assert whole_pages.pageCount() != pages.pageCount()
    whole.close()


# -- room for the sidebar's tags -------------------------------------------------------------------


def test_long_tags_show_whole_beside_a_comfortable_card(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.card_view.width() > 0)
    tree = window.sidebar.tree
    for tag in ("theme/great-power-competition",):  # publisher/… is a facet of its own now
        index = tree_index(window, FilterKind.TAG, tag)
        name = str(index.data())
        needed = tree.fontMetrics().horizontalAdvance(name)
        qtbot.waitUntil(lambda i=index, n=needed: tree.visualRect(i).width() > n + 6)
    # The card still gets a reading column of its full measure, with margins.
    assert window.card_view.viewport().width() >= 600


def _corner_commands(window: MainWindow) -> tuple[list[QAction], list[QAction]]:
    """The corner's commands on buttons shown, and those in its "⋯" menu."""
    corner = window.workspace.tabs.cornerWidget(Qt.Corner.TopRightCorner)
    overflow = corner.findChild(QToolButton, "comparisonOverflow")
    assert overflow is not None
    buttons = corner.findChildren(QToolButton)
    shown = [b.defaultAction() for b in buttons if b.isVisible() and b is not overflow]
    return shown, overflow.menu().actions() if overflow.isVisible() else []


def test_every_corner_command_is_reachable_in_a_1024_by_700_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    """N7: the corner's buttons that give way to the tabs go into a "⋯" menu, not away."""
    window.resize(1024, 700)
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    for command in ("topic_matrix", "recommendations", "timeline"):
        getattr(window.commands, command).trigger()
    commands = window.commands
    table = window.workspace.commands.export_table
    for zoom in (0, 3):
        window.appearance.set_zoom(zoom)
        qtbot.waitUntil(lambda: commands.export_pdf in _corner_commands(window)[1])
        shown, in_menu = _corner_commands(window)
        for action in (commands.export_pdf, table, commands.print, commands.back_to_reading):
            assert action in shown or action in in_menu, action.text()
        assert commands.back_to_reading in shown  # never gives way


def test_each_tab_has_a_plain_close_button_that_closes_its_own_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    """P1: the current tab's ✕ is the same plain ✕ as the others' (not a red square)."""
    select_cards(qtbot, window, LEVERAGE, SANCTIONS)
    window.commands.compare.trigger()
    window.commands.timeline.trigger()
    bar = window.workspace.tabs.tabBar()
    right = QTabBar.ButtonPosition.RightSide
    buttons = [bar.tabButton(i, right) for i in range(bar.count())]
    assert all(isinstance(b, QToolButton) and b.text() == "✕" for b in buttons)
    assert [b.accessibleName() for b in buttons] == ["Close Compare", "Close Timeline"]
    current = buttons[bar.currentIndex()].grab().toImage()
    assert current == buttons[0].grab().toImage()  # the current tab's looks like any other's
    window.commands.topic_matrix.trigger()  # a tab inserted before Timeline
    qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert [bar.tabText(i) for i in range(bar.count())] == ["Compare (2)", "Topic Matrix"]
