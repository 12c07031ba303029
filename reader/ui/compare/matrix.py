"""The topic matrix: every topic against every card of the filter, blindspots left empty.

Rows are topics (their labels and counts in the vertical header, which stays in view when
fifty columns scroll sideways); columns are the cards in date order, sharing the width when
they fit and scrolling sideways when they do not; a cell is the card's stance badge, or a
hatched blank where the card is silent, as the legend under the table says. The view on
the topic shows in a tooltip and, for the current cell, in the detail pane below (closed
until a cell is chosen: :mod:`.matrix_legend`). Zoom scales the labels, the badges and the
widths and heights they are measured in. Public
surface: ``TopicMatrixView(catalog, card_ids=(), parent=None, theme=None, point_size=None)``,
``set_cards(ids)``, ``set_catalog(catalog, ids)``, ``set_theme``, ``set_base_point_size``,
``document_html()``; signals ``open_card(str)`` (a column header clicked) and
``item_activated(card_id, field, index)`` (a cell double-clicked or Enter on it: the card's
perspective on the topic, or its header where it is silent).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.columns import CardProgress, source_label
from reader.analysis.compare_rules import no_topics_hint
from reader.analysis.matrix import TopicMatrix
from reader.cards.catalog import Catalog
from reader.cards.model import Card
from reader.qt.models import ROOT, Index, read_only_flags
from reader.render.comparison import (
    NOT_ADDRESSED,
    matrix_detail_html,
    topic_matrix_html,
)
from reader.render.theme import Theme
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.header import HtmlHeader
from reader.ui.compare.items import perspective_item
from reader.ui.compare.matrix_cells import CARD_COLUMN_WIDTH, BadgeDelegate
from reader.ui.compare.matrix_legend import DETAIL_HEIGHT, MatrixLegend, show_detail
from reader.ui.compare.matrix_shown import ShownMatrix, heading_html, matrix_result
from reader.ui.compare.pane import PART_PAINTED_MS, SetWideView
from reader.ui.compare.roles import CardIdRole, HtmlRole, ItemRole, PerspectiveRole
from reader.ui.compare.style import paint_with_theme

LABEL_WIDTH = 230
#: The widest a card column grows to fill the table (badges far apart read badly).
MAX_COLUMN_WIDTH = 480
#: The corner above the topic labels, flat in the theme's colour (the style paints a light
#: bevel there, even in dark mode).
CORNER_STYLE = "QTableCornerButton::section {{ background: {}; border: none; }}"


def column_html(card: Card) -> str:
    """A card column's heading: who, and when in full as everywhere else in the app."""
    return heading_html(card.source.publisher, card.source.published.display())


class TopicMatrixModel(QAbstractTableModel):
    """Topics × cards. How many cards address a topic and with how many stances is in the
    topic's label ("2 of 3 sources · 2 stances"), not in a column of its own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown = ShownMatrix.of(TopicMatrix((), ()))
        self._matrix = self._shown.matrix

    @property
    def matrix(self) -> TopicMatrix:
        return self._matrix

    def set_matrix(self, shown: ShownMatrix) -> bool:
        """Show ``shown``; False when it only adds columns to the first part shown (no
        reset: the cells on screen, the scrolling and the selection stay)."""
        if not shown.continues(self._shown):
            self.beginResetModel()
            self._shown, self._matrix = shown, shown.matrix
            self.endResetModel()
            return True
        before, after = len(self._matrix.columns), len(shown.matrix.columns)
        if after > before:
            self.beginInsertColumns(ROOT, before, after - 1)
        self._shown, self._matrix = shown, shown.matrix
        if after > before:
            self.endInsertColumns()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._matrix.rows) - 1)
        return False

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._matrix.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        if parent.isValid() or not self._matrix.rows:
            return 0
        return len(self._matrix.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return read_only_flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        row = self._matrix.rows[index.row()]
        card = self._matrix.columns[index.column()]
        persp = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return NOT_ADDRESSED if persp is None else persp.stance
        if role == PerspectiveRole:
            return persp
        if role == CardIdRole:
            return card.id
        if role == ItemRole:
            return perspective_item(card, persp)
        if role == Qt.ItemDataRole.ToolTipRole:
            if persp is None:
                return safe_tooltip(source_label(card), "Not addressed (hatched): a blindspot")
            return safe_tooltip(source_label(card), f"{persp.stance}: {persp.view}")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        total = len(self._matrix.columns)
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < total:
                return None
            card = self._matrix.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{card.source.publisher}\n{card.source.published.display()}"
            if role == HtmlRole:
                return column_html(card)
            if role == Qt.ItemDataRole.ToolTipRole:
                return safe_tooltip(card.title, source_label(card), "Click to open the card")
            if role == CardIdRole:
                return card.id
            return None
        if not 0 <= section < len(self._matrix.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._matrix.rows[section].topic.label
        if role == HtmlRole:
            return self._shown.labels[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._shown.tooltips[section]
        return None


class TopicMatrixView(SetWideView):
    open_card = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        card_ids: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
        point_size: float | None = None,
    ) -> None:
        super().__init__(catalog, parent, theme, "Topic matrix", point_size)
        self._model = TopicMatrixModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("topicMatrix")
        self._table.setAccessibleName("Topics against sources")
        self._table.setModel(self._model)
        self._delegate = BadgeDelegate(self._table)
        self._table.setItemDelegate(self._delegate)
        self._rows = HtmlHeader(Qt.Orientation.Vertical, LABEL_WIDTH, self._table)
        self._table.setVerticalHeader(self._rows)
        self._rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Every cell is as tall as the next (a badge): a row's height is its label's, so the
        # cells on screen are enough to measure. (Qt's default reads the first 1,000 of each
        # row: 0.3 s of frozen window for a matrix of 1,000 cards.)
        self._rows.setResizeContentsPrecision(0)
        self._table.setShowGrid(False)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._columns = HtmlHeader(Qt.Orientation.Horizontal, CARD_COLUMN_WIDTH, self._table)
        self._table.setHorizontalHeader(self._columns)
        self._columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._columns.sectionClicked.connect(self._on_column_clicked)
        self._drill_down_from(self._table)
        self._table.selectionModel().currentChanged.connect(self._show_detail)
        self._table.selectionModel().selectionChanged.connect(self._on_selection)
        self._detail = SafeBrowser(self)
        self._detail.setObjectName("matrixDetail")
        self._detail.setAccessibleName("What the selected source says on the topic")
        self._hint = QLabel(self)
        self._hint.setObjectName("matrixHint")
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.setWordWrap(True)
        self._hint.setContentsMargins(10, 6, 10, 6)
        self._hint.hide()  # until a result says whether the set has topics
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table)
        splitter.addWidget(self._detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([600, DETAIL_HEIGHT])
        self._detail.hide()  # until a cell is chosen
        self._legend = MatrixLegend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._legend)
        self._splitter = splitter
        self._topic: str | None = None  # a topic asked for before its row was there
        self._apply_style()
        if card_ids:  # made without cards (by the workspace), filled once shown
            self.set_cards(card_ids)

    # -- public API -----------------------------------------------------------------------

    def table(self) -> QTableView:
        return self._table

    def model(self) -> TopicMatrixModel:
        return self._model

    def detail(self) -> SafeBrowser:
        return self._detail

    @property
    def matrix(self) -> TopicMatrix:
        return self._model.matrix

    @staticmethod
    def compute(
        catalog: Catalog,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        first_part: Callable[[Any], None] | None = None,
    ) -> ShownMatrix:
        """The matrix (:func:`.matrix_shown.matrix_result`), its first columns on the way."""
        return matrix_result(catalog, card_ids, progress, first_part)

    def show_result(self, catalog: Catalog, result: Any) -> None:
        self._catalog = catalog
        self._columns.set_height_samples(result.headings)
        reset = self._model.set_matrix(result)
        self._fit_columns()
        hint = no_topics_hint(self._catalog.info)
        self._hint.setText(hint or "")
        self._hint.setVisible(hint is not None)
        self._splitter.setVisible(hint is None)
        self._legend.setVisible(hint is None)
        # The rest of a first part keeps the cell the reader chose in it.
        self._show_detail(QModelIndex() if reset else self._table.currentIndex())
        if result.shown is not None:  # a first part: the rest waits until it is painted
            shown = result.shown
            if self._table.isVisible():
                QTimer.singleShot(PART_PAINTED_MS, self, shown.set)
            else:
                shown.set()
        if self._topic is not None:
            self._select_topic(self._topic)
            self._topic = None

    def show_topic(self, key: str) -> bool:
        """Select the row of the set topic ``key`` and scroll to it (the overview's question
        links); done again when the matrix is next worked out (it may be under way), so the
        row stays chosen. False when no row (yet) has that topic."""
        self._topic = key
        return self._select_topic(key)

    def _select_topic(self, key: str) -> bool:
        rows = self._model.matrix.rows
        row = next((i for i, r in enumerate(rows) if r.topic.key == key), None)
        if row is None:
            return False
        index = self._model.index(row, 0)
        self._table.setCurrentIndex(index)
        self._table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def document_html(self) -> str:
        return topic_matrix_html(self._model.matrix, self._theme)

    # -- internals ------------------------------------------------------------------------

    def _apply_style(self) -> None:
        self._fit_font(self._table)
        self._delegate.set_style(self._theme, self._table.font())
        zoom = self.zoom()
        self._rows.set_width(round(LABEL_WIDTH * zoom))
        self._rows.set_style(self._theme, self._point_size)
        self._columns.set_style(self._theme, self._point_size)
        self._table.setStyleSheet(CORNER_STYLE.format(self._theme.chip.background))
        paint_with_theme(self._table, self._theme)
        paint_with_theme(self._detail, self._theme)
        self._legend.setFont(self._table.font())
        self._legend.set_theme(self._theme)
        self._show_detail(self._table.currentIndex())
        self._fit_columns()
        # Re-measure: the labels' heights, the badges' rows, the column heads' height.
        self._rows.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        self._table.updateGeometries()
        self._table.viewport().update()

    def _fit_columns(self) -> None:
        """The card columns share the table's width when they fit (up to a comfortable
        width each), and keep their zoomed width and scroll sideways when they do not."""
        count = self._model.columnCount()
        if not count:
            return
        zoom = self.zoom()
        room = self._table.viewport().width()
        fill = min(room // count, round(MAX_COLUMN_WIDTH * zoom))
        width = max(round(CARD_COLUMN_WIDTH * zoom), fill)
        # The default size, which every section not dragged by hand follows: no call per
        # column (a matrix of 10,000 cards has as many).
        self._columns.setDefaultSectionSize(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Once the layout has given the table its share of the new size.
        QTimer.singleShot(0, self, self._fit_columns)

    def _show_detail(self, index: Index) -> None:
        matrix = self._model.matrix
        # Chosen, not merely current: focus alone makes the first cell current, unselected.
        chosen = self._table.selectionModel().isSelected(index) and index.column() < len(
            matrix.columns
        )
        show_detail(self._splitter, self._detail, self.zoom(), chosen)
        if not chosen:
            return
        row = matrix.rows[index.row()]
        card = matrix.columns[index.column()]
        html = matrix_detail_html(row.topic, card, row.cells[index.column()], self._theme)
        self._detail.show_html(html, self._theme, self._point_size)

    def _on_selection(self) -> None:
        self._show_detail(self._table.currentIndex())  # a click selects after making current

    def _on_column_clicked(self, logical: int) -> None:
        card_id = self._model.headerData(logical, Qt.Orientation.Horizontal, CardIdRole)
        if isinstance(card_id, str):
            self.open_card.emit(card_id)
