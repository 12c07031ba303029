"""Dropping a folder on a window opens it; anything else dropped is refused.

An event filter rather than the window's own drag handlers, so the window only says what a
dropped folder does (``dropped``) and this module says what counts as one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_folder(urls: list[QUrl]) -> Path | None:
    """The one local folder among ``urls``, or None (files, several, remote)."""
    local = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    if len(local) == 1 and local[0].is_dir():
        return local[0]
    return None


class FolderDrop(QObject):
    #: A folder was dropped on the target.
    dropped = Signal(Path)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # By type: a drag's enter and move events are QDropEvents too.
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            mime = event.mimeData()
            if mime.hasUrls() and dropped_folder(mime.urls()) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            folder = dropped_folder(event.mimeData().urls())
            if folder is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            self.dropped.emit(folder)
            return True
        return super().eventFilter(watched, event)
