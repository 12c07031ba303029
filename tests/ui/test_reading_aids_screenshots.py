"""Screenshots of the card view with its outline, zoomed in and out, and of the overview, at
1280×800 and 1024×700, light and dark, for a person to look at.

Run with ``pytest -m screenshots tests/ui/test_reading_aids_screenshots.py``; images go to
``$BRIEFING_SCREENSHOTS`` or a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, laid_out, save_window

pytestmark = pytest.mark.screenshots


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_card_outline_and_zoom(
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
    name = f"aids-{mode.value}-{size[0]}"
    save_window(window, shots, f"{name}-1-overview")
    bar = window.card_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    save_window(window, shots, f"{name}-1b-overview-questions")
    window.session.open_card(CRISIS_GROUP)
    qtbot.waitUntil(lambda: laid_out(window))
    save_window(window, shots, f"{name}-2-card")
    window.aids.jump("argument")
    save_window(window, shots, f"{name}-3-argument")
    for _ in range(3):
        window.commands.zoom_in.trigger()
    window.aids.jump("recommendations")
    save_window(window, shots, f"{name}-4-zoomed-in")
    window.commands.zoom_reset.trigger()
    for _ in range(2):
        window.commands.zoom_out.trigger()
    window.aids.jump("argument")
    save_window(window, shots, f"{name}-5-zoomed-out")
    window.commands.zoom_reset.trigger()
    window.aids.jump("quotes")
    save_window(window, shots, f"{name}-6-quotes")
