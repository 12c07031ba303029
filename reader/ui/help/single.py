"""One Help window of each kind per main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QWidget

D = TypeVar("D", bound=QDialog)


def show_once(parent: QWidget, kind: type[D], make: Callable[[QWidget], D]) -> D:
    """The ``kind`` dialog of ``parent``, made by ``make`` the first time, shown in front."""
    dialog = parent.findChild(kind)
    if not isinstance(dialog, kind):
        dialog = make(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
