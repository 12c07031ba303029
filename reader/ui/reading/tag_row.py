"""How a row of the sidebar's tag tree is measured and drawn (the tree is in
:mod:`reader.ui.reading.sidebar`): the filter's marks only, the keyboard focus as an outline,
and a name too long for a narrow sidebar wrapped onto more lines rather than cut.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
)

from reader.qt.models import Index
from reader.render.tooltips import safe_tooltip
from reader.ui.reading.tag_tree_model import NAME

#: The keyboard focus's outline, in pixels.
FOCUS_LINE = 2
#: Lines a tag's name may take in a narrow sidebar before it is elided.
NAME_LINES = 3
#: Pixels a row of wrapped lines has to spare: the style never drops its last line, and the
#: name reads apart from the next.
WRAP_SLACK = 4
#: Row sizes the tree's delegate keeps before it starts again.
SIZES_KEPT = 5000
#: A cell's state without the style's hover box and focus frame (see TagRowDelegate), made
#: once: each operation on Qt's flags is Python's enum machinery, at every cell of every paint.
_UNMARKED = ~(QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_HasFocus)


def shown_lines(text: str, font: QFont, width: int) -> int:
    """How many lines the style shows of ``text`` wrapped at ``width``: up to
    :data:`NAME_LINES`, and no further than a line with a word wider than ``width`` (the style
    elides that line and shows none after it)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = 0
    while lines < NAME_LINES:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines += 1
        if line.naturalTextWidth() > width:
            break
    layout.endLayout()
    return max(1, lines)


class TagRowDelegate(QStyledItemDelegate):
    """Rows drawn with the filter's marks only: without the style's hover box (left where the
    mouse stopped after a click, it reads as one more highlighted tag) and with the keyboard
    focus as an outline, not the style's filled frame, which looks like the filter's tint.

    A name too long for the column wraps onto a second line rather than being cut ("The
    Euro…"): the sidebar is squeezed to its least width whenever the source pane or the editor
    opens, or the window is zoomed (review N10). A name longer still is elided on its second
    line, and its tooltip starts with it whole."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        #: Row sizes by (column, name, font, room): a filter change restyles every row and the
        #: tree asks each its size again, while names and widths rarely change.
        self._sizes: dict[tuple[int, str, str, int], QSize] = {}

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.state &= _UNMARKED

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else option.font
        name = index.column() == NAME
        text = str(index.data() or "") if name else ""
        room = self._text_width(index) if name else 0
        key = (index.column(), text, font.key(), room)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > SIZES_KEPT:
                self._sizes.clear()
            size = super().sizeHint(option, index)
            if name:
                lines = shown_lines(text, font, room)
                if lines > 1:
                    # The style lays the lines out as a text layout does, and drops one that
                    # does not fit whole, so the row leaves room for each line's full height
                    # (fractional) and the style's own few pixels.
                    more = math.ceil(QFontMetricsF(font).height() * (lines - 1)) + WRAP_SLACK
                    size = QSize(size.width(), size.height() + more)
            self._sizes[key] = size
        return size

    def _text_width(self, index: Index) -> int:
        """The room the name's text has: its column, less the indentation of its depth and
        the item's own margins (as the style lays it out)."""
        view = self._view
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        if view.rootIsDecorated():
            depth += 1
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
        column = view.header().sectionSize(NAME)
        return max(20, column - depth * view.indentation() - 2 * (margin + 1))

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        name = index.sibling(index.row(), NAME)
        label, tip = name.data(), name.data(Qt.ItemDataRole.ToolTipRole)
        if event.type() == QEvent.Type.ToolTip and tip:
            # Escaped: tags and their descriptions are the set's text, and Qt reads a tooltip
            # that looks like markup as rich text (whose document loads local files).
            text = f"{label}\n{tip}" if label and label not in tip else tip
            QToolTip.showText(event.globalPos(), safe_tooltip(text), view)
            return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.column() == NAME and option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_LINE)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = FOCUS_LINE // 2
            painter.drawRect(option.rect.adjusted(inset, inset, -inset - 1, -inset - 1))
            painter.restore()
