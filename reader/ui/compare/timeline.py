"""One chronology for the cards of the filter: events, publications, sources.

Dates keep their precision ("September 2021" sorts before "1 September 2021"), and a date
that gives only its year says so ("2021 (year only)"): it comes before the year's dated
events, which would otherwise read as "late in 2021" happening before "February 2021"
(review N13). An event that
several cards report is one row listing every source, with the other wordings beneath.
Public surface: ``TimelineView(catalog, card_ids=(), parent=None, theme=None, point_size=None)``,
``set_cards(ids)``, ``set_catalog(catalog, ids)``, ``set_show_publications(bool)``,
``set_theme``, ``set_base_point_size``, ``document_html()``; signal
``item_activated(card_id, field, index)`` (a row double-clicked or Enter on it: the event in
its first source's card, or that card's header for a publication).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.columns import CardProgress, source_label
from reader.analysis.timeline import TimelineEntry
from reader.cards.catalog import Catalog
from reader.cards.dates import Precision
from reader.cards.model import Card
from reader.qt.models import ROOT, Index
from reader.render.comparison import (
    timeline_event_html,
    timeline_html,
)
from reader.render.highlight import escape
from reader.render.theme import LIGHT, Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.actions import CommandActions
from reader.ui.compare.commands import TIMELINE_COMMANDS
from reader.ui.compare.delegate import PAD_X, HtmlDelegate
from reader.ui.compare.items import event_item
from reader.ui.compare.paged import Paged
from reader.ui.compare.pane import SetWideView
from reader.ui.compare.roles import LEAF, CardIdRole, HtmlRole, ItemRole
from reader.ui.compare.style import paint_with_theme
from reader.ui.compare.timeline_rows import TimelineRows, YearMarks, timeline_rows
from reader.ui.focus import frame_focus
from reader.ui.labels import MutedLabel

DATE, EVENT, SOURCES = range(3)
_HEADERS = ("Date", "Event", "Reported by")
#: The longest date the column must hold on one line.
LONGEST_DATE = "30 September 2022"
SOURCES_WIDTH = 260
#: Milliseconds without a paint of the rows after which a first part counts as shown.
SETTLED_MS = 30


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
    of its own and each further page another.
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
        return not self._held and super().canFetchMore(parent)

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


class TimelineView(SetWideView):
    def __init__(
        self,
        catalog: Catalog,
        card_ids: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        point_size: float | None = None,
    ) -> None:
        super().__init__(catalog, parent, theme, "Timeline", point_size)
        self._model = TimelineModel(self)
        # A tree view over the flat model: unlike a table with rows sized to contents, it
        # measures only the rows it shows, so a thousand-card timeline opens at once.
        self._table = QTreeView(self)
        self._table.setObjectName("timeline")
        self._table.setAccessibleName("Events of every source, in date order")
        self._table.setModel(self._model)
        self._delegate = HtmlDelegate(self._table)
        self._table.setItemDelegate(self._delegate)
        self._table.setRootIsDecorated(False)
        self._table.setItemsExpandable(False)
        self._table.setUniformRowHeights(False)
        self._table.setWordWrap(True)
        self._table.setAllColumnsShowFocus(True)
        frame_focus(self._table)  # the whole row's focus frame
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        columns = self._table.header()
        columns.setAccessibleName("Timeline columns")
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Fixed)
        columns.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(SOURCES, QHeaderView.ResizeMode.Fixed)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.sectionResized.connect(self._schedule_row_heights)
        self._drill_down_from(self._table)
        #: A first part's ``shown``: set once the rows have been painted and the window has
        #: had nothing more to paint for :data:`SETTLED_MS` (the first paint is followed by
        #: the rows' heights and the next page's, each painted again).
        self._awaiting: threading.Event | None = None
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(SETTLED_MS)
        self._settled.timeout.connect(self._part_shown)
        self._table.viewport().installEventFilter(self)
        self._heights = QTimer(self)
        self._heights.setSingleShot(True)
        self._heights.setInterval(0)
        self._heights.timeout.connect(self._table.doItemsLayout)
        #: Releases a held model (:class:`TimelineModel`) once its first page is painted: a
        #: timer started by the paint runs after the turn that painted.
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(0)
        self._release.timeout.connect(self._give_more)
        #: Show Publications: declared in the command table, acting on this view.
        self.commands = CommandActions(self, TIMELINE_COMMANDS)
        self.commands.bind(self)
        # A checkbox, not a toggle button: its state reads at a glance (review #22).
        self._publications = QCheckBox("Show publication dates", self)
        self._publications.setObjectName("showPublications")
        self._publications.setToolTip(self.commands.show_publications.statusTip())
        self._publications.setChecked(True)
        self._publications.toggled.connect(self.set_show_publications)
        #: Said while the first part is shown: the rows end there only for the moment.
        text = "Later events are still being merged…"
        self._rest = MutedLabel(self, accessible_name=text)
        self._rest.setText(text)
        self._rest.setObjectName("timelineRest")
        self._rest.setContentsMargins(16, 0, 0, 0)  # apart from the checkbox's own words
        bar = QToolBar("Timeline", self)
        bar.addWidget(self._publications)
        # A tool bar's widget is shown and hidden through its action.
        self._rest_shown = bar.addWidget(self._rest)
        self._rest_shown.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(bar)
        layout.addWidget(self._table, 1)
        self._apply_style()
        if card_ids:  # made without cards (by the workspace), filled once shown
            self.set_cards(card_ids)

    def table(self) -> QTreeView:
        return self._table

    def model(self) -> TimelineModel:
        return self._model

    @staticmethod
    def compute(
        catalog: Catalog,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        first_part: Callable[[Any], None] | None = None,
    ) -> TimelineRows:
        """The rows (:func:`.timeline_rows.timeline_rows`), a first part on the way."""
        return timeline_rows(catalog, card_ids, progress, first_part)

    def show_result(self, catalog: Catalog, result: Any) -> None:
        self._catalog = catalog
        # A reset is laid out anew at the columns' widths: no relayout of its own (it measured
        # and painted every row on screen a second time, in a turn of its own).
        self._model.set_rows(result)
        self._rest_shown.setVisible(not self._model.complete)
        self._part_shown()  # an earlier part's wait, if any, is over
        if isinstance(result, TimelineRows) and result.shown is not None:
            if self._table.isVisible():
                self._awaiting = result.shown
            else:
                result.shown.set()  # nothing will be painted: the merge goes on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if self._awaiting is not None:
                self._settled.start()
            if self._model.held:
                self._release.start()
        return super().eventFilter(watched, event)

    def _give_more(self) -> None:
        """The first page is painted: further pages as the view wants them, from the next
        turn on (Qt asks for them when the last row given is on screen)."""
        self._model.release()
        self._table.updateGeometries()

    def _part_shown(self) -> None:
        if self._awaiting is not None:
            self._awaiting.set()
            self._awaiting = None

    def set_show_publications(self, show: bool) -> None:
        self._model.set_show_publications(show)
        self._publications.setChecked(show)
        self.commands.refresh()

    def shows_publications(self) -> bool:
        """Whether the sources' publication dates are among the events."""
        return self._model.shows_publications()

    def document_html(self) -> str:
        return timeline_html(self._model.entries(), self._theme)

    def _apply_style(self) -> None:
        self._model.set_theme(self._theme)
        self._delegate.set_style(self._theme, self._point_size)
        paint_with_theme(self._table, self._theme)
        self._fit_font(self._table)
        # The date on one line at any zoom ("22 September 2022" wrapped at 140 pixels).
        columns = self._table.header()
        date = QFontMetrics(self._table.font()).horizontalAdvance(LONGEST_DATE)
        columns.resizeSection(DATE, date + 2 * PAD_X + 8)
        self._fit_sources()
        self._schedule_row_heights()

    def _fit_sources(self) -> None:
        """ "Reported by" at its zoomed width, but never more than a quarter of the view: the
        event is what is read (zoomed in a 1024-pixel window it was squeezed to a word a line)."""
        width = round(SOURCES_WIDTH * self.zoom())
        self._table.header().resizeSection(SOURCES, min(width, max(160, self.width() // 4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sources()

    def _schedule_row_heights(self) -> None:
        self._heights.start()
