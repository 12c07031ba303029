"""The timeline's model as its view meets it: a reset's first page painted in a turn of its own,
later pages as the view asks, and a cell's roles in one call (#17 §2, the view's freeze)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.timeline import EventKind
from reader.cards.catalog import MemoryCatalog
from reader.render.theme import DARK, LIGHT
from reader.ui.compare import TimelineView, paged
from reader.ui.compare.roles import HtmlRole
from reader.ui.compare.timeline_model import DATE, EVENT, SOURCES

Show = Callable[[QWidget], QWidget]


class RowsAtPaint(QObject):
    """The rows the model reported at each paint of a view's viewport."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.rows: list[int] = []
        self._model = view.model()
        view.table().viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rows.append(self._model.rowCount())
        return False


def test_a_reset_paints_its_first_page_before_giving_more(
    fifty: tuple[MemoryCatalog, list[str]],
    show: Show,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paged, "PAGE", 5)  # a page of five does not fill the view
    catalog, ids = fifty
    view = TimelineView(catalog, ids)
    model = view.model()
    painted = RowsAtPaint(view)
    root = QModelIndex()
    # Made, not yet painted: the first page only, whatever the view would ask.
    assert model.rowCount() == 5
    assert model.held
    assert not model.canFetchMore(root)
    show(view)
    qtbot.waitUntil(lambda: not model.held)
    # The first paint had the first page alone (Qt fetched two more pages in that very turn,
    # measuring each one's last screenful, before the hold).
    assert painted.rows[0] == 5
    # Then the view asks for pages until its rows fill it, on later turns.
    qtbot.waitUntil(lambda: model.rowCount() > 5)
    shown = model.rowCount()
    assert shown % 5 == 0
    entries = model.entries()
    assert shown < len(entries)
    assert [model.entry(r) for r in range(shown)] == list(entries[:shown])  # every event, in order
    # A layout with the last row off screen (the view narrowed: rows rewrap) takes no page.
    qtbot.waitUntil(lambda: view.table().verticalScrollBar().maximum() > 0)
    shown = model.rowCount()
    laid_out = RowsAtPaint(view)
    view.resize(view.width() - 200, view.height())
    qtbot.waitUntil(lambda: len(laid_out.rows) > 0)
    view.table().doItemsLayout()  # as a column's resize does (TimelineView's row heights)
    assert model.rowCount() == shown
    # Publications off: a reset, held again until painted; the rows are the events alone.
    view.set_show_publications(False)
    assert model.held
    assert model.rowCount() == 5
    qtbot.waitUntil(lambda: not model.held)
    bar = view.table().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    before = model.rowCount()
    bar.setValue(bar.maximum())  # the end of what is shown: the next page comes
    qtbot.waitUntil(lambda: model.rowCount() > before)
    assert [model.entry(r) for r in range(model.rowCount())] == list(
        model.entries()[: model.rowCount()]
    )


def test_a_cells_style_option_comes_from_one_call(
    fifty: tuple[MemoryCatalog, list[str]], show: Show
) -> None:
    catalog, ids = fifty
    view = show(TimelineView(catalog, ids))
    assert isinstance(view, TimelineView)
    model = view.model()
    delegate = view.table().itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    sources = model.index(0, SOURCES).data()
    calls: list[int] = []
    data = model.data

    def counted(index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        calls.append(role)
        return data(index, role)

    model.data = counted  # type: ignore[method-assign]
    entry = model.entry(0)
    texts = {}
    for column in (DATE, EVENT, SOURCES):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, model.index(0, column))
        texts[column] = option.text
    # What the cell says (the style option's text, the roles Qt's delegate asks for) ...
    assert texts[DATE] == model.date_text(entry)
    assert texts[EVENT] == entry.text
    assert texts[SOURCES] == sources
    # ... came through multiData, not a call into Python a role.
    assert calls == []


def test_a_cells_html_follows_the_theme(fifty: tuple[MemoryCatalog, list[str]]) -> None:
    catalog, ids = fifty
    view = TimelineView(catalog, ids)
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.entry(r).kind is EventKind.PUBLISHED)
    index = model.index(row, EVENT)
    assert LIGHT.accent in str(index.data(HtmlRole))  # a publication, in the accent colour
    view.set_theme(DARK)
    assert DARK.accent in str(index.data(HtmlRole))
    assert LIGHT.accent not in str(index.data(HtmlRole))
