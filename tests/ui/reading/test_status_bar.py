"""The status bar and the chips through the real window: parts set apart, no nested quotes,
the tree's names (review #36); search messages that go when they stop holding (#23); an
exclusion's chip unlike an inclusion's (#37)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from reader.app import parser_gate
from reader.cards.filters import Filter, FilterKind
from reader.ui.main_window import MainWindow
from reader.ui.reading.status_bar import StatusBar
from tests.ui.conftest import SANCTIONS, MakeWindow


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search.setFocus()
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.query.text == text)


def test_the_status_bar_and_the_chips_name_the_filter_and_the_search_plainly(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    status = window.status
    search(qtbot, window, '"cote d\'ivoire"')
    assert status.filters.text() == 'Filter: search "cote d\'ivoire"'
    search(qtbot, window, "wagner")
    assert status.filters.text() == "Filter: search “wagner”"
    window.filtering.click(Filter(FilterKind.TAG, "actor/ecowas"), False)
    window.filtering.click(Filter(FilterKind.TAG, "actor/us-treasury"), True)
    assert status.filters.text() == (
        "Filter: ECOWAS, not The US Treasury Department, search “wagner”"
    )
    assert "actor/ecowas" in status.filters.toolTip()  # the slugs, on hover
    # A rule stands between the filter and the count, not a run-on phrase.
    rules = [w for w in status.findChildren(type(status._rule)) if w.isVisible()]
    left, right = status.filters.geometry(), status.shown.geometry()
    assert any(left.right() <= r.geometry().left() <= right.left() for r in rules)
    # An exclusion's chip does not look like an inclusion's (review #37).
    shown, hidden = window.list_pane.filter_bar.chips()
    assert shown.text() == "ECOWAS  ✕"
    assert hidden.text() == "⊘ not The US Treasury Department  ✕"
    button = QPalette.ColorRole.Button
    assert shown.palette().color(button) != hidden.palette().color(button)
    assert hidden.palette().color(button).red() > hidden.palette().color(button).blue()
    qtbot.mouseClick(hidden, Qt.MouseButton.LeftButton)
    assert window.session.query.exclude_tags == ()
    window.commands.clear_filters.trigger()
    assert not status.filters.isVisible()

    # A search's messages go when they stop holding (review #23).
    window.session.open_card(SANCTIONS)
    search(qtbot, window, "sanctions")
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Match 1 of"))
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)  # clears the search
    assert window.session.query.text == ""
    assert status.currentMessage() == ""
    search(qtbot, window, "zzqqxx")
    assert not window.session.matched
    window.commands.find_next.trigger()
    assert status.currentMessage() == "No card matches the search"


def parser_ready(monkeypatch: pytest.MonkeyPatch, ready: bool) -> None:
    """As if this process's card parser were made ready (or not yet: a window's first load)."""
    event = threading.Event()
    if ready:
        event.set()
    monkeypatch.setattr(parser_gate, "READY", event)


def test_loading_names_the_set_by_its_title_not_its_path(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """P9: "Loading /tmp/pytest-of-root/…" said where a copy lay, not which set it was."""
    parser_ready(monkeypatch, True)
    status = StatusBar()
    qtbot.addWidget(status)
    status.show_loading(str(card_set))
    assert status.currentMessage() == "Loading “Mali, Russia and the West”…"


def test_a_first_load_names_the_set_by_its_folder_until_its_catalog_names_it(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the parser is ready the title is not read (it would import YAML before a warm
    set is listed, #17 §4): the folder's name, then the title the set's catalog gives."""
    parser_ready(monkeypatch, False)
    status = StatusBar()
    qtbot.addWidget(status)
    status.show_loading(str(card_set))
    assert status.currentMessage() == f"Loading “{card_set.name}”…"
    status.name_loading("Mali, Russia and the West")
    assert status.currentMessage() == "Loading “Mali, Russia and the West”…"
    status.show_loaded(7, 0.1, None)
    status.name_loading("Another catalog of the set")  # a later catalog: the load has ended
    assert status.currentMessage() == "Loaded 7 cards in 0.10 s"
