"""The timeline's table model: events in date order, given to the view a page at a time.

The rows are a :class:`~reader.ui.compare.timeline_rows.TimelineRows`, worked out off the UI
thread; this model shows them with or without the publications, and answers the delegate's
questions about each cell as cheaply as it can: a view of 10,000 cards asks thousands of
them in the turn that shows its first screenful (#17 §2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from reader.analysis.columns import source_label
from reader.analysis.timeline import TimelineEntry
from reader.cards.dates import Precision
from reader.cards.model import Card
from reader.qt.models import ROOT, Index
from reader.render.comparison import timeline_event_html
from reader.render.highlight import escape
from reader.render.theme import LIGHT, Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.items import event_item
from reader.ui.compare.paged import Paged
from reader.ui.compare.roles import LEAF, CardIdRole, HtmlRole, ItemRole
from reader.ui.compare.timeline_rows import TimelineRows, YearMarks

DATE, EVENT, SOURCES = range(3)
_HEADERS = ("Date", "Event", "Reported by")


#: Beside a date that gives only its year, in a year that has dated events too.
YEAR_ONLY = "(year only)"

#: The roles :meth:`TimelineModel.data` answers (as numbers: a role comes as one).
_ANSWERED = frozenset(
    (
        Qt.ItemDataRole.DisplayRole.value,
        Qt.ItemDataRole.ToolTipRole.value,
        HtmlRole,
        CardIdRole,
        ItemRole,
    )
)


def _source_html(card: Card) -> str:
    """ "Publisher, date", the date unbroken (as in the card's header)."""
    date = escape(card.source.published.display()).replace(" ", "&nbsp;")
    return f"{escape(card.source.publisher)}, {date}"


class TimelineModel(Paged, QAbstractTableModel):
    """Events in date order, given to the view a page at a time (:mod:`.paged`).

    After a reset the model is *held*: it gives no further page until the view has painted
    the first (:meth:`release`). Qt's tree view asks for a page each time it lays the rows
    out, whether or not the last row is on screen, and then measures the last screenful of
    rows for its scroll bar (a rich-text document per cell): the turn that laid out and
    painted the first part of a 10,000-card timeline took two more pages so, and froze the
    window for 25-47 ms, most of it Python in the delegate. Held, the first paint is a turn
    of its own and each further page another. Later layouts (a column resized, the scroll bar
    shown) get no page either unless the view :attr:`wanted` one: its last row is on screen.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = TimelineRows.of((), YearMarks(frozenset(), frozenset()))
        self._rows: tuple[TimelineEntry, ...] = ()
        self._mixed: frozenset[int] = frozenset()
        self._publications = True
        self._theme = LIGHT
        #: No page is given beyond the first until the view has painted it (see the class).
        self._held = False
        #: Whether the view wants more rows now (its last row given on screen): set by the view,
        #: whose layouts ask for a page whether or not (see the class).
        self.wanted: Callable[[], bool] = lambda: True
        #: Each cell's HTML by (row, column), made once: the delegate asks for it at every
        #: measure and paint of the cell, and an event's is rendered Markdown.
        self._html: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: TimelineRows) -> bool:
        """Show ``rows``; False when they only add to the first part shown (no reset: the
        rows on screen, the scrolling and the selection stay)."""
        continued = rows.continues(self._all)
        self._all = rows
        if not continued:
            self._filter()
            return True
        end = self._shown == len(self._rows)
        self._pick()
        if end:
            # The reader had every row of the part: the next page now, as a scroll would.
            self.load_to(self._shown)
        return False

    @property
    def complete(self) -> bool:
        """False while only the first part of the timeline is shown (the rest is merged)."""
        return self._all.complete

    def set_show_publications(self, show: bool) -> None:
        self._publications = show
        self._filter()

    def shows_publications(self) -> bool:
        return self._publications

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._html.clear()
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shown - 1, SOURCES))

    def _filter(self) -> None:
        self.beginResetModel()
        self._pick()
        self._show_first_page()
        self._held = True
        self.endResetModel()

    @property
    def held(self) -> bool:
        """Whether further pages wait for the first one's paint (see the class)."""
        return self._held

    def release(self) -> None:
        """The first page is painted: further pages may be given as the view asks."""
        self._held = False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self._held and self.wanted() and super().canFetchMore(parent)

    def _pick(self) -> None:
        self._html.clear()
        rows = self._all
        if self._publications:
            self._rows, self._mixed = rows.every, rows.marks.every
        else:
            self._rows, self._mixed = rows.events, rows.marks.events

    def _total(self) -> int:
        return len(self._rows)

    def _year_only(self, entry: TimelineEntry) -> bool:
        return entry.date.precision is Precision.YEAR and entry.date.year in self._mixed

    def date_text(self, entry: TimelineEntry) -> str:
        """The date as the Date column reads it: "2021 (year only)", "February 2021"."""
        shown = entry.date.display()
        return f"{shown} {YEAR_ONLY}" if self._year_only(entry) else shown

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def entries(self) -> tuple[TimelineEntry, ...]:
        """Every event shown, those not yet scrolled to as well."""
        return self._rows

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Called for every row the view lays out, twice: a constant (see LEAF).
        return LEAF if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _cell(self, index: Index) -> tuple[TimelineEntry, int] | None:
        """The entry and column of a cell reported (a flat table's index: bounds suffice,
        not ``checkIndex``, a further call into Qt at each of thousands a paint)."""
        row, column = index.row(), index.column()
        if 0 <= row < self._shown and 0 <= column < len(_HEADERS):
            return self._rows[row], column
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == HtmlRole:
            key = (index.row(), index.column())
            html = self._html.get(key)
            if html is None and (cell := self._cell(index)) is not None:
                html = self._html[key] = self._value(*cell, role)
            return html
        cell = self._cell(index)
        return None if cell is None else self._value(*cell, role)

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role the delegate's style option asks for (seven a cell, at each paint) in
        one call from Qt into Python instead of one a role."""
        cell = self._cell(index)
        if cell is None:
            return
        entry, column = cell
        # PySide6 iterates a span, though its stubs do not say so.
        roles = [span] if isinstance(span, QModelRoleData) else cast(Iterable[QModelRoleData], span)
        for role_data in roles:
            role = role_data.role()
            if role in _ANSWERED:  # of the seven, the text alone: the rest stay unset
                role_data.setData(self._value(entry, column, role))

    def _value(self, entry: TimelineEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return self.date_text(entry)
            if column == EVENT:
                return entry.text
            return "; ".join(source_label(c) for c in entry.cards)
        if role == HtmlRole:
            if column == DATE:
                # On the date's line (the column holds "30 September 2022"): no taller row.
                only = f' <span class="loc">{YEAR_ONLY}</span>' if self._year_only(entry) else ""
                return f'<p class="date">{escape(entry.date.display())}{only}</p>'
            if column == EVENT:
                return timeline_event_html(entry, self._theme)
            # As large as the card's meta lines, not the 0.8 of a locator: at any zoom a
            # source's name reads beside the event (review P6).
            return f'<p class="meta">{"<br />".join(_source_html(c) for c in entry.cards)}</p>'
        if role == CardIdRole:
            return entry.cards[0].id
        if role == ItemRole:
            return event_item(entry)
        if role == Qt.ItemDataRole.ToolTipRole and column == DATE and self._year_only(entry):
            return safe_tooltip(
                f"The source gives only the year {entry.date.year}: the event is listed before"
                " the dated events of that year, not in its place among them."
            )
        if role == Qt.ItemDataRole.ToolTipRole and len(entry.reports) > 1:
            lines = [f"{source_label(r.card)}: {r.text}" for r in entry.reports]
            return safe_tooltip(f"Reported by {len(entry.reports)} sources", *lines)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None
