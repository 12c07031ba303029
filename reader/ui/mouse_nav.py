"""The mouse's back and forward buttons, anywhere in the window, walk the history.

Child widgets (the card view especially) would otherwise eat the button events, so the filter
sits on the application and only acts on presses inside the window it serves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class MouseNavigation(QObject):
    def __init__(
        self, window: QWidget, back: Callable[[], object], forward: Callable[[], object]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._back = back
        self._forward = forward

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the cheap test first (asking an
        # event its type makes a Python enum each time).
        if not isinstance(event, QMouseEvent) or event.type() != QEvent.Type.MouseButtonRelease:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if event.button() == Qt.MouseButton.BackButton:
            self._back()
            return True
        if event.button() == Qt.MouseButton.ForwardButton:
            self._forward()
            return True
        return False
