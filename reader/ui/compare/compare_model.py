"""The compare view's model: one column per card, one row per aligned question.

Adding, removing or reordering a card can add or drop addressee rows and change which tags
are shared, so each of those rebuilds the comparison and resets the model; with at most four
columns and a few dozen rows that is cheaper than working out the difference.

A one-sided row (recommendations to an addressee only one card speaks to, several of them)
starts collapsed to its first recommendation: otherwise it is a screen of one column beside
"No recommendation to this addressee", which the reader must scroll through to find the next
row that compares anything. A click on its label shows it whole (:meth:`toggle_row`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QColor

from reader.analysis.columns import source_label
from reader.analysis.side_by_side import (
    ArgumentCell,
    Cell,
    CompareRow,
    Comparison,
    RecommendationsCell,
    RowKind,
    SourceCell,
    TagsCell,
    TextCell,
    TopicCell,
    compare,
)
from reader.cards.model import Card, SetInfo
from reader.cards.wording import plural
from reader.qt.models import ROOT, Index, read_only_flags
from reader.render.comparison import NOT_ADDRESSED, cell_html, row_label_html
from reader.render.theme import LIGHT, Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.items import cell_item
from reader.ui.compare.roles import CardIdRole, DiffersRole, HtmlRole, ItemRole
from reader.ui.compare.spans import only_lead_html, shown_column, spanned_column

#: A row with more recommendations than this, all from one card, starts collapsed.
ONE_SIDED_FROM = 2


def one_sided(row: CompareRow) -> int | None:
    """The column of a recommendations row only one of several cards fills with more than
    :data:`ONE_SIDED_FROM` recommendations, or None."""
    if row.kind is not RowKind.RECOMMENDATIONS or len(row.cells) < 2:
        return None
    filled = [
        i
        for i, c in enumerate(row.cells)
        if isinstance(c, RecommendationsCell) and c.recommendations
    ]
    if len(filled) != 1:
        return None
    cell = row.cells[filled[0]]
    assert isinstance(cell, RecommendationsCell)
    return filled[0] if len(cell.recommendations) > ONE_SIDED_FROM else None


def plain_text(cell: Cell) -> str:
    """What a screen reader (and a copy) gets for a cell."""
    if isinstance(cell, SourceCell):
        src = cell.card.source
        return f"{cell.card.title} — {src.publisher}, {src.published.display()}"
    if isinstance(cell, TextCell):
        return cell.text
    if isinstance(cell, TopicCell):
        p = cell.perspective
        return NOT_ADDRESSED if p is None else f"{p.stance}: {p.view}"
    if isinstance(cell, RecommendationsCell):
        return "\n".join(r.action for r in cell.recommendations) or "No recommendation"
    if isinstance(cell, TagsCell):
        return ", ".join(m.label for m in cell.tags)
    assert isinstance(cell, ArgumentCell)
    return "\n".join(p.claim for p in cell.points)


class CompareModel(QAbstractTableModel):
    def __init__(self, info: SetInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._info = info
        self._comparison = compare((), info)
        self._theme = LIGHT
        self._argument_expanded = False
        #: Whether one-sided rows start collapsed; the rows the reader opened or closed.
        self._collapse_one_sided = True
        self._toggled: set[str] = set()

    # -- what is compared -----------------------------------------------------------------

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    def cards(self) -> tuple[Card, ...]:
        return self._comparison.columns

    def card_ids(self) -> list[str]:
        return [c.id for c in self._comparison.columns]

    def set_cards(self, cards: Sequence[Card], info: SetInfo, *, by_date: bool = True) -> None:
        self.beginResetModel()
        self._info = info
        self._comparison = compare(cards, info, by_date=by_date)
        self.endResetModel()

    def move_card(self, source: int, target: int) -> None:
        cards = list(self.cards())
        cards.insert(target, cards.pop(source))
        self.set_cards(cards, self._info, by_date=False)

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self._comparison.rows) if r.key == key), -1)

    def row_at(self, row: int) -> CompareRow:
        return self._comparison.rows[row]

    # -- presentation ---------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._changed_all()

    @property
    def argument_expanded(self) -> bool:
        return self._argument_expanded

    def set_argument_expanded(self, expanded: bool) -> None:
        if expanded == self._argument_expanded:
            return
        self._argument_expanded = expanded
        row = self.row_of("argument")
        if row >= 0 and self.columnCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    @property
    def collapse_one_sided(self) -> bool:
        return self._collapse_one_sided

    def set_collapse_one_sided(self, collapse: bool) -> None:
        """Collapse (or show whole) every one-sided row, forgetting single rows' choices."""
        self._collapse_one_sided = collapse
        self._toggled.clear()
        self._changed_all()

    def collapsible(self, row: int) -> bool:
        return 0 <= row < self.rowCount() and one_sided(self._comparison.rows[row]) is not None

    def collapsed(self, row: int) -> bool:
        """Whether ``row`` shows only a summary of its one filled cell."""
        if not self.collapsible(row):
            return False
        return self._collapse_one_sided != (self._comparison.rows[row].key in self._toggled)

    def toggle_row(self, row: int) -> None:
        """Collapse a one-sided row, or show it whole."""
        if not self.collapsible(row):
            return
        self._toggled ^= {self._comparison.rows[row].key}
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def _cell_html(self, row: CompareRow, index: int, column: int) -> str:
        if self.collapsed(index):
            cell = row.cells[column]
            assert isinstance(cell, RecommendationsCell)
            if not cell.recommendations:
                return ""  # the filled column says enough
            first = replace(cell, recommendations=cell.recommendations[:1])
            cells = tuple(first if i == column else c for i, c in enumerate(row.cells))
            more = plural(len(cell.recommendations) - 1, "more recommendation")
            shown = cell_html(replace(row, cells=cells), column, self._theme)
            return f'{shown}<p class="empty">… {more}: click the row label to show them</p>'
        return cell_html(
            row,
            column,
            self._theme,
            argument_expanded=self._argument_expanded,
            silent_on=self._silent_on(column),
        )

    def _silent_on(self, column: int) -> tuple[str, ...] | None:
        if not self._comparison.rows_of(RowKind.TOPIC):
            return None  # no topics in the set: silence means nothing
        return self._comparison.silent_on(column)

    def _changed_all(self) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._comparison.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._comparison.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        row = self._comparison.rows[index.row()]
        column = shown_column(row, index.column())  # a one-sided row spans (.spans)
        if column is None:
            return None
        cell = row.cells[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain_text(cell)
        if role == HtmlRole:
            html = self._cell_html(row, index.row(), column)
            spanned = spanned_column(row) is not None
            return only_lead_html(self._comparison, column) + html if spanned else html
        if role == CardIdRole:
            return self._comparison.columns[column].id
        if role == ItemRole:
            return cell_item(self._comparison.columns[column], cell)
        if role == DiffersRole:
            return row.stances_differ
        if role == Qt.ItemDataRole.BackgroundRole and row.stances_differ:
            return QColor(self._theme.thesis_background)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(cell, TopicCell):
            card = self._comparison.columns[column]
            if cell.perspective is None:
                return safe_tooltip(f"{source_label(card)}: silent on this topic")
            if row.stances_differ:
                return safe_tooltip("The sources that address this topic take different stances")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._comparison.columns):
                return None
            card = self._comparison.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{card.source.publisher}\n{card.source.published.display()}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return safe_tooltip(
                    card.title, "Click to open the card; drag to reorder the columns."
                )
            if role == CardIdRole:
                return card.id
            return None
        if not 0 <= section < len(self._comparison.rows):
            return None
        row = self._comparison.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == HtmlRole:
            label = row_label_html(row, self._theme, notes=False)
            if self.collapsible(section):
                shown = "Show all" if self.collapsed(section) else "Collapse"
                label += f'<p class="meta">{"▸" if self.collapsed(section) else "▾"} {shown}</p>'
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.collapsible(section):
                return safe_tooltip(
                    "Only one card speaks to this addressee.",
                    "Click to show or hide its recommendations",
                )
            if row.kind is RowKind.ARGUMENT:
                return safe_tooltip("Click to show or hide the argument points")
            if row.kind is RowKind.RECOMMENDATIONS and row.note:
                return safe_tooltip(f"Also named: {row.note}")
            return safe_tooltip(row.note) if row.note else None
        if role == DiffersRole:
            return row.stances_differ
        return None
