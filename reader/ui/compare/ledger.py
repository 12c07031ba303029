"""Recommendations by addressee: what each source says each actor should do.

A list of addressees (most-addressed first, each name whole, wrapped, with how many sources
speak to it) beside the ledger itself: one row per heading and recommendation
(:mod:`reader.ui.compare.ledger_model`), in a view that measures and paints only the rows on
screen, so a ledger of 30,000 recommendations opens as fast as one of thirty. Choosing an
addressee scrolls the ledger to it and makes its first recommendation current; the other way,
the list's current addressee follows the ledger's (its current recommendation while that is on
screen, else the topmost row), so the list always says whose recommendations are shown (the
ledger used to show "TO WESTERN GOVERNMENTS" beside a list with nothing chosen). Double-click
or Enter on a recommendation drills down to it in its card (signal ``item_activated(card_id,
"recommendations", index)``); on a source, to that card. Public surface:
``RecommendationsLedgerView(catalog, card_ids=(), parent=None, theme=None, point_size=None)``,
``set_cards(ids)``, ``set_catalog(catalog, ids)``, ``set_theme``, ``set_base_point_size``,
``entries()``, ``select_addressee(name)``, ``ledger()`` (the rows' view), ``rows()`` (its
model), ``document_html()`` (the whole ledger as one page, for print and PDF).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.columns import CardProgress
from reader.analysis.ledger import LedgerEntry
from reader.cards.catalog import Catalog
from reader.qt.models import Index
from reader.render.comparison import ledger_html
from reader.render.theme import Theme
from reader.ui.compare.delegate import HtmlDelegate
from reader.ui.compare.ledger_model import AddresseesModel, LedgerRowsModel, ShownLedger
from reader.ui.compare.ledger_part import ledger_result
from reader.ui.compare.pane import PART_PAINTED_MS, SetWideView
from reader.ui.compare.style import paint_with_theme
from reader.ui.focus import frame_focus

#: The addressee list's width at 100 % zoom: long names wrap within it.
LIST_WIDTH = 250


class RecommendationsLedgerView(SetWideView):
    def __init__(
        self,
        catalog: Catalog,
        card_ids: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        point_size: float | None = None,
    ) -> None:
        super().__init__(catalog, parent, theme, "Recommendations by addressee", point_size)
        self._model = AddresseesModel(self)
        #: One side is following the other: the move it makes must not be followed back.
        self._syncing = False
        self._list = QListView(self)
        frame_focus(self._list)
        self._list.setObjectName("addressees")
        self._list.setAccessibleName("Addressees")
        self._list.setModel(self._model)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The addressee is this view's key: its name wraps, it is never cut (review #4).
        self._list.setWordWrap(True)
        self._list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._list.setResizeMode(QListView.ResizeMode.Adjust)
        self._list.setUniformItemSizes(False)
        self._list.setSpacing(3)
        self._list.selectionModel().currentChanged.connect(self._scroll_to)
        self._rows = LedgerRowsModel(self)
        self._ledger = QTreeView(self)
        self._ledger.setObjectName("ledger")
        self._ledger.setAccessibleName("Recommendations, by addressee and source")
        self._ledger.setModel(self._rows)
        self._delegate = HtmlDelegate(self._ledger, rules=False)
        self._ledger.setItemDelegate(self._delegate)
        self._ledger.setHeaderHidden(True)
        self._ledger.setRootIsDecorated(False)
        self._ledger.setItemsExpandable(False)
        # Rows of their own heights, measured only when shown: per-item scrolling needs no
        # height of the rows off screen (per-pixel scrolling would measure every one).
        self._ledger.setUniformRowHeights(False)
        self._ledger.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self._ledger.setWordWrap(True)
        self._ledger.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._ledger.header().sectionResized.connect(self._schedule_row_heights)
        self._ledger.selectionModel().currentChanged.connect(self._follow_ledger)
        self._ledger.verticalScrollBar().valueChanged.connect(self._follow_ledger)
        self._drill_down_from(self._ledger)
        self._heights = QTimer(self)
        self._heights.setSingleShot(True)
        self._heights.setInterval(0)
        self._heights.timeout.connect(self._ledger.doItemsLayout)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._list)
        splitter.addWidget(self._ledger)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 800])
        self._splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._apply_style()
        if card_ids:  # made without cards (by the workspace), filled once shown
            self.set_cards(card_ids)

    def addressee_list(self) -> QListView:
        return self._list

    def ledger(self) -> QTreeView:
        return self._ledger

    def rows(self) -> LedgerRowsModel:
        return self._rows

    def entries(self) -> tuple[LedgerEntry, ...]:
        return self._model.entries

    @staticmethod
    def compute(
        catalog: Catalog,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        first_part: Callable[[Any], None] | None = None,
    ) -> ShownLedger:
        """The entries and the rows the view shows (:func:`.ledger_part.ledger_result`),
        a first part on the way."""
        return ledger_result(catalog, card_ids, progress, first_part)

    def show_result(self, catalog: Catalog, result: Any) -> None:
        self._catalog = catalog
        self._model.set_entries(result)
        if self._rows.set_rows(result):
            self._ledger.scrollToTop()
        self._follow_ledger()
        if result.shown is not None:  # a first part: the rest waits until it is painted
            if self._ledger.isVisible():
                QTimer.singleShot(PART_PAINTED_MS, self, result.shown.set)
            else:
                result.shown.set()

    def select_addressee(self, name: str) -> bool:
        """Scroll the ledger to an addressee (by its canonical name)."""
        for row, entry in enumerate(self._model.entries):
            if entry.addressee == name:
                index = self._model.index(row, 0)
                self._list.setCurrentIndex(index)
                self._scroll_to(index)  # also when it was current already (no signal then)
                return True
        return False

    def document_html(self) -> str:
        return ledger_html(self._model.entries, self._theme)

    def _apply_style(self) -> None:
        paint_with_theme(self._ledger, self._theme)
        paint_with_theme(self._list, self._theme)
        self._fit_font(self._list)
        self._delegate.set_style(self._theme, self._point_size)
        sizes = self._splitter.sizes()
        width = round(LIST_WIDTH * self.zoom())
        if len(sizes) == 2 and sum(sizes) > width:
            self._splitter.setSizes([width, sum(sizes) - width])
        self._schedule_row_heights()

    def _schedule_row_heights(self) -> None:
        self._heights.start()

    def _follow_ledger(self) -> None:
        """Make the list's current addressee the one the ledger shows, without scrolling it."""
        if self._syncing:
            return
        current = self._ledger.currentIndex()
        shown = self._ledger.viewport().rect()
        if current.isValid() and shown.intersects(self._ledger.visualRect(current)):
            row = current.row()
        else:
            row = self._ledger.indexAt(QPoint(1, 1)).row()
        entry = self._rows.entry_of(row) if row >= 0 else -1
        if entry < 0 or entry == self._list.currentIndex().row():
            return
        index = self._model.index(entry, 0)
        self._syncing = True
        try:
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self._list.selectionModel().setCurrentIndex(index, flag)
            self._list.scrollTo(index)
        finally:
            self._syncing = False

    def _scroll_to(self, index: Index) -> None:
        if not index.isValid() or self._syncing:
            return
        start = self._rows.start_of(index.row())
        if start < 0:
            return
        # The heading at the top; the addressee's first recommendation current, where Enter
        # in the ledger opens it.
        first = self._rows.first_recommendation(index.row())
        self._rows.load_to(first + 50)  # and a screenful after it, to scroll the heading up
        self._syncing = True
        try:
            self._ledger.setCurrentIndex(self._rows.index(first, 0))
            top = QAbstractItemView.ScrollHint.PositionAtTop
            self._ledger.scrollTo(self._rows.index(start, 0), top)
        finally:
            self._syncing = False
