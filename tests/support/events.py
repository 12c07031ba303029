"""Counting the events of one type a widget receives, for tests of what is painted when."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class EventCount(QObject):
    """How many events of ``kind`` ``widget`` has received since this was made (or until
    :meth:`stop`)."""

    def __init__(self, widget: QWidget, kind: QEvent.Type) -> None:
        super().__init__(widget)
        self.count = 0
        self._kind = kind
        self._widget = widget
        widget.installEventFilter(self)

    def stop(self) -> None:
        """Count no more."""
        self._widget.removeEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == self._kind:
            self.count += 1
        return False
