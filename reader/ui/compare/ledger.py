"""Recommendations by addressee: what each source says each actor should do.

A list of addressees (most-addressed first, with how many sources speak to each) beside the
ledger itself, rendered by the same HTML as the PDF page; choosing an addressee scrolls the
ledger to it and puts the ledger's caret on its first recommendation. Double-click or Enter
on a recommendation drills down to it in its card (signal ``item_activated(card_id,
"recommendations", index)``); in the ledger the arrow keys move the caret. Public surface:
``RecommendationsLedgerView(catalog, card_ids=(), parent=None, theme=None)``,
``set_cards(ids)``, ``set_catalog(catalog, ids)``, ``set_theme``, ``set_base_point_size``,
``entries()``, ``select_addressee(name)``, ``document_html()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QListView, QSplitter, QVBoxLayout, QWidget

from reader.analysis.columns import CardProgress
from reader.analysis.ledger import LedgerEntry, recommendation_ledger
from reader.cards.catalog import Catalog
from reader.cards.wording import plural
from reader.qt.models import ROOT, Index
from reader.render.comparison import ledger_anchor, ledger_html
from reader.render.theme import Theme
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.items import Item, ledger_items
from reader.ui.compare.pane import SetWideView
from reader.ui.compare.style import paint_with_theme
from reader.ui.compare.tooltips import safe_tooltip

ANCHOR_MARGIN = 16


class AddresseesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[LedgerEntry, ...] = ()

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        return self._entries

    def set_entries(self, entries: tuple[LedgerEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        entry = self._entries[index.row()]
        n = len(entry.sources)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry.addressee}  ({plural(n, 'source')})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip("Named in the cards as:", *entry.names)
        return None


def list_item_number(block: QTextBlock) -> int | None:
    """Which list item of its document ``block`` is (0-based), or None if it is none.

    In the ledger every list item is one recommendation, in the order the ledger lists them
    (:func:`reader.ui.compare.items.ledger_items`).
    """
    if block.textList() is None:
        return None
    number = 0
    other = block.document().begin()
    while other != block:
        number += other.textList() is not None
        other = other.next()
    return number


def list_item_block(doc: QTextDocument, number: int) -> QTextBlock | None:
    """The ``number``-th list item (0-based) of ``doc``, or None."""
    block = doc.begin()
    while block.isValid():
        if block.textList() is not None:
            if number == 0:
                return block
            number -= 1
        block = block.next()
    return None


class LedgerBrowser(SafeBrowser):
    """The ledger's page, whose recommendations a double-click or Enter chooses."""

    #: The reader chose the ``n``-th recommendation of the page (see :func:`list_item_number`).
    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A caret, so the keyboard can reach a recommendation: the arrows move it, Enter opens.
        keyboard = Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(self.textInteractionFlags() | keyboard)

    def put_caret_on(self, number: int) -> None:
        """The caret at the start of the ``number``-th recommendation (the view not moved)."""
        block = list_item_block(self.document(), number)
        if block is not None:
            bar = self.verticalScrollBar()
            kept = bar.value()
            self.setTextCursor(QTextCursor(block))
            bar.setValue(kept)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        number = list_item_number(self.cursorForPosition(event.position().toPoint()).block())
        if number is None:
            super().mouseDoubleClickEvent(event)
        else:
            self.chosen.emit(number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = list_item_number(self.textCursor().block())
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and number is not None:
            self.chosen.emit(number)
        else:
            super().keyPressEvent(event)


class RecommendationsLedgerView(SetWideView):
    def __init__(
        self,
        catalog: Catalog,
        card_ids: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(catalog, parent, theme, "Recommendations by addressee")
        self._model = AddresseesModel(self)
        self._list = QListView(self)
        self._list.setObjectName("addressees")
        self._list.setAccessibleName("Addressees")
        self._list.setModel(self._model)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._list.setSpacing(2)
        self._list.selectionModel().currentChanged.connect(self._scroll_to)
        self._ledger = LedgerBrowser(self)
        self._ledger.setObjectName("ledger")
        self._ledger.setAccessibleName("Recommendations, by addressee and source")
        self._ledger.chosen.connect(self._on_chosen)
        #: Every recommendation of the ledger, as it lists them.
        self._items: list[Item] = []
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._list)
        splitter.addWidget(self._ledger)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.set_cards(card_ids)

    def addressee_list(self) -> QListView:
        return self._list

    def ledger(self) -> LedgerBrowser:
        return self._ledger

    def entries(self) -> tuple[LedgerEntry, ...]:
        return self._model.entries

    @staticmethod
    def compute(
        catalog: Catalog, card_ids: Sequence[str], progress: CardProgress | None = None
    ) -> tuple[LedgerEntry, ...]:
        cards = catalog.analysed(card_ids, progress)
        return recommendation_ledger(cards, catalog.info.actor_aliases)

    def show_result(self, catalog: Catalog, result: Any) -> None:
        self._catalog = catalog
        self._model.set_entries(result)
        self._items = ledger_items(result)
        self._apply_style()

    def select_addressee(self, name: str) -> bool:
        """Scroll the ledger to an addressee (by its canonical name)."""
        for row, entry in enumerate(self._model.entries):
            if entry.addressee == name:
                self._list.setCurrentIndex(self._model.index(row, 0))
                return True
        return False

    def document_html(self) -> str:
        return ledger_html(self._model.entries, self._theme)

    def _apply_style(self) -> None:
        # The ledger is HTML in the theme's colours: restyling it and refilling it are one.
        paint_with_theme(self._ledger, self._theme)
        paint_with_theme(self._list, self._theme)
        self._ledger.show_html(self.document_html(), self._theme, self._point_size)

    def _on_chosen(self, number: int) -> None:
        if 0 <= number < len(self._items):
            self.activate(self._items[number])

    def _scroll_to(self, index: Index) -> None:
        if index.isValid():
            # Where Enter in the ledger opens the addressee's first recommendation.
            before = self._model.entries[: index.row()]
            self._ledger.put_caret_on(
                sum(len(s.recommendations) for e in before for s in e.sources)
            )
        if index.isValid() and index.row() == 0:
            # The first addressee follows the page's heading: show both. (Qt also makes the
            # first row current when the list merely gets the focus.)
            self._ledger.verticalScrollBar().setValue(0)
        elif index.isValid():
            self._ledger.scrollToAnchor(ledger_anchor(index.row()))
            # The anchor lands on the very top edge; a little room above reads better.
            bar = self._ledger.verticalScrollBar()
            bar.setValue(max(0, bar.value() - ANCHOR_MARGIN))
