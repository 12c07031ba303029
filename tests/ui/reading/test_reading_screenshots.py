"""Screenshots of the reading screen (tag tree, list, search results, status bar) at the two
window sizes the review used, light and dark, for a person to look at.

Run with ``pytest -m screenshots tests/ui/reading``; images go to ``$BRIEFING_SCREENSHOTS``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.cards.filters import Filter, FilterKind
from tests.ui.conftest import SANCTIONS, MakeWindow, save_window

pytestmark = pytest.mark.screenshots


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_reading_screen(
    qtbot: QtBot,
    make_window: MakeWindow,
    card_set: Path,
    shots: Path,
    mode: PaletteMode,
    size: tuple[int, int],
) -> None:
    window = make_window(card_set)
    window.resize(*size)
    window.appearance.set_palette_mode(mode)
    name = f"reading-{mode.value}-{size[0]}"
    window.session.open_card(SANCTIONS)
    qtbot.wait(50)
    save_window(window, shots, f"{name}-1-card")

    window.filtering.click(Filter(FilterKind.TAG, "actor/ecowas"), False)
    window.filtering.click(Filter(FilterKind.TAG, "actor/us-treasury"), True)
    save_window(window, shots, f"{name}-2-filtered")

    window.commands.clear_filters.trigger()
    window.search.setFocus()
    qtbot.keyClicks(window.search, '"cote d\'ivoire"')
    qtbot.waitUntil(lambda: bool(window.session.query.text))
    qtbot.wait(50)
    save_window(window, shots, f"{name}-3-search")
