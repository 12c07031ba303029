"""The mouse's back and forward buttons, anywhere in the window, walk the history.

Child widgets (the card view especially) would otherwise eat the button events, so the filter
sits on the window's platform window (its :class:`QWindow`), which every mouse event of the
window passes before Qt hands it to the widget under the pointer. An application-wide filter
did the same but was entered, in Python, for every event of every widget: ~100 times in the
turn that opens a comparison view, each entry waiting for the interpreter's lock beside a
background job. The platform window sees only the window's input and exposure.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class MouseNavigation(QObject):
    """Calls ``back`` or ``forward`` when the mouse's back or forward button is released
    over ``window``, and keeps the event from the widget under the pointer."""

    def __init__(
        self, window: QWidget, back: Callable[[], object], forward: Callable[[], object]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._back = back
        self._forward = forward
        # The platform window is made when the window is first shown (and again if Qt
        # recreates it): the widget's own events say when.
        window.installEventFilter(self)
        self._watch_handle()

    def _watch_handle(self) -> None:
        handle = self._window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)  # installing twice keeps one entry

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.WinIdChange:
                self._watch_handle()
            return False
        if not isinstance(event, QMouseEvent) or event.type() != QEvent.Type.MouseButtonRelease:
            return False
        if event.button() == Qt.MouseButton.BackButton:
            self._back()
            return True
        if event.button() == Qt.MouseButton.ForwardButton:
            self._forward()
            return True
        return False
