"""A focus ring for the text views (the card, the source pane, the Help guide) and their links.

A text browser has no current item for the style to frame: Tab into the card showed nothing,
and a link reached with Tab got Qt's 1-pixel dotted outline (#29). Each text browser that takes
the focus gets a :class:`FocusRing`, a see-through layer over it that, while the browser has the
keyboard focus, draws a 2-pixel frame inside its edge and a frame round the link the focus is
on, in the item views' focus colour (:func:`reader.ui.contrast.focus_colour`). The browser's
own drawing (search marks, selections) is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from reader.ui.contrast import focus_colour

#: The frame's width in device-independent pixels (as the item views').
WIDTH = 2


def link_rects(view: QTextBrowser) -> list[QRect]:
    """The link the browser's keyboard focus is on, as one rectangle per line, in viewport
    coordinates (none when the focus is on no link)."""
    cursor = view.textCursor()
    if not cursor.hasSelection():
        return []
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    probe = QTextCursor(view.document())
    probe.setPosition(start + 1)
    if not probe.charFormat().isAnchor():
        return []
    lines: dict[int, QRect] = {}
    for position in range(start, end + 1):
        probe.setPosition(position)
        rect = view.cursorRect(probe)
        line = lines.get(rect.top())
        lines[rect.top()] = rect if line is None else line.united(rect)
    return [r.adjusted(-3, -1, 3, 1) for r in lines.values() if r.width() > 1]


class FocusRing(QWidget):
    """The see-through layer over ``view`` that shows where its keyboard focus is."""

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._view = view
        view.installEventFilter(self)
        view.cursorPositionChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        self.setGeometry(view.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.setGeometry(self._view.rect())
        elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.raise_()
            self.update()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        if not view.hasFocus():
            return
        painter = QPainter(self)
        pen = QPen(focus_colour(view.palette()), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -WIDTH, -WIDTH))
        origin = view.viewport().geometry().topLeft()
        painter.setClipRect(view.viewport().geometry())
        for rect in link_rects(view):
            painter.drawRoundedRect(rect.translated(origin), 2, 2)
        painter.end()


class FocusRings(QObject):
    """Gives each text browser that takes the keyboard focus its :class:`FocusRing`, views made
    later too. It follows the application's focus changes, a signal sent once per change: an
    application-wide event filter did the same but was entered, in Python, for every event of
    every widget."""

    def give_ring(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The slot for :attr:`QApplication.focusChanged`."""
        if (
            isinstance(new, QTextBrowser)
            and new.findChild(FocusRing, options=Qt.FindChildOption.FindDirectChildrenOnly) is None
        ):
            FocusRing(new).update()


def install_focus_rings(app: QApplication) -> None:
    """Give the application's text views their focus rings, once (its one
    :class:`FocusRings` is its child)."""
    if app.findChild(FocusRings, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
        app.focusChanged.connect(FocusRings(app).give_ring)
