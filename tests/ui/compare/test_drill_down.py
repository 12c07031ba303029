"""Drill-down in the window: from a view's cell, entry or event to the card at that item, and
Back to the view, by mouse and by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from reader.analysis.timeline import EventKind
from reader.ui.compare import RecommendationsLedgerView, TimelineView, TopicMatrixView
from reader.ui.compare.workspace import ViewKind
from reader.ui.main_window import MainWindow
from reader.ui.reading.card_view import CardView
from tests.ui.compare.helpers import double_click
from tests.ui.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS, MakeWindow
from tests.ui.evidence_support import DAM, copy_evidence
from tests.ui.test_comparisons import CTRL, press, select_cards

ALT = Qt.KeyboardModifier.AltModifier


def shown_in(view: CardView, text: str) -> bool:
    """Whether the start of ``text`` is in the upper half of the card view (where a jump puts
    what it jumps to), once the window has settled (a pane opening beside the card narrows it
    and reflows the text)."""
    QApplication.processEvents()
    found = view.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the card"
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart())
    y = view.cursorRect(cursor).center().y()
    return 0 <= y <= view.viewport().height() / 2


def back(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Left, ALT)  # QKeySequence.Back


def matrix_of(window: MainWindow) -> TopicMatrixView:
    window.commands.topic_matrix.trigger()
    view = window.workspace.view(ViewKind.MATRIX)
    assert isinstance(view, TopicMatrixView)
    return view


def cell(view: TopicMatrixView, topic: str, card_id: str) -> QModelIndex:
    row = next(i for i, r in enumerate(view.matrix.rows) if r.topic.key == topic)
    column = next(i for i, c in enumerate(view.matrix.columns) if c.id == card_id)
    return view.model().index(row, column)


def perspective_text(window: MainWindow, card_id: str, topic: str) -> str:
    card = window.session.catalog.card(card_id)  # type: ignore[union-attr]
    assert card is not None
    return next(p.view for p in card.perspectives if p.topic == topic)[:40]


def test_a_matrix_cell_double_clicked_opens_its_perspective_and_back_returns(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(LEVERAGE)
    window.commands.timeline.trigger()  # another tab, to show Back finds the right one
    matrix = matrix_of(window)
    table = matrix.table()
    index = cell(matrix, "western-response", CRISIS_GROUP)
    double_click(table.viewport(), table.visualRect(index).center())
    assert not window.comparisons.comparing
    assert window.card_view.card_id == CRISIS_GROUP
    assert window.card_view.verticalScrollBar().value() > 0  # at the perspectives, not the top
    assert shown_in(window.card_view, perspective_text(window, CRISIS_GROUP, "western-response"))

    back(qtbot, window)
    assert window.comparisons.comparing
    assert window.workspace.current_kind() is ViewKind.MATRIX
    assert table.currentIndex() == index  # the cell the reader left from
    assert table.hasFocus()
    assert window.session.current_id == LEVERAGE
    press(qtbot, window, Qt.Key.Key_Right, ALT)  # Forward: the card again
    assert not window.comparisons.comparing
    assert window.card_view.card_id == CRISIS_GROUP


def test_enter_on_a_matrix_cell_of_the_open_card_and_back(qtbot: QtBot, window: MainWindow) -> None:
    window.session.open_card(SANCTIONS)  # the card drilled into is the one open already
    matrix = matrix_of(window)
    table = matrix.table()
    assert table.hasFocus()
    table.setCurrentIndex(cell(matrix, "security-impact", SANCTIONS))
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert not window.comparisons.comparing
    assert window.card_view.card_id == SANCTIONS
    assert shown_in(window.card_view, perspective_text(window, SANCTIONS, "security-impact"))
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.MATRIX
    # Leaving the view for reading (Escape) is not a drill-down: Back then stays reading.
    press(qtbot, window, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert not window.comparisons.comparing
    window.session.open_card(CRISIS_GROUP)
    back(qtbot, window)
    assert not window.comparisons.comparing
    assert window.card_view.card_id == SANCTIONS


def test_a_ledger_recommendation_by_double_click_and_by_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.commands.recommendations.trigger()
    view = window.workspace.view(ViewKind.LEDGER)
    assert isinstance(view, RecommendationsLedgerView)
    ledger = view.ledger()
    first = view.entries()[0]
    source = first.sources[0]
    card, rec = source.card, source.recommendations[0]
    # Choosing the addressee puts the ledger's caret on its first recommendation: Enter opens it.
    view.select_addressee(first.addressee)
    ledger.setFocus()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert window.card_view.card_id == card.id
    assert shown_in(window.card_view, rec.action[:40])
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.LEDGER

    # The third recommendation of the ledger, double-clicked.
    entries = [(s.card, r) for e in view.entries() for s in e.sources for r in s.recommendations]
    card, rec = entries[2]
    row = view.rows().recommendation_rows()[2]
    index = view.rows().index(row, 0)
    assert str(index.data()).startswith(rec.action[:40])
    ledger.scrollTo(index)
    double_click(ledger.viewport(), ledger.visualRect(index).center())
    assert window.card_view.card_id == card.id
    assert shown_in(window.card_view, rec.action[:40])
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.LEDGER


def test_a_timeline_event_by_enter_and_a_publication_by_double_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.commands.timeline.trigger()
    view = window.workspace.view(ViewKind.TIMELINE)
    assert isinstance(view, TimelineView)
    model, table = view.model(), view.table()
    row = next(
        r
        for r in range(model.rowCount())
        if model.entry(r).kind is EventKind.EVENT and model.entry(r).cards[0].id == CRISIS_GROUP
    )
    event = model.entry(row).text
    table.setCurrentIndex(model.index(row, 1))
    table.scrollTo(model.index(row, 1), QAbstractItemView.ScrollHint.PositionAtCenter)
    press(qtbot, window, Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier)
    assert window.card_view.card_id == CRISIS_GROUP
    assert window.card_view.verticalScrollBar().value() > 0  # at the timeline
    assert shown_in(window.card_view, event[:30])
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.TIMELINE
    assert table.currentIndex().row() == row

    published = next(
        r for r in range(model.rowCount()) if model.entry(r).kind is EventKind.PUBLISHED
    )
    table.scrollTo(model.index(published, 1))
    double_click(table.viewport(), table.visualRect(model.index(published, 1)).center())
    assert window.card_view.card_id == model.entry(published).cards[0].id
    assert window.card_view.verticalScrollBar().value() == 0  # the card's header


def test_a_compare_view_cell_opens_its_item(qtbot: QtBot, window: MainWindow) -> None:
    select_cards(qtbot, window, LEVERAGE, CRISIS_GROUP)
    press(qtbot, window, Qt.Key.Key_D, CTRL)
    compare = window.workspace.compare_view()
    assert compare is not None
    model, table = compare.model(), compare.table()
    column = compare.card_ids().index(CRISIS_GROUP)
    row = model.row_of("argument")
    table.setCurrentIndex(model.index(row, column))
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert window.card_view.card_id == CRISIS_GROUP
    card = window.session.catalog.card(CRISIS_GROUP)  # type: ignore[union-attr]
    assert card is not None
    assert shown_in(window.card_view, card.argument[0].claim[:40])
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.COMPARE
    assert compare.card_ids() == [LEVERAGE, CRISIS_GROUP]


def test_the_passage_shows_beside_the_card_drilled_into(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    """Ledger → card → source → Back, by keyboard, on a set whose sources are at hand."""
    window = make_window(copy_evidence(tmp_path / "evidence"))
    window.commands.recommendations.trigger()
    view = window.workspace.view(ViewKind.LEDGER)
    assert isinstance(view, RecommendationsLedgerView)
    assert view.select_addressee("Kestria")
    view.ledger().setFocus()
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    assert window.card_view.card_id == DAM
    qtbot.waitUntil(lambda: shown_in(window.card_view, "Publish daily river-level data"))
    pane = window.sources.pane
    assert pane.isVisible()
    qtbot.waitUntil(lambda: pane.highlighted() == ["§III ¶2"])
    back(qtbot, window)
    assert window.workspace.current_kind() is ViewKind.LEDGER
    assert not pane.isVisible()
