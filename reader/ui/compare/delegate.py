"""Paints a cell's HTML word-wrapped to the column, and reports clicks on its links.

Row heights come from :meth:`HtmlDelegate.sizeHint` at the column's current width, so with the
vertical header in ResizeToContents mode every row is as tall as its longest cell and the
cells of a row stay aligned. Laid-out documents are cached by their HTML: a view repaints far
more often than its text changes, and when a column's width changes (the view is resized, or
laid out at its first width and then at its stretched one) the document is laid out again at
the new width rather than made anew.

A cell's document is the one cost of a row's first paint (a view of thousands measures the
rows it shows, each a document per column): :mod:`.documents` makes them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.qt.models import Index
from reader.render.theme import LIGHT, Theme
from reader.ui.compare.documents import CellDocuments
from reader.ui.compare.roles import HtmlRole
from reader.ui.compare.turns import DrawsRows
from reader.ui.focus import paint_focus

PAD_X = 8
PAD_Y = 6
_CACHE_LIMIT = 2000


def paint_context(theme: Theme) -> QAbstractTextDocumentLayout.PaintContext:
    """What a document is drawn with: the theme's text colour as the default.

    ``QTextDocument.drawContents`` takes its default text colour from the application
    palette, which may be light while the theme is dark (or the reverse).
    """
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(theme.text))
    return context


def draw_document(painter: QPainter, doc: QTextDocument, theme: Theme) -> None:
    """Draw ``doc`` at the painter's origin in the theme's text colour (:func:`paint_context`)."""
    doc.documentLayout().draw(painter, paint_context(theme))


class HtmlDelegate(DrawsRows, QStyledItemDelegate):
    #: A link in a cell was clicked: its href (``tag:…``).
    link_activated = Signal(str)

    def __init__(self, parent: QAbstractItemView, *, rules: bool = True) -> None:
        """``rules``: a faint line under each row (a table's rows; not a ledger's lines)."""
        super().__init__(parent)
        self._view = parent
        self._rules = rules
        self._theme = LIGHT
        self._point_size = 10.0
        self._documents = CellDocuments()
        self._cache: dict[str, QTextDocument] = {}
        #: Made once a theme, not at each of the thousands of cells a scroll paints.
        self._context = paint_context(LIGHT)
        self._rule = QColor(LIGHT.rule)

    def set_style(self, theme: Theme, point_size: float) -> None:
        self._theme = theme
        self._point_size = point_size
        self._forget()
        self._context = paint_context(theme)
        self._rule = QColor(theme.rule)

    def _forget(self) -> None:
        self._cache.clear()
        self._documents.release()

    def document(self, index: Index, width: int) -> QTextDocument:
        html = index.data(HtmlRole)
        text = html if isinstance(html, str) else ""
        text_width = max(width - 2 * PAD_X, 40)
        doc = self._cache.get(text)
        if doc is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._forget()
            doc = self._documents.make(text, self._theme, self._point_size, text_width)
            self._cache[text] = doc
        elif doc.textWidth() != text_width:
            doc.setTextWidth(text_width)
        return doc

    def _width(self, option: QStyleOptionViewItem, index: Index) -> int:
        width = option.rect.width()
        if width <= 0 and hasattr(self._view, "columnWidth"):
            width = self._view.columnWidth(index.column())
        return max(int(width), 60)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.drawing()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        # The cell's own background (a tint) but never the selection fill: theme colours on a
        # highlight colour can be unreadable. Selection shows as an outline instead.
        opt.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = option.rect
        doc = self.document(index, rect.width())
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left() + PAD_X, rect.top() + PAD_Y)
        doc.documentLayout().draw(painter, self._context)
        painter.restore()
        if selected:
            painter.save()
            pen = QPen(QColor(self._theme.accent))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()
        paint_focus(painter, option, filled=False)
        if not self._rules:
            return
        # A faint rule under each row: long cells need a visible boundary.
        painter.save()
        painter.setPen(self._rule)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.drawing()  # a row's rich text laid out: a view job stands aside (.turns)
        width = self._width(option, index)
        doc = self.document(index, width)
        return QSize(width, int(doc.size().height()) + 2 * PAD_Y + 1)

    def anchor_at(self, index: Index, rect_width: int, pos: QPointF) -> str:
        doc = self.document(index, rect_width)
        layout = doc.documentLayout()
        return layout.anchorAt(pos - QPointF(PAD_X, PAD_Y))

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return False
        assert isinstance(event, QMouseEvent)
        rect = option.rect
        href = self.anchor_at(index, rect.width(), event.position() - QPointF(rect.topLeft()))
        viewport = self._view.viewport()
        if kind == QEvent.Type.MouseMove:
            shape = Qt.CursorShape.PointingHandCursor if href else Qt.CursorShape.ArrowCursor
            viewport.setCursor(shape)
            return False
        if href and event.button() == Qt.MouseButton.LeftButton:
            self.link_activated.emit(href)
            return True
        return False
