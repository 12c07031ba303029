"""A header whose sections are word-wrapped rich text, in the theme's colours.

Row labels such as "The transitional authorities, like all their allies" or a topic with its
"stances differ" mark do not fit on one line, and neither does "International Crisis Group,
9 February 2023" over a narrow matrix column; Qt's own header neither wraps nor styles. As a
vertical header it stays put when the table scrolls sideways, which is what keeps the topic
labels in view across a fifty-column matrix.

A vertical header can be sticky (:meth:`HtmlHeader.make_sticky`): the label of a row taller
than the screen stays at the top while the reader scrolls through that row, and is pushed up
only by the row's end, so the text beside it never loses its topic or addressee.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QHeaderView, QScrollBar, QWidget

from reader.render.theme import LIGHT, Theme
from reader.ui.compare.delegate import draw_document
from reader.ui.compare.documents import CellDocuments
from reader.ui.compare.roles import HtmlRole
from reader.ui.compare.turns import DrawsRows

PAD_X = 8
PAD_Y = 6
_CACHE_LIMIT = 500


class HtmlHeader(DrawsRows, QHeaderView):
    """``width``: a vertical header's fixed width, or a horizontal section's default width."""

    def __init__(
        self, orientation: Qt.Orientation, width: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(orientation, parent)
        self._width = width
        self._theme = LIGHT
        self._point_size = 10.0
        self._documents = CellDocuments()
        self._cache: dict[tuple[str, int], QTextDocument] = {}
        self._sticky = False
        #: A horizontal header's height comes from these sections' HTML, when given.
        self._samples: tuple[str, ...] | None = None
        self._hint: tuple[tuple[str, ...], int, QSize] | None = None
        self.setSectionsClickable(True)
        if orientation == Qt.Orientation.Horizontal:
            self.setDefaultSectionSize(width)

    def make_sticky(self, scrolled_by: QScrollBar) -> None:
        """Keep a tall row's label in view while ``scrolled_by`` scrolls through the row.

        The header scrolls by moving its pixels, which would move a kept label too: every
        scroll repaints it.
        """
        self._sticky = True
        scrolled_by.valueChanged.connect(self.viewport().update)

    def set_width(self, width: int) -> None:
        """A vertical header's width (it grows with the zoom), or the default section width."""
        self._width = width
        self._forget()
        if self.orientation() == Qt.Orientation.Horizontal:
            self.setDefaultSectionSize(width)
        self.updateGeometry()

    def set_height_samples(self, samples: tuple[str, ...]) -> None:
        """A horizontal header is as tall as the tallest of ``samples`` (HTML), laid out at
        the default section width, rather than of the two hundred sections Qt would measure:
        a few dozen documents instead of 200 at each reset of a wide table."""
        self._samples = samples
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        if self._samples is None or self.orientation() == Qt.Orientation.Vertical:
            return super().sizeHint()
        width = self.defaultSectionSize()
        if self._hint is None or self._hint[:2] != (self._samples, width):
            text_width = max(width - 2 * PAD_X, 20)
            tallest = max(
                (self._laid_out(html, text_width).size().height() for html in self._samples),
                default=0.0,
            )
            self._hint = (self._samples, width, QSize(width, int(tallest) + 2 * PAD_Y + 1))
        return QSize(self._hint[2])

    def label_rect(self, section: int) -> QRect:
        """Where ``section``'s label is drawn, in viewport coordinates."""
        position = self.sectionViewportPosition(section)
        size = self.sectionSize(section)
        if self.orientation() == Qt.Orientation.Horizontal:
            return QRect(position, 0, size, self.viewport().height())
        rect = QRect(0, position, self.viewport().width(), size)
        if not self._sticky or rect.top() >= 0:
            return rect
        height = int(self._document(section).size().height()) + 2 * PAD_Y
        # At the viewport's top while the row goes on below it; then going out with the row.
        top = min(0, rect.bottom() + 1 - height)
        return QRect(0, top, rect.width(), min(height, rect.height()))

    def set_style(self, theme: Theme, point_size: float) -> None:
        self._theme = theme
        self._point_size = point_size
        self._forget()
        self._hint = None
        palette = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Button):
            palette.setColor(role, QColor(theme.chip.background))
        self.setPalette(palette)
        self.updateGeometry()
        self.viewport().update()

    def _text_width(self, section: int) -> int:
        if self.orientation() == Qt.Orientation.Vertical:
            width = self._width
        else:
            width = self.sectionSize(section) or self._width
        return max(width - 2 * PAD_X, 20)

    def _forget(self) -> None:
        self._cache.clear()
        self._documents.release()

    def _document(self, section: int) -> QTextDocument:
        model = self.model()
        html = model.headerData(section, self.orientation(), HtmlRole) if model else None
        if not isinstance(html, str):
            text = model.headerData(section, self.orientation()) if model else ""
            html = "" if text is None else str(text)
        return self._laid_out(html, self._text_width(section))

    def _laid_out(self, html: str, width: int) -> QTextDocument:
        doc = self._cache.get((html, width))
        if doc is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._forget()  # keyed by text: stale labels only cost memory
            doc = self._documents.make(html, self._theme, self._point_size, width)
            self._cache[(html, width)] = doc
        return doc

    def sectionSizeFromContents(self, section: int) -> QSize:
        height = int(self._document(section).size().height()) + 2 * PAD_Y + 1
        if self.orientation() == Qt.Orientation.Vertical:
            return QSize(self._width, height)
        return QSize(self.sectionSize(section) or self._width, height)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        self.drawing()  # a view job stands aside (.turns)
        if not rect.isValid():
            return
        # Flat, in the theme's colours rather than the style's bevel: the labels are part of
        # the page the cells make, whichever palette the window uses.
        painter.save()
        painter.fillRect(rect, QColor(self._theme.chip.background))
        painter.setPen(QColor(self._theme.rule))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.setClipRect(rect)
        top = rect.top()
        if self._sticky and self.orientation() == Qt.Orientation.Vertical:
            top = self.label_rect(section).top()
        painter.translate(rect.left() + PAD_X, top + PAD_Y)
        draw_document(painter, self._document(section), self._theme)
        painter.restore()
