"""The card's Source line through the window: its button says what a click does (review P3),
and the marks after the locators are explained on the card and the overview (review N14)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from tests.conftest import SHIPPED_CARDS
from tests.ui.conftest import CRISIS_GROUP, MakeWindow
from tests.ui.evidence_support import DAM, click_link, copy_evidence, open_checked


def text(window: MainWindow) -> str:
    return " ".join(window.card_view.toPlainText().split())


def test_show_source_becomes_hide_source_while_the_source_is_shown(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence"))
    open_checked(qtbot, window, DAM)
    assert "Show source ▸" in text(window)
    click_link(qtbot, window, "source:show")
    qtbot.waitUntil(lambda: "Hide source ◂" in text(window))
    assert window.sources.is_open()
    assert "Show source" not in text(window)
    click_link(qtbot, window, "source:hide")
    qtbot.waitUntil(lambda: "Show source ▸" in text(window))
    assert not window.sources.is_open()
    assert "After a locator: ✓ found in the source" in text(window)


def test_the_shipped_sets_overview_and_cards_say_their_sources_are_not_found(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(SHIPPED_CARDS)
    qtbot.waitUntil(lambda: window.sources.evidence.set_health is not None)
    qtbot.waitUntil(lambda: "Evidence:" in text(window))
    assert "Evidence: source texts not found for any of the 3 cards" in text(window)
    assert "choose Locate… on its Source line" in text(window)
    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: "○ after a locator" in text(window))
    assert "it cannot be checked until the source text is found" in text(window)
