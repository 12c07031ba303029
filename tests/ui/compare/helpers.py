"""Driving the comparison views like a person: header drags, clicks on links in cells."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def _send(widget: QWidget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 8) -> None:
    """Press, move in steps with the button held, release: what QTest.mouseMove cannot do."""
    left = Qt.MouseButton.LeftButton
    _send(widget, QEvent.Type.MouseButtonPress, start, left)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        _send(widget, QEvent.Type.MouseMove, point, left)
    _send(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def double_click(widget: QWidget, pos: QPoint) -> None:
    """A real double click: press and release, then the double-click press and release.

    ``QTest.mouseDClick`` alone sends no first press, so views never see the item pressed.
    """
    left = Qt.MouseButton.LeftButton
    QTest.mouseClick(widget, left, Qt.KeyboardModifier.NoModifier, pos)
    QTest.mouseDClick(widget, left, Qt.KeyboardModifier.NoModifier, pos)


def anchor_point(doc: QTextDocument, href: str) -> QPointF:
    """A point just inside the right end of the link ``href`` in ``doc``, from its layout.

    The right end, because a click there misses the link (or hits the next one) if the
    view maps the click to the document even a few pixels off.
    """
    doc.size()  # lays the document out
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                end = fragment.position() + fragment.length() - block.position()
                layout = block.layout()
                line = layout.lineForTextPosition(end - 1)
                x = line.cursorToX(end)
                x = x[0] if isinstance(x, tuple) else x
                top = doc.documentLayout().blockBoundingRect(block).topLeft()
                return QPointF(top.x() + x - 2, top.y() + line.y() + line.height() / 2)
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the document")
