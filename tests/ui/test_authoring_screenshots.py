"""Screenshots of the card editor beside the source pane, light and dark, at 1280×800 and
1024×700, for a person to look at.

Run with ``pytest -m screenshots tests/ui/test_authoring_screenshots.py``; images go to
``$BRIEFING_SCREENSHOTS`` or a temporary folder, printed at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.authoring.skeleton import source_title
from reader.ui import new_files
from reader.ui.preferences_dialog import PreferencesDialog
from tests.conftest import SHARED_SOURCES
from tests.ui.conftest import CRISIS_GROUP, MakeWindow, save_window
from tests.ui.evidence_support import open_checked

pytestmark = pytest.mark.screenshots
SIZES = ((1280, 800), (1024, 700))


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shipped set's sources are not here")
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_editor_beside_the_source(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window()
    window.sources.evidence.set_run_folder(SHARED_SOURCES)
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    window.appearance.set_palette_mode(mode)
    for width, height in SIZES:
        window.resize(width, height)
        open_checked(qtbot, window, CRISIS_GROUP)
        window.commands.edit_card.trigger()
        pane = window.sources.pane
        qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)  # noqa: B023
        editor = window.authoring.editor
        assert editor is not None
        editor.form.focus_path(("argument", 1, "where"))
        QApplication.processEvents()  # the pane narrowed for the editor: its text reflows
        window.show_item(CRISIS_GROUP, "argument", 1)
        save_window(window, shots, f"{mode.value}-{width}-editor-beside-source")
        window.commands.clear_search.trigger()  # Escape: back to the card


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shipped set's sources are not here")
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_new_card_beside_its_source_and_the_preferences(
    qtbot: QtBot,
    make_window: MakeWindow,
    card_set: Path,
    shots: Path,
    mode: PaletteMode,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.sources.evidence.set_run_folder(SHARED_SOURCES)
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    window.appearance.set_palette_mode(mode)
    window.resize(1024, 700)
    source = sorted(SHARED_SOURCES.glob("*.txt"))[0]
    monkeypatch.setattr(new_files, "ask_card_source", lambda *_args: source)
    monkeypatch.setattr(new_files, "ask_card_title", lambda _parent, text: source_title(text))
    window.commands.new_card.trigger()
    pane = window.sources.pane
    qtbot.waitUntil(lambda: pane.evidence is not None and pane.evidence.source is not None)
    save_window(window, shots, f"{mode.value}-1024-new-card-beside-source")
    dialog = PreferencesDialog(window.settings, window)
    dialog.show()
    QApplication.processEvents()
    assert dialog.grab().save(str(shots / f"{mode.value}-preferences.png"))
    dialog.close()
