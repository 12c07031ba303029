"""The card list's model: one row per card of the current filter, from summaries only.

The rows are made from summaries, never parsed cards: it gets the summaries once per load and the
matching ids once per filter change, so an index-backed catalog of thousands of cards costs
the list no more than a few small tuples per row. While searching, a row's matches and snippet
(:mod:`reader.render.snippets`) are worked out from its card when the row is first painted,
and kept until the search or the set changes: only the rows on screen read their cards.

It sorts itself, on keys computed once per catalog: a sorting proxy would call ``data()``
from C++ for every comparison, seconds for 10,000 rows. The view still sees the rows through
a proxy that neither sorts nor filters (:class:`CardListModel`), for its layout's sake.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from reader.cards.catalog import SUMMARY_ID, CardSummary
from reader.cards.query import SearchTerm, fold
from reader.cards.sorting import (
    DATE,
    KEYED,
    PUBLISHER,
    TITLE,
    SortKeys,
    presorted,
    sort_keys,
)
from reader.cards.tag_labels import TagNames
from reader.qt.models import ROOT, Index
from reader.render.snippets import Hit
from reader.render.tooltips import safe_tooltip

_HEADERS = ("Title", "Publisher", "Date", "Tags")
IdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
#: The row's :class:`Hit` while searching, else None.
HitRole = Qt.ItemDataRole.UserRole + 3
#: Whether a search is in force (rows keep room for a snippet).
SearchingRole = Qt.ItemDataRole.UserRole + 4
#: Whether the card is in the comparison (the comparison controller says which: set_compared).
ComparedRole = Qt.ItemDataRole.UserRole + 5
#: Works out a search's matches in a card (by id), as the card view counts them.
HitOf = Callable[[str, tuple[SearchTerm, ...]], Hit]
#: The row's line of tags, named as the sidebar names them (:func:`short_tags`).
TagLineRole = Qt.ItemDataRole.UserRole + 6
#: How many tags a row shows; the card view shows them all.
ROW_TAGS = 4


class SortOrder(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    TITLE = "title"
    PUBLISHER = "publisher"


class SortChoice(NamedTuple):
    key: SortOrder
    label: str
    column: int
    order: Qt.SortOrder


SORT_CHOICES = (
    SortChoice(SortOrder.NEWEST, "Newest first", DATE, Qt.SortOrder.DescendingOrder),
    SortChoice(SortOrder.OLDEST, "Oldest first", DATE, Qt.SortOrder.AscendingOrder),
    SortChoice(SortOrder.TITLE, "Title", TITLE, Qt.SortOrder.AscendingOrder),
    SortChoice(SortOrder.PUBLISHER, "Publisher", PUBLISHER, Qt.SortOrder.AscendingOrder),
)


def sort_choice(key: str) -> SortChoice:
    return next((c for c in SORT_CHOICES if c.key == key), SORT_CHOICES[0])


def short_tags(tags: Sequence[str], names: TagNames) -> str:
    """The first few tags by the names the sidebar gives them: "The Wagner Group, Mali, +5"."""
    shown = [names(t) for t in tags[:ROW_TAGS]]
    extra = len(tags) - ROW_TAGS
    return ", ".join(shown) + (f", +{extra}" if extra > 0 else "")


class CardRows(QAbstractTableModel):
    """The rows themselves: what each shows, and in which order (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, CardSummary] = {}
        self._rows: list[CardSummary] = []
        #: Each shown card's row, made when first asked for (None until then): the first
        #: listing of 100,000 cards asks for none, and making it took 40 ms.
        self._row_of: dict[str, int] | None = {}
        self._sort = (DATE, Qt.SortOrder.DescendingOrder)
        self._keys: dict[int, Mapping[str, str]] = {}  # column -> card id -> sort key
        #: The loader's keys (:func:`sort_keys`), each column taken when first sorted by:
        #: stored ones are made a column at a time (reader.cards.sorting.keys_of_columns).
        self._made_keys: SortKeys = {}
        self._terms: tuple[SearchTerm, ...] = ()
        self._hits: dict[str, Hit] = {}
        self._compared: frozenset[str] = frozenset()
        self._names = TagNames({})
        #: A catalog came since the rows were last set (:meth:`set_rows` may keep them).
        self._new_catalog = False
        self._hit_of: HitOf = lambda _id, _terms: Hit(0)

    def set_hits(self, hit_of: HitOf) -> None:
        """What works out a search's matches in a card (the session: it has the card's page)."""
        self._hit_of = hit_of

    def set_terms(self, terms: tuple[SearchTerm, ...]) -> bool:
        """The search in force; whether it changed (the rows' heights then change)."""
        if terms == self._terms:
            return False
        self._terms = terms
        self._hits = {}
        if self._rows:
            last = self.index(len(self._rows) - 1, len(_HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        return True

    def hit(self, card_id: str) -> Hit | None:
        """The search's matches in the card, worked out the first time they are asked for."""
        if not self._terms:
            return None
        found = self._hits.get(card_id)
        if found is None:
            found = self._hit_of(card_id, self._terms)
            self._hits[card_id] = found
        return found

    def set_summaries(
        self,
        summaries: Sequence[CardSummary],
        keys: SortKeys | None = None,
        names: TagNames | None = None,
    ) -> None:
        """A new catalog. The rows shown stay until :meth:`set_rows` says which to show: a
        catalog of the same set (a cold index's next part, a reload) changes them in place.

        ``keys`` is :func:`sort_keys` of ``summaries``, if the loader made it already;
        ``names`` names the tags in the rows (the sidebar's, so both say the same).
        """
        self._names = names if names is not None else TagNames({})
        self._by_id = dict(zip(map(SUMMARY_ID, summaries), summaries, strict=True))
        self._keys = {}
        self._made_keys = keys if keys is not None else {}
        self._hits = {}
        self._new_catalog = True

    def set_rows(self, ids: Sequence[str]) -> bool:
        """Show these cards, in the list's order; whether the rows changed in place.

        After a new catalog that keeps some of the cards shown, the rows follow their cards
        (``layoutChanged``, as Qt's own sorting and filtering proxy does when its filter
        changes): a view keeps its selection and lays the rows out again, where a reset made
        it start over, scrolled to the top, at each of the seven catalogs a cold index of
        10,000 cards delivers. Otherwise (another filter, another set) the model is reset.
        """
        found = map(self._by_id.get, ids)  # every step in C: 100,000 rows at a warm open
        rows = self._ordered([s for s in found if s is not None])  # ids the catalog lacks
        in_place = self._new_catalog and self._keeps_some()
        self._new_catalog = False
        if not in_place:
            self.beginResetModel()
            self._rows, self._row_of = rows, None
            self.endResetModel()
        elif rows != self._rows:
            self._move_rows(rows)
        return in_place

    def _keeps_some(self) -> bool:
        """Whether the new catalog has any of the cards the rows show."""
        return any(map(self._by_id.__contains__, map(SUMMARY_ID, self._rows)))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows; selections and other persistent indexes follow their cards."""
        self._sort = (column, order)
        if not self._new_catalog:  # else the rows are the last catalog's: set_rows sorts
            self._move_rows(self._ordered(self._rows))

    def _move_rows(self, rows: list[CardSummary]) -> None:
        """Show ``rows`` instead; persistent indexes (a view's selection and current row)
        follow their cards, and those of cards no longer shown become invalid."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._rows, self._row_of = rows, None
        after = [
            self.index(self.row_of(i), old.column()) for i, old in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def _ordered(self, rows: list[CardSummary]) -> list[CardSummary]:
        """``rows`` in the list's sort order."""
        column, order = self._sort
        keys = self._keys.get(column)
        if keys is None and column in self._made_keys:
            keys = self._keys[column] = self._made_keys[column]
        if keys is None:  # not made by the loader (or the tags column)
            if column in KEYED:
                self._keys.update(sort_keys(list(self._by_id.values())))
            else:
                self._keys[column] = {i: fold(", ".join(s.tags)) for i, s in self._by_id.items()}
            keys = self._keys[column]
        descending = order == Qt.SortOrder.DescendingOrder
        # The ids sorted by their keys and the rows looked up again: C calls all the way,
        # where a key function of our own was a Python call per row.
        ids = list(map(SUMMARY_ID, rows))
        ordered = presorted(self._made_keys, column, descending, ids)
        if ordered is None:
            ids.sort(key=keys.__getitem__, reverse=descending)
        else:
            ids = ordered
        return list(map(self._by_id.__getitem__, ids))

    def summary(self, card_id: str) -> CardSummary | None:
        return self._by_id.get(card_id)

    def row_of(self, card_id: str) -> int:
        if self._row_of is None:
            ids = map(SUMMARY_ID, self._rows)
            self._row_of = dict(zip(ids, range(len(self._rows)), strict=True))
        return self._row_of.get(card_id, -1)

    def ids(self) -> list[str]:
        """The card ids in the order the rows show them."""
        return list(map(SUMMARY_ID, self._rows))

    def set_compared(self, card_ids: Iterable[str]) -> None:
        """Mark these cards as in the comparison (a bar beside the row, said to screen
        readers): collected with Add to Comparison, nothing else shows where they are."""
        compared = frozenset(card_ids)
        if compared != self._compared:
            self._compared = compared
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == IdRole:
            return s.id
        if role == SummaryRole:
            return s
        if role == TagLineRole:
            return short_tags(s.tags, self._names)
        if role == HitRole:
            return self.hit(s.id)
        if role == ComparedRole:
            return s.id in self._compared
        if role == SearchingRole:
            return bool(self._terms)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{s.title}\n{s.publisher}, {s.published.display()}\n{', '.join(s.tags)}"
            # Escaped: Qt takes a tooltip whose first line looks like markup for rich text.
            return safe_tooltip(f"{tip}\nIn the comparison" if s.id in self._compared else tip)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == TITLE:
                read = f"{s.title}. {s.publisher}, {s.published.display()}"
                if s.id in self._compared:
                    read += ". In the comparison"
                hit = self._hits.get(s.id)  # what the row shows; not read for every row
                return f"{read}. {hit.count:,} matches" if hit is not None else read
            return self._text(s, column)
        return None

    def _text(self, s: CardSummary, column: int) -> str:
        if column == TITLE:
            return s.title
        if column == PUBLISHER:
            return s.publisher
        if column == DATE:
            return s.published.display()
        return short_tags(s.tags, self._names)


class CardListModel(QSortFilterProxyModel):
    """The card list's model as its view sees it: :class:`CardRows`, row for row, through a
    map that neither sorts nor filters.

    A list view lays its rows out by asking its model for an index of every row, and in a
    Python model each of those is two calls into Python (``rowCount``, ``columnCount``):
    30 ms at 10,000 rows, at every change of the rows (each catalog a cold index delivers,
    each filter, sort or search). The map answers them in C++: 1.4 ms.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = CardRows(self)
        self.setDynamicSortFilter(False)  # the rows sort themselves
        self.setSourceModel(self.rows)

    def set_hits(self, hit_of: HitOf) -> None:
        self.rows.set_hits(hit_of)

    def set_terms(self, terms: tuple[SearchTerm, ...]) -> bool:
        return self.rows.set_terms(terms)

    def set_summaries(
        self,
        summaries: Sequence[CardSummary],
        keys: SortKeys | None = None,
        names: TagNames | None = None,
    ) -> None:
        self.rows.set_summaries(summaries, keys, names)

    def set_rows(self, ids: Sequence[str]) -> bool:
        return self.rows.set_rows(ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.rows.sort(column, order)

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self.rows.sort_order

    def summary(self, card_id: str) -> CardSummary | None:
        return self.rows.summary(card_id)

    def row_of(self, card_id: str) -> int:
        return self.rows.row_of(card_id)

    def ids(self) -> list[str]:
        return self.rows.ids()

    def set_compared(self, card_ids: Iterable[str]) -> None:
        self.rows.set_compared(card_ids)
