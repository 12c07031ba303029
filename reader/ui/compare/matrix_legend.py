"""Below the topic matrix: a one-line legend for its hatched cells, and the detail pane.

The hatching meant "not addressed" nowhere on screen (review P14; print writes "—"), and the
detail pane spent about 90 pixels on "Select a cell…" before any cell was chosen (#33). The
legend says both in one line; the detail pane opens below the table with the first cell
chosen, at :data:`DETAIL_HEIGHT` (zoomed), and the reader may drag it from there.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QWidget

from reader.render.theme import Theme
from reader.ui.compare.browser import SafeBrowser
from reader.ui.compare.matrix_cells import hatch
from reader.ui.labels import MutedLabel

DETAIL_HEIGHT = 90
LEGEND = (
    "Not addressed: the source is silent on the topic (a blindspot). "
    "Select a cell to read what its source says."
)


class MatrixLegend(QWidget):
    """The swatch and its meaning, one line under the table."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("matrixLegend")
        self.swatch = QLabel(self)
        self.swatch.setAccessibleName("Hatched cell")
        self.text = MutedLabel(self, accessible_name="Legend")
        self.text.setText(LEGEND)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(8)
        layout.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)

    def set_theme(self, theme: Theme) -> None:
        """The swatch drawn as the cells are, at the text's (zoomed) height."""
        side = self.text.fontMetrics().height()
        pixmap = QPixmap(QSize(2 * side, side))
        painter = QPainter(pixmap)
        hatch(painter, pixmap.rect(), theme)
        painter.setPen(QColor(theme.rule))
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
        painter.end()
        self.swatch.setPixmap(pixmap)


def show_detail(splitter: QSplitter, detail: SafeBrowser, zoom: float, shown: bool) -> None:
    """Open the detail pane under the table when a cell is chosen; close it when none is."""
    if shown == detail.isVisibleTo(splitter):
        return
    detail.setVisible(shown)
    if shown:
        height = round(DETAIL_HEIGHT * zoom)
        total = sum(splitter.sizes())
        splitter.setSizes([max(total - height, height), height])
