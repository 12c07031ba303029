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
its first source's card, or that card's header for a publication). Its rows come from
:class:`~reader.ui.compare.timeline_model.TimelineModel`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
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

from reader.analysis.columns import CardProgress
from reader.cards.catalog import Catalog
from reader.render.comparison import (
    timeline_html,
)
from reader.render.theme import Theme
from reader.ui.actions import CommandActions
from reader.ui.compare.commands import TIMELINE_COMMANDS
from reader.ui.compare.delegate import PAD_X, HtmlDelegate
from reader.ui.compare.pane import SetWideView
from reader.ui.compare.style import paint_with_theme
from reader.ui.compare.timeline_model import DATE, EVENT, SOURCES, TimelineModel
from reader.ui.compare.timeline_rows import TimelineRows, timeline_rows
from reader.ui.focus import frame_focus
from reader.ui.labels import MutedLabel

#: The longest date the column must hold on one line.
LONGEST_DATE = "30 September 2022"
SOURCES_WIDTH = 260
#: Milliseconds without a paint of the rows after which a first part counts as shown.
SETTLED_MS = 30


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
        self._model.wanted = self._at_end
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

    def _at_end(self) -> bool:
        """Whether the last row given is on screen: the scroll bar (a row a step) at its end."""
        bar = self._table.verticalScrollBar()
        return bar.value() >= bar.maximum()

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
