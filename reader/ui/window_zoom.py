"""Zoom for the whole window, not only the card: the tag tree, the card list, the status bar,
the toolbar and every label scale with Ctrl+= and Ctrl+-, as in Calibre or a browser.

The card and the comparison views size their own text from the zoom already
(:meth:`reader.ui.appearance.Appearance.reading_point_size` and
:meth:`~reader.ui.appearance.Appearance.comparison_point_size`, through the window's
``set_style``); this gives the window's own font the same factor. A widget inherits its
parent's font unless it set one of its own, so one :meth:`QWidget.setFont` on the window
reaches every widget that did not, and item views lay their rows out again on the change. The
few that chose a size of their own (the set's title, a pane's heading) are scaled from the size
they chose. The comparison workspace is left to its views, which measure themselves from the
point size they are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QStatusBar, QWidget

from reader.ui.actions import key_text
from reader.ui.appearance import Appearance
from reader.ui.zoom_indicator import ZoomIndicator

#: The dynamic property that keeps the point size a widget chose for itself, before zoom.
BASE_SIZE = "readerUnzoomedPointSize"


class WindowZoom(QObject):
    """Applies the appearance's zoom to ``window``'s font and shows it in ``status``."""

    def __init__(
        self,
        window: QWidget,
        appearance: Appearance,
        status: QStatusBar,
        reset: QAction,
        *,
        own_sizes: Sequence[QWidget] = (),
        documents: Sequence[QWidget] = (),
    ) -> None:
        super().__init__(window)
        self._window = window
        self._appearance = appearance
        self._reset = reset
        #: Parts that size their text themselves from the zoom (not scaled here again).
        self._own_sizes = tuple(own_sizes)
        self._base = QFont(window.font())
        #: Text views whose documents are typeset at the zoomed reading size: a QTextEdit
        #: hands its widget font to its document on a font change, which would undo that.
        self._documents = tuple(documents)
        for view in self._documents:
            view.installEventFilter(self)
        self.indicator = ZoomIndicator(status)
        self.indicator.clicked.connect(lambda: appearance.set_zoom(0))
        status.addPermanentWidget(self.indicator)
        appearance.changed.connect(self.apply)
        self.apply()

    def add_part(self, part: QWidget, document: QWidget) -> None:
        """A part made after the window (the source pane), whose text view ``document`` is
        typeset as the others. Made inside the zoomed window, the fonts its widgets chose
        from the window's (a bold title) are zoomed already: the sizes they chose are noted
        unzoomed, as if the part had been there when the zoom was first applied."""
        scale = self.scale
        for widget in (part, *part.findChildren(QWidget)):
            size = widget.font().pointSizeF()
            chose = widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and size > 0
            if chose and widget.property(BASE_SIZE) is None:
                widget.setProperty(BASE_SIZE, size / scale)
        self._documents = (*self._documents, document)
        document.installEventFilter(self)

    @property
    def scale(self) -> float:
        return self._appearance.scale

    def apply(self) -> None:
        """Give the window's font, and each font a widget chose, the current zoom."""
        scale = self.scale
        font = QFont(self._base)
        if self._base.pointSizeF() > 0:
            font.setPointSizeF(self._base.pointSizeF() * scale)
        else:  # a pixel-sized font
            font.setPixelSize(max(1, round(self._base.pixelSize() * scale)))
        if font != self._window.font():
            self._window.setFont(font)
        for widget in self._window.findChildren(QWidget):
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) and not self._own(widget):
                self._scale_own_font(widget, scale)
        self.indicator.show_scale(scale, key_text(self._reset))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep a text view's font change from its document (its own children, the card's
        outline, still follow the window's font)."""
        return event.type() == QEvent.Type.FontChange and watched in self._documents

    def _own(self, widget: QWidget) -> bool:
        return any(part is widget or part.isAncestorOf(widget) for part in self._own_sizes)

    @staticmethod
    def _scale_own_font(widget: QWidget, scale: float) -> None:
        base = widget.property(BASE_SIZE)
        font = widget.font()
        if base is None:
            if font.pointSizeF() <= 0:
                return
            base = font.pointSizeF()
            widget.setProperty(BASE_SIZE, base)
        size = float(base) * scale
        if abs(font.pointSizeF() - size) > 0.01:
            font.setPointSizeF(size)
            widget.setFont(font)
