"""Keeping the keyboard focus where it is going while the widget that has it is hidden.

The comparison views take the focus when shown (:meth:`ComparisonWorkspace.focus_view`), but
the list or the tab they replace is hidden first, and a hidden widget passes its focus to the
next one that takes it: the tag sidebar, which repainted itself whole on the way (110 rows,
some 30 ms of each view's command at 10,000 cards), only for the view to take it next.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def keep_focus(keeper: QWidget, *leaving: QWidget | None) -> None:
    """Give ``keeper`` (which stays on screen) the keyboard focus if it is in one of
    ``leaving``, about to be hidden; the caller gives it on to where it was going."""
    focus = QApplication.focusWidget()
    if focus is not None and any(w is not None and w.isAncestorOf(focus) for w in leaving):
        keeper.setFocus(Qt.FocusReason.OtherFocusReason)
