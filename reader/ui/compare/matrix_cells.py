"""How the topic matrix paints a cell: a stance as a coloured pill, a blindspot hatched.

Apart from the view (:mod:`.matrix`) so that the legend under it (:mod:`.matrix_legend`)
draws its swatch with the very hatching the cells use.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.cards.model import Perspective
from reader.qt.models import Index
from reader.render.theme import LIGHT, Theme
from reader.ui.compare.roles import PerspectiveRole
from reader.ui.compare.turns import DrawsRows
from reader.ui.focus import paint_focus

CARD_COLUMN_WIDTH = 128


def hatch(painter: QPainter, rect: QRect, theme: Theme) -> None:
    """A blindspot's cell: the background, hatched (the matrix's cells and the legend's)."""
    painter.fillRect(rect, QColor(theme.background))
    painter.fillRect(rect, QBrush(QColor(theme.quote_rule), Qt.BrushStyle.BDiagPattern))


class BadgeDelegate(DrawsRows, QStyledItemDelegate):
    """A stance as a coloured pill; a blindspot as a hatched, empty cell."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._theme = LIGHT
        self._font = QFont()

    def set_style(self, theme: Theme, font: QFont) -> None:
        """The theme's colours and the view's (zoomed) font, which the badges are set in.

        Kept here rather than read from each call's option: PySide may have let go of the
        option's font by the time a size is asked for.
        """
        self._theme = theme
        self._font = QFont(font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.drawing()  # a view job stands aside (.turns)
        rect: QRect = option.rect
        theme = self._theme
        painter.save()
        persp = index.data(PerspectiveRole)
        if isinstance(persp, Perspective):
            painter.fillRect(rect, QColor(theme.background))
            self._badge(painter, rect, persp.stance, self._font)
        else:
            hatch(painter, rect, theme)
        painter.setPen(QColor(theme.rule))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(QColor(theme.accent))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()
        paint_focus(painter, option, filled=False)

    def _badge(self, painter: QPainter, rect: QRect, stance: str, base: QFont) -> None:
        """The pill, in the view's (zoomed) font: the badges grow with the text."""
        swatch = self._theme.stance(stance)
        font = QFont(base)
        font.setBold(True)
        metrics = QFontMetrics(font)
        text = metrics.elidedText(stance.strip(), Qt.TextElideMode.ElideRight, rect.width() - 20)
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 6
        pill = QRect(0, 0, width, height)
        pill.moveCenter(rect.center())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(swatch.background))
        painter.drawRoundedRect(pill, 4, 4)
        painter.setFont(font)
        painter.setPen(QColor(swatch.text))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Room around the pill in proportion to the text, so a zoomed badge is not cramped.
        metrics = QFontMetrics(self._font)
        return QSize(CARD_COLUMN_WIDTH, 2 * metrics.height() + 4)
