"""The card's section strip is one row that never paints over itself (review N1, P2): the
sections that do not fit go into a More menu, at any width and zoom, and after another card
with other sections replaced the buttons."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.render import card_sections
from reader.ui.main_window import MainWindow
from reader.ui.reading.outline import MARGINS, MORE, CardOutline, SectionButton
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow


def one_clean_row(outline: CardOutline) -> bool:
    """Every visible button whole (as wide as its text needs), inside the strip, on one row,
    and none over another; the strip itself one row tall."""
    shown = [b for b in outline.findChildren(SectionButton) if b.isVisible()]
    row = max(b.sizeHint().height() for b in shown)
    if outline.height() > MARGINS[1] + row + MARGINS[3]:
        return False
    if any(b.width() < b.sizeHint().width() for b in shown):
        return False
    if any(not outline.rect().contains(b.geometry()) for b in shown):
        return False
    if len({b.y() for b in shown}) != 1:
        return False
    return not any(a.geometry().intersects(b.geometry()) for a, b in combinations(shown, 2))


def test_the_strip_is_one_row_at_any_width_and_zoom(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window: MainWindow = make_window(card_set)
    window.resize(1280, 800)
    outline = window.aids.outline
    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: one_clean_row(outline))
    # A page without sections (no card matches), then a card: the strip's buttons are made
    # again, and the old ones are gone from it at once, not painted under the new ones.
    sanctions = window.session.card(SANCTIONS)
    assert sanctions is not None
    outline.show_sections(())
    outline.show_sections(card_sections(sanctions))
    assert one_clean_row(outline)
    window.session.open_card(SANCTIONS)
    # Narrow and zoomed: fewer sections fit, the rest are in the More menu.
    window.resize(1024, 700)
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    qtbot.waitUntil(lambda: one_clean_row(outline) and bool(outline.hidden_sections()))
    more = outline.more_button()
    assert more.isVisible()
    assert more.text() == MORE
    menu = more.menu()
    hidden = outline.hidden_sections()
    menu.aboutToShow.emit()  # as when it opens
    assert [a.text() for a in menu.actions()] == [
        b.text() for b in outline.buttons() if not b.isVisibleTo(outline)
    ]
    # A hidden section is reached from the menu; the More button then names and marks it.
    last = menu.actions()[-1]
    label = last.text()
    last.trigger()
    assert more.isChecked()
    assert more.text() == label
    assert outline.buttons()[-1].isChecked()
    assert hidden[-1] == outline.sections[-1].key
    qtbot.waitUntil(lambda: one_clean_row(outline))
    # From the keyboard More is then the strip's one Tab stop, between the list and the card.
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Tab)
    assert more.hasFocus()
    # Back to normal size and width: more sections fit again.
    window.commands.zoom_reset.trigger()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: len(outline.hidden_sections()) < len(hidden))
    qtbot.waitUntil(lambda: one_clean_row(outline))
