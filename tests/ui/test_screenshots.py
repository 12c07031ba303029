"""Screenshots of the window in each state, light and dark, for a person to look at.

Run with ``pytest -m screenshots tests/ui``; images go to ``$BRIEFING_SCREENSHOTS`` or a
temporary folder, printed at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.cards.query import Query
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow, laid_out, save_window

pytestmark = pytest.mark.screenshots


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_window_states(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window(card_set)
    window.resize(1280, 800)
    window.appearance.set_palette_mode(mode)
    qtbot.wait(50)
    m = mode.value
    save_window(window, shots, f"{m}-01-overview")

    window.session.set_query(Query(include_tags=("actor/wagner",)))
    window.session.open_card(CRISIS_GROUP)
    qtbot.wait(20)
    save_window(window, shots, f"{m}-02-wagner-card")

    bar = window.card_view.verticalScrollBar()
    qtbot.waitUntil(lambda: laid_out(window))
    for n, fraction in enumerate((0.25, 0.5, 0.75, 1.0), start=3):
        bar.setValue(int(bar.maximum() * fraction))
        save_window(window, shots, f"{m}-{n:02d}-card-scrolled-{int(fraction * 100)}")

    window.session.set_query(
        Query(include_tags=("actor/wagner",), publishers=frozenset({"International Crisis Group"}))
    )
    window.search.setFocus()
    qtbot.keyClicks(window.search, "ECOWAS")
    qtbot.waitUntil(lambda: window.session.query.text == "ECOWAS")
    window.commands.find_next.trigger()
    save_window(window, shots, f"{m}-07-search-ecowas")

    window.session.open_card(SANCTIONS)  # then filtered out: the card does not stay (N3)
    window.session.set_query(
        Query(include_tags=("theme",), exclude_tags=("actor/us-treasury", "theme/coups"))
    )
    save_window(window, shots, f"{m}-08-exclusions")

    window.session.set_query(
        Query(years=frozenset({2021}), publishers=frozenset({"International Crisis Group"}))
    )
    save_window(window, shots, f"{m}-09-no-match")

    window.session.set_query(Query())
    window.session.open_card(SANCTIONS)
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    save_window(window, shots, f"{m}-10-zoomed")
    window.commands.zoom_reset.trigger()

    path = card_set / "mali-sanctions-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("thesis:", "thesis: [", 1), "utf-8")
    (card_set / "extra.yaml").write_text("format: briefing-card/1\nid: Bad Id\n", "utf-8")
    qtbot.waitUntil(window.problems.isVisible, timeout=5000)
    save_window(window, shots, f"{m}-11-problems")

    window.resize(1024, 640)
    window.problems.hide()
    window.session.open_card(CRISIS_GROUP)
    save_window(window, shots, f"{m}-12-small-window")
    window.sidebar.tree.setFocus(Qt.FocusReason.TabFocusReason)
