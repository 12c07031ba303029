"""The side-by-side compare view: two to four cards as columns, one question per row.

One QTableView holds every column, so there is one scroll position and a row is as tall as
its longest cell: the reader's eye moves across one question at a time. Public surface:

- ``CompareView(catalog, card_ids=(), parent=None, theme=None, point_size=None)``;
  ``set_cards(ids)`` (date order), ``set_catalog(catalog)`` after a reload, ``add_card(id)``,
  ``remove_card(id)``, ``move_card(from, to)``, ``card_ids()`` (column order),
  ``unavailable_reason()``.
- ``set_theme(theme)``, ``set_base_point_size(pt)``, ``set_argument_expanded(bool)``,
  ``set_rows_shown(kind, bool)`` (hide the thesis, tags…), ``set_differences_only(bool)``
  (only the topics where stances differ): fewer rows, so the contrast fits on one screen.
- ``document_html()``: the comparison as a page, for printing and the PDF export.
- Signals: ``open_card(str)`` (a column header was clicked), ``item_activated(card_id,
  field, index)`` (a cell double-clicked or Enter on it: its item, see
  :func:`reader.ui.compare.items.cell_item`), ``tag_clicked(str)`` (a tag in the tags row),
  ``cards_changed(list)`` (the compared ids changed, in column order).
- ``commands``: Show Argument and Remove Column (``COMPARE_VIEW_COMMANDS``), on this view.
- ``layout_state()`` / ``set_layout_state(layout)``: the rows shown and how, which the
  workspace keeps across closing and reopening (:class:`.compare_rows.CompareLayout`).

Reading through: the wheel moves lines, not rows; a ✕ on each column header removes its card
(:mod:`.column_header`); a tall row's label is sticky (:mod:`.header`); one-sided rows start
collapsed (:mod:`.compare_model`); the label column narrows in a narrow window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import unquote

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.columns import cards_of
from reader.analysis.compare_rules import MAX_COMPARE, compare_unavailable_reason, no_topics_hint
from reader.analysis.side_by_side import RowKind
from reader.cards.catalog import Catalog
from reader.render.comparison import comparison_html
from reader.render.theme import Theme
from reader.ui.actions import CommandActions
from reader.ui.compare.candidates import AddCardBox, CandidatesModel
from reader.ui.compare.column_header import ClosableHeader, column_menu
from reader.ui.compare.commands import COMPARE_VIEW_COMMANDS
from reader.ui.compare.compare_model import CompareModel
from reader.ui.compare.compare_rows import CompareLayout, RowsButton
from reader.ui.compare.delegate import HtmlDelegate
from reader.ui.compare.header import HtmlHeader
from reader.ui.compare.pane import ComparisonPane
from reader.ui.compare.roles import CardIdRole
from reader.ui.compare.spans import apply_spans
from reader.ui.compare.style import paint_with_theme

#: Width of the row labels at 100 % zoom; columns share the rest.
LABEL_WIDTH = 190
MIN_COLUMN_WIDTH = 180
#: Lines one step of the wheel or an arrow key moves (the wheel moves three steps a notch).
LINES_PER_STEP = 1


class CompareView(ComparisonPane):
    open_card = Signal(str)
    tag_clicked = Signal(str)
    cards_changed = Signal(list)

    def __init__(
        self,
        catalog: Catalog,
        card_ids: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        point_size: float | None = None,
    ) -> None:
        super().__init__(catalog, parent, theme, "Comparison", point_size)
        self._model = CompareModel(catalog.info, self)
        self._candidates = CandidatesModel(self)

        self._table = QTableView(self)
        self._table.setObjectName("compareTable")
        self._table.setAccessibleName("Cards side by side")
        self._table.setModel(self._model)
        self._delegate = HtmlDelegate(self._table)
        self._table.setItemDelegate(self._delegate)
        self._rows = HtmlHeader(Qt.Orientation.Vertical, LABEL_WIDTH, self._table)
        self._table.setVerticalHeader(self._rows)
        self._rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._rows.make_sticky(self._table.verticalScrollBar())
        self._columns = ClosableHeader(self._table)
        self._table.setHorizontalHeader(self._columns)
        self._columns.close_requested.connect(self._on_close_requested)
        self._table.setWordWrap(True)
        self._table.setShowGrid(False)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.viewport().setMouseTracking(True)
        columns = self._columns
        columns.setSectionsMovable(True)
        columns.setSectionsClickable(True)
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setMinimumSectionSize(MIN_COLUMN_WIDTH)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        columns.sectionClicked.connect(self._on_column_clicked)
        columns.sectionMoved.connect(self._on_column_moved)
        columns.sectionResized.connect(self._schedule_row_heights)
        columns.customContextMenuRequested.connect(self._column_menu)
        self._rows.sectionClicked.connect(self._on_row_clicked)
        self._delegate.link_activated.connect(self._on_link)
        self._drill_down_from(self._table)
        self._heights = QTimer(self)
        self._heights.setSingleShot(True)
        self._heights.setInterval(0)
        self._heights.timeout.connect(self._table.resizeRowsToContents)

        #: Show Argument, Remove Column: declared in the command table, acting on this view.
        self.commands = CommandActions(self, COMPARE_VIEW_COMMANDS)
        self.commands.bind(self)
        self._table.selectionModel().selectionChanged.connect(self.commands.refresh)
        self._add = AddCardBox(self._candidates, self)
        self._add.chosen.connect(self._on_add_chosen)
        self._layout = CompareLayout()
        self._rows_button = RowsButton(
            self, self.set_rows_shown, self.set_differences_only, self.set_collapse_one_sided
        )
        bar = QToolBar("Comparison", self)
        bar.addWidget(self._rows_button)
        bar.addActions(self.commands.actions())
        bar.addSeparator()
        bar.addWidget(self._add)

        self._topics_hint = self._note("topicsHint")
        self._reason = self._note("compareUnavailable")
        self._reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(bar)
        layout.addWidget(self._topics_hint)
        layout.addWidget(self._reason, 1)
        layout.addWidget(self._table, 1)
        self._apply_style()
        self.set_cards(card_ids)

    # -- public API -----------------------------------------------------------------------

    def table(self) -> QTableView:
        return self._table

    def model(self) -> CompareModel:
        return self._model

    def add_box(self) -> AddCardBox:
        """The "Add a card…" box: the last control of the view, in the Tab order too."""
        return self._add

    def card_ids(self) -> list[str]:
        """The compared cards, in the order the columns show them."""
        return self._model.card_ids()

    def set_cards(self, card_ids: Sequence[str]) -> None:
        """Compare these cards, oldest first."""
        self._model.set_cards(cards_of(self._catalog, card_ids), self._catalog.info)
        self._after_change()

    def set_catalog(self, catalog: Catalog, card_ids: Sequence[str] | None = None) -> None:
        """A reloaded set: keep the columns (and their order) of the cards that still exist."""
        self._catalog = catalog
        ids = self.card_ids() if card_ids is None else list(card_ids)
        self._model.set_cards(cards_of(catalog, ids), catalog.info, by_date=card_ids is not None)
        self._after_change()

    def add_card(self, card_id: str) -> bool:
        ids = self.card_ids()
        card = self._catalog.card(card_id)
        if card is None or card_id in ids or len(ids) >= MAX_COMPARE:
            return False
        self._model.set_cards([*self._model.cards(), card], self._catalog.info, by_date=False)
        self._after_change()
        return True

    def remove_card(self, card_id: str) -> bool:
        cards = [c for c in self._model.cards() if c.id != card_id]
        if len(cards) == self._model.columnCount():
            return False
        self._model.set_cards(cards, self._catalog.info, by_date=False)
        self._after_change()
        return True

    def move_card(self, source: int, target: int) -> None:
        """Move the column at ``source`` to ``target`` (0-based), as a drag would."""
        count = self._model.columnCount()
        if not (0 <= source < count and 0 <= target < count) or source == target:
            return
        self._model.move_card(source, target)
        self._after_change()

    def unavailable_reason(self) -> str | None:
        """Why no comparison is shown (too few or too many cards), or None."""
        return compare_unavailable_reason(self._model.columnCount(), len(self._catalog.summaries()))

    def argument_expanded(self) -> bool:
        return self._model.argument_expanded

    def set_argument_expanded(self, expanded: bool) -> None:
        self._model.set_argument_expanded(expanded)
        self._layout = replace(self._layout, argument_expanded=expanded)
        self.commands.refresh()
        row = self._model.row_of("argument")
        if row >= 0:
            self._table.resizeRowToContents(row)

    def set_rows_shown(self, kind: RowKind, shown: bool) -> None:
        """Show or hide a group of rows (every topic row, every addressee row…)."""
        hidden = self._layout.hidden - {kind} if shown else self._layout.hidden | {kind}
        self._set_layout(replace(self._layout, hidden=hidden))

    def set_differences_only(self, only: bool) -> None:
        """Show only the topic rows on which the sources take different stances."""
        self._set_layout(replace(self._layout, differences_only=only))

    def set_collapse_one_sided(self, collapse: bool) -> None:
        """Collapse every one-sided row of recommendations to its first one, or show all."""
        self._model.set_collapse_one_sided(collapse)
        self._set_layout(replace(self._layout, collapse_one_sided=collapse))
        self._schedule_row_heights()

    def layout_state(self) -> CompareLayout:
        """The rows shown and how (not the cards), to give a later compare view."""
        return self._layout

    def set_layout_state(self, layout: CompareLayout) -> None:
        self.set_argument_expanded(layout.argument_expanded)
        if layout.collapse_one_sided != self._model.collapse_one_sided:
            self._model.set_collapse_one_sided(layout.collapse_one_sided)
        self._set_layout(layout)

    def toggle_row(self, row: int) -> None:
        """Click on a row label: the argument row or a one-sided row opens or closes."""
        if row == self._model.row_of("argument"):
            self.set_argument_expanded(not self._model.argument_expanded)
        elif self._model.collapsible(row):
            self._model.toggle_row(row)
            self._table.resizeRowToContents(row)

    def _set_layout(self, layout: CompareLayout) -> None:
        self._layout = layout
        self._rows_button.show_layout(layout)
        self._apply_row_visibility()

    def document_html(self, *, include_argument: bool = False) -> str:
        """The comparison as it stands (column order included), for print and PDF export."""
        return comparison_html(
            self._model.comparison, self._theme, include_argument=include_argument
        )

    # -- internals ------------------------------------------------------------------------

    def _note(self, name: str) -> QLabel:
        """A line of plain text in place of, or above, the table (card text may be in it)."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setContentsMargins(10, 6, 10, 6)
        return label

    def _apply_style(self) -> None:
        self._model.set_theme(self._theme)
        self._delegate.set_style(self._theme, self._point_size)
        self._fit_widths()
        self._rows.set_style(self._theme, self._point_size)
        self._columns.set_theme(self._theme)
        paint_with_theme(self._table, self._theme)
        self._fit_font(self._table)
        # The wheel moves three steps a notch: a step of a line or two keeps the place.
        line = QFontMetrics(self._table.font()).lineSpacing()
        self._table.verticalScrollBar().setSingleStep(line * LINES_PER_STEP)
        self._schedule_row_heights()

    def _fit_widths(self) -> None:
        """Labels a fifth of a narrow view (at most their width at this zoom), so that three
        columns still fit beside them at 1024 pixels rather than scrolling sideways."""
        zoom = self.zoom()  # the narrowest label still holds "RECOMMENDATIONS TO" zoomed
        self._rows.set_width(round(min(LABEL_WIDTH * zoom, max(140 * zoom, self.width() / 5))))
        self._columns.setMinimumSectionSize(MIN_COLUMN_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_widths()

    def _after_change(self) -> None:
        ids = self.card_ids()
        self._candidates.set_candidates(self._catalog.summaries(), set(ids))
        self._add.reset()
        self._add.setEnabled(len(ids) < MAX_COMPARE and self._candidates.rowCount() > 0)
        reason = self.unavailable_reason()
        if reason and self._add.isEnabled():
            reason += "\nUse “Add a card…” above to add one."
        self._reason.setText(reason or "")
        self._reason.setVisible(reason is not None)
        self._table.setVisible(reason is None)
        hint = no_topics_hint(self._catalog.info)
        self._topics_hint.setText(hint or "")
        self._topics_hint.setVisible(hint is not None and reason is None)
        self.commands.refresh()
        self._rows_button.setEnabled(reason is None)
        self._apply_row_visibility()
        self._schedule_row_heights()
        self.cards_changed.emit(ids)

    def _apply_row_visibility(self) -> None:
        layout = self._layout
        for i, row in enumerate(self._model.comparison.rows):
            hidden = row.kind in layout.hidden or (
                layout.differences_only and row.kind is RowKind.TOPIC and not row.stances_differ
            )
            self._table.setRowHidden(i, hidden)
        apply_spans(self._table, self._model.comparison)

    def _schedule_row_heights(self) -> None:
        self._heights.start()

    def _on_column_clicked(self, logical: int) -> None:
        card_id = self._model.headerData(logical, Qt.Orientation.Horizontal, CardIdRole)
        if isinstance(card_id, str):
            self.open_card.emit(card_id)

    def _on_column_moved(self, logical: int, old_visual: int, new_visual: int) -> None:
        # Make the model's order the one on screen, so that export and ``card_ids`` see it;
        # later, once the header has finished its own move.
        QTimer.singleShot(0, self, self._adopt_visual_order)

    def _adopt_visual_order(self) -> None:
        header = self._columns
        cards = self._model.cards()
        ordered = [cards[header.logicalIndex(v)] for v in range(header.count())]
        if [c.id for c in ordered] == self.card_ids():
            return
        # Undo the header's own move (silently), then let the model carry the new order:
        # a model reset does not forget moved sections by itself.
        blocked = header.blockSignals(True)
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        header.blockSignals(blocked)
        self._model.set_cards(ordered, self._catalog.info, by_date=False)
        self._after_change()

    def _on_row_clicked(self, row: int) -> None:
        self.toggle_row(row)

    def _on_close_requested(self, logical: int) -> None:
        ids = self.card_ids()
        if 0 <= logical < len(ids):
            self.remove_card(ids[logical])

    def _on_link(self, href: str) -> None:
        if href.startswith("tag:"):
            self.tag_clicked.emit(unquote(href[4:]))

    def remove_current_reason(self) -> str | None:
        """Why Remove Column cannot run: no cell is chosen, so no column is."""
        if not self.card_ids():
            return "No card is compared."
        if self._selected_column() is None:
            return "Select a cell of the card's column first, or click ✕ on its header."
        return None

    def _selected_column(self) -> int | None:
        """The column of the selected (outlined) cell: the current one may be invisible."""
        chosen = self._table.selectionModel().selectedIndexes()  # a spanned row's: its card's
        ids, card = self.card_ids(), chosen[0].data(CardIdRole) if chosen else None
        return ids.index(card) if card in ids else None

    def remove_current(self) -> None:
        """Remove the card of the current cell's column."""
        column = self._selected_column()
        ids = self.card_ids()
        if column is not None and column < len(ids):
            self.remove_card(ids[column])

    def _on_add_chosen(self, card_id: str) -> None:
        if not self.add_card(card_id):
            self._add.clearEditText()  # not added (full, or gone): nothing stays typed

    def _column_menu(self, pos: QPoint) -> None:
        logical = self._columns.logicalIndexAt(pos)
        ids = self.card_ids()
        if 0 <= logical < len(ids):
            menu = column_menu(self, logical, ids[logical], len(ids))
            menu.popup(self._columns.mapToGlobal(pos))
