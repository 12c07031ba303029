"""Screenshots of the source pane and the card's evidence, light and dark, for a person to look
at: the shipped set with its sources (when ../shared/sources is here) and the fictional
evidence set's suspect marks.

Run with ``pytest -m screenshots tests/ui/test_source_screenshots.py``; images go to
``$BRIEFING_SCREENSHOTS`` or a temporary folder, printed at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from tests.conftest import SHARED_SOURCES
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, save_window
from tests.ui.evidence_support import DAM_WRONG, copy_evidence, open_checked

pytestmark = pytest.mark.screenshots
SIZES = ((1280, 800), (1024, 700))


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shipped set's sources are not here")
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_source_pane_on_the_shipped_set(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window()
    window.sources.evidence.set_run_folder(SHARED_SOURCES)
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    window.appearance.set_palette_mode(mode)
    for width, height in SIZES:
        name = f"{mode.value}-{width}"
        window.resize(width, height)
        window.session.open_card(None)
        qtbot.waitUntil(lambda: window.sources.evidence.set_health is not None)
        save_window(window, shots, f"{name}-01-overview-evidence")
        open_checked(qtbot, window, CRISIS_GROUP)
        window.show_item(CRISIS_GROUP, "argument", 3)  # a list of ranges
        qtbot.waitUntil(lambda: window.sources.pane.highlighted() != [])
        save_window(window, shots, f"{name}-02-locator-passage")
        window.sources.show_cite("quotes", 1)
        save_window(window, shots, f"{name}-03-quote-marked")
        window.commands.next_cited.trigger()
        window.commands.zoom_in.trigger()
        save_window(window, shots, f"{name}-04-next-cited-zoomed")
        window.commands.zoom_reset.trigger()
        window.sources.set_open(False)


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_suspect_marks(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence", sources_line=True))
    window.appearance.set_palette_mode(mode)
    window.resize(1280, 800)
    open_checked(qtbot, window, DAM_WRONG)
    window.problems.show()
    qtbot.waitUntil(lambda: window.problems.model.rowCount() > 0)
    window.commands.next_cited.trigger()
    save_window(window, shots, f"{mode.value}-05-suspect-marks")
