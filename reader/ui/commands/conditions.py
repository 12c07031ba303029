"""Why a window command cannot run now: the ``when`` rules the menu modules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

NEEDS_SET = "Open a set of cards first."
#: Why Add Selection as Quote cannot run: no card is edited beside its shown source.
NOT_EDITING = "Edit a card whose source is shown (Edit Card), then select words in it."


def toggle(widget: QWidget) -> None:
    """Show ``widget`` if hidden, else hide it (the View menu's panes)."""
    widget.setVisible(widget.isHidden())


def back_reason(w: MainWindow) -> str | None:
    return None if w.session.history.can_go_back() else "Nothing to go back to yet."


def forward_reason(w: MainWindow) -> str | None:
    return None if w.session.history.can_go_forward() else "Nothing to go forward to."


def set_reason(w: MainWindow) -> str | None:
    return None if w.session.catalog is not None else NEEDS_SET


def card_reason(w: MainWindow) -> str | None:
    return None if w.session.current_id is not None else "Open a card first."
