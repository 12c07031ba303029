"""Copy with Citation in the window: a quote or a point, right-clicked or at the cursor, goes to
the clipboard with its source and locator, as plain text and as Markdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from reader.ui.reading.card_view import CardView
from reader.ui.reading.copy_citation import COPIED, MARKDOWN, NO_ITEM
from tests.ui.conftest import CRISIS_GROUP

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SOURCE = "International Crisis Group, Mali: Avoiding The Trap Of Isolation, 9 February 2023"
SOURCE_MD = "International Crisis Group, *Mali: Avoiding The Trap Of Isolation*, 9 February 2023"
QUOTE = (
    "Western partners should not distil the growing opposition to their policies in Mali "
    "down to a Russian-led disinformation campaign."
)
CLAIM = "By binding itself to Moscow, Mali risks international isolation"
#: The offscreen platform's notes on popups (raise(), grabbing the keyboard).
POPUPS = pytest.mark.qt_log_ignore("This plugin does not support")


def text_point(view: CardView, text: str, *, offset: int = 5) -> QPoint:
    """A point on ``text`` in the card view, scrolled into view; the text cursor stays at the
    top of the card, so only the point says which item is meant."""
    found = view.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the card"
    at = QTextCursor(view.document())
    at.setPosition(found.selectionStart() + offset)
    view.setTextCursor(at)  # scrolls to it
    bar = view.verticalScrollBar()
    shown = bar.value()
    view.setTextCursor(QTextCursor(view.document()))
    bar.setValue(shown)
    return view.cursorRect(at).center()


def context_menu(qtbot: QtBot, view: CardView, point: QPoint, choose: str | None) -> list[str]:
    """Right-click ``point``; trigger the entry ``choose`` (None: none). The menu's entries."""
    offered: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(a.text() for a in menu.actions() if not a.isSeparator())
        chosen = [a for a in menu.actions() if a.text() == choose]
        if chosen:
            chosen[0].trigger()
        menu.close()

    QTimer.singleShot(0, pick)
    viewport = view.viewport()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)),
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # The offscreen platform leaves no window active once a popup closes; a desktop would.
    view.window().activateWindow()
    qtbot.waitUntil(view.window().isActiveWindow)
    return offered


def clipboard() -> tuple[str, str]:
    data = QApplication.clipboard().mimeData()
    return data.text(), bytes(data.data(MARKDOWN).data()).decode("utf-8")


@POPUPS
def test_a_quote_right_clicked_is_copied_with_its_source_and_locator(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    QApplication.clipboard().setText("before")
    view = window.card_view
    offered = context_menu(qtbot, view, text_point(view, QUOTE[:30]), "Copy with &Citation")
    assert offered[0] == "Copy with &Citation"  # first, before the standard Copy
    qtbot.waitUntil(lambda: clipboard()[0] != "before")
    assert clipboard() == (f"“{QUOTE}” — {SOURCE}, §V ¶6", f"> “{QUOTE}”\n> — {SOURCE_MD}, §V ¶6\n")
    assert window.status.currentMessage() == COPIED


@POPUPS
def test_a_point_by_its_number_or_with_ctrl_shift_c_at_the_cursor(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    card = window.session.catalog.card(CRISIS_GROUP)  # type: ignore[union-attr]
    assert card is not None
    claim = " ".join(card.argument[1].claim.split())
    expected = (f"{claim} — {SOURCE}, §I ¶5", f"> {claim}\n> — {SOURCE_MD}, §I ¶5\n")

    # The point's number, in the cell beside its text, stands for the point too.
    number = text_point(view, CLAIM) - QPoint(40, 0)
    assert view.cursorForPosition(number).block().text() == "2"
    context_menu(qtbot, view, number, "Copy with &Citation")
    assert clipboard() == expected

    QApplication.clipboard().setText("before")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=text_point(view, CLAIM))
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    assert clipboard() == expected


@POPUPS
def test_no_citation_outside_the_items(qtbot: QtBot, window: MainWindow) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    card = window.session.catalog.card(CRISIS_GROUP)  # type: ignore[union-attr]
    assert card is not None
    thesis = text_point(view, card.thesis[:40])
    assert "Copy with &Citation" not in context_menu(qtbot, view, thesis, None)
    QApplication.clipboard().setText("before")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=thesis)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    assert QApplication.clipboard().text() == "before"
    assert window.status.currentMessage() == NO_ITEM
