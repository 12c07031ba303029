"""The card list: a count and a sort choice over a list of cards, three lines or more each.

Each row shows what a reader scans for — the title, who published it and when, a few tags, or
while searching how often the search matches and where — drawn by a delegate
(:mod:`reader.ui.reading.card_row`) from the model's summary, so the row stays a single model
item and the keyboard, selection and accessibility work as in any Qt list.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.cards.query import Query
from reader.cards.sorting import TITLE
from reader.cards.wording import plural
from reader.ui.labels import PlainLabel
from reader.ui.reading.card_list_model import (
    SORT_CHOICES,
    CardListModel,
    HitOf,
    IdRole,
    sort_choice,
)
from reader.ui.reading.card_row import MEASURED_ROWS, CardRowDelegate
from reader.ui.reading.filter_bar import FilterBar


class CardListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardList")
        self.setAccessibleName("Cards")
        self.setAccessibleDescription("The cards that match the current filter")
        # Several cards at once (Ctrl/Shift+click) for comparing; the current one is read.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Rows as tall as their text, measured again when the width changes (card_row.py).
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setItemDelegate(CardRowDelegate(self))
        self.setModelColumn(TITLE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Measure the rows again when the width changes (the source pane or the editor opened
        beside the list): Qt re-lays a top-to-bottom list out only when its height changes, and
        rows measured at the old width would paint over each other (their titles rewrap)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def relayout(self) -> None:
        """Measure the rows again (a search started or ended: they gain or lose a snippet)."""
        self.scheduleDelayedItemsLayout()


class CardListPane(QWidget):
    """Active filters, the count and sort choice, and the list itself."""

    #: The reader chose a card (``None`` when the list lost its selection).
    card_chosen = Signal(object)
    sort_changed = Signal(str)
    #: The selected cards changed (one or several; see :meth:`selected_ids`).
    selection_changed = Signal()
    #: A chip's filter is to be removed.
    filter_removed = Signal(object)
    #: The reader pressed Enter (or double-clicked) on a row: on to the card.
    row_activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CardListModel(self)
        self.filter_bar = FilterBar(self)
        self.count = PlainLabel(self, accessible_name="Cards shown")
        self.count.setObjectName("listCount")
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        self.sort = QComboBox(self)
        self.sort.setObjectName("sortOrder")
        self.sort.setAccessibleName("Sort cards by")
        self.sort.setToolTip("Sort cards by")
        for choice in SORT_CHOICES:
            self.sort.addItem(choice.label, choice.key.value)
        self.view = CardListView(self)
        self.view.setModel(self.model)
        self.setFocusProxy(self.view)
        self.filter_bar.removed.connect(self.filter_removed)
        self.view.activated.connect(lambda _index: self.row_activated.emit())
        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 8, 6)
        header.addWidget(self.count, 1)
        header.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self._quiet = False
        self.sort.currentIndexChanged.connect(self._on_sort)
        # Selection, not the current index: Qt makes the first row current (unselected) when
        # the list merely gets the focus, and that must not open a card.
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._menu_actions: list[QAction | None] = []
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    # -- sorting ----------------------------------------------------------------------------

    def set_sort(self, key: str) -> None:
        choice = sort_choice(key)
        self.sort.setCurrentIndex(self.sort.findData(choice.key.value))
        self.model.sort(choice.column, choice.order)

    def sort_key(self) -> str:
        return str(self.sort.currentData())

    def _on_sort(self, _row: int) -> None:
        choice = sort_choice(self.sort_key())
        self.model.sort(choice.column, choice.order)
        self.view.scrollTo(self.view.currentIndex())
        self.sort_changed.emit(choice.key.value)

    # -- filters -----------------------------------------------------------------------------

    def show_query(self, query: Query) -> None:
        """The chips of the filters in force, and the search's matches in the rows."""
        self.filter_bar.show_query(query)
        if self.model.set_terms(query.terms):
            self.view.relayout()
            self.view.viewport().update()

    def set_hits(self, hit_of: HitOf) -> None:
        """What works out the rows' search matches and snippets (the session)."""
        self.model.set_hits(hit_of)

    def set_clear_action(self, clear: QAction) -> None:
        self.filter_bar.set_clear_action(clear)

    def tab_chain(self) -> list[QWidget]:
        """Its widgets in Tab order: the chips, the sort choice, the list."""
        return [*self.filter_bar.chips(), self.sort, self.view]

    # -- rows and the current card ---------------------------------------------------------

    def show_rows(self, ids: list[str] | tuple[str, ...], total: int, current: str | None) -> None:
        """Show these cards, ``current`` selected.

        A new catalog of the same set (a cold index's next part, a reload) changes the rows in
        place: the card at the top of the list stays where it was (unless the list is at its
        very top), and the card being read stays on screen if it was. Otherwise the list
        starts again from the top, with the card being read brought into view.
        """
        self._quiet = True
        try:
            place = self._place()
            on_screen = current is not None and self._on_screen(current)
            # Past a few thousand rows one height for all: Qt measures every row otherwise.
            self.view.setUniformItemSizes(len(ids) > MEASURED_ROWS)
            in_place = self.model.set_rows(list(ids))
            shown = len(ids)
            self.count.setText(
                plural(total, "card") if shown == total else f"{shown:,} of {plural(total, 'card')}"
            )
            if in_place:
                self._keep_place(place)
            self.select(current, scroll=on_screen or not in_place)
        finally:
            self._quiet = False

    def select(self, card_id: str | None, *, scroll: bool = True) -> None:
        """Make ``card_id`` the list's current row, without announcing it as a new choice;
        with ``scroll``, brought into view."""
        self._quiet, was_quiet = True, self._quiet
        try:
            index = self._index_of(card_id)
            selection = self.view.selectionModel()
            if not index.isValid():
                selection.clear()
                return
            if index != self.view.currentIndex():
                selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            if scroll:
                self.view.scrollTo(index)
        finally:
            self._quiet = was_quiet

    def _index_of(self, card_id: str | None) -> QModelIndex:
        """The view's index of the card's row (invalid if it has none)."""
        row = self.model.row_of(card_id) if card_id is not None else -1
        return self.model.index(row, TITLE) if row >= 0 else QModelIndex()

    def _place(self) -> tuple[str, int] | None:
        """The card at the top of the list, and how far down the list shows it; None at the
        list's very top, which stays there (the newest cards of a growing set show)."""
        top = self.view.indexAt(QPoint(0, 0))
        if not top.isValid() or self.view.verticalScrollBar().value() == 0:
            return None
        return str(top.data(IdRole)), self.view.visualRect(top).top()

    def _keep_place(self, place: tuple[str, int] | None) -> None:
        """Scroll so that the card ``place`` names is where it was (if it is still shown)."""
        index = self._index_of(place[0] if place is not None else None)
        if place is None or not index.isValid():
            return
        self.view.executeDelayedItemsLayout()  # the rows' new places, before the next paint
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self.view.visualRect(index).top() - place[1])

    def _on_screen(self, card_id: str) -> bool:
        index = self._index_of(card_id)
        return index.isValid() and self.view.visualRect(index).intersects(
            self.view.viewport().rect()
        )

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selection_changed.emit()
        rows = self._selected_rows()
        if self._quiet or not rows:
            return
        # The row clicked last is the one to read, also when Ctrl+click adds it to others;
        # a Ctrl+click that takes a row out of the selection leaves the card open as it is.
        current = self.view.currentIndex().row()
        if current in rows:
            self.card_chosen.emit(self.view.currentIndex().siblingAtColumn(TITLE).data(IdRole))

    def _selected_rows(self) -> list[int]:
        # Rows with their title cell selected: a row selected in code may have only that one.
        indexes = self.view.selectionModel().selectedIndexes()
        return sorted({i.row() for i in indexes if i.column() == TITLE})

    def selected_ids(self) -> list[str]:
        """The selected cards, in the order the list shows them."""
        return [str(self.model.index(row, TITLE).data(IdRole)) for row in self._selected_rows()]

    def keep_only_current(self) -> None:
        """Reduce a multi-selection to the card being read (quietly)."""
        self._quiet, was_quiet = True, self._quiet
        try:
            current = self.view.currentIndex()
            selection = self.view.selectionModel()
            if current.isValid() and len(self._selected_rows()) > 1:
                flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
                selection.select(current, flags)
        finally:
            self._quiet = was_quiet

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """The commands of the list's context menu (``None``: a separator)."""
        self._menu_actions = list(actions)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.view.indexAt(pos).isValid() or not self._menu_actions:
            return
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            elif action.isVisible():
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def visible_ids(self) -> list[str]:
        """The card ids in the order the reader sees them (sorted)."""
        return self.model.ids()
