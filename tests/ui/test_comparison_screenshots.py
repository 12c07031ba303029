"""Screenshots of the comparison views inside the window, light and dark, to look at.

Run with ``pytest -m screenshots tests/ui/test_comparison_screenshots.py``; images go to
``$BRIEFING_SCREENSHOTS`` or a temporary folder, printed at the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.cards.query import Query
from reader.qt.compat import protect_none
from reader.ui.compare.workspace import ViewKind
from tests.support.synthetic import write_set
from tests.ui.conftest import CRISIS_GROUP, LEVERAGE, SANCTIONS, MakeWindow, save_window

protect_none()
pytestmark = pytest.mark.screenshots


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)], ids=["1280", "1024"])
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_comparison_views_in_the_window(
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
    m = f"{mode.value}-{size[0]}"
    save_window(window, shots, f"{m}-compare-00-reading")

    window.comparisons.add(LEVERAGE)
    window.comparisons.add(CRISIS_GROUP)
    window.comparisons.add(SANCTIONS)
    window.commands.compare.trigger()
    qtbot.waitUntil(lambda: window.comparisons.comparing)
    qtbot.wait(50)
    save_window(window, shots, f"{m}-compare-01-side-by-side")
    view = window.workspace.compare_view()
    assert view is not None
    bar = view.table().verticalScrollBar()
    row = view.model().row_of("to:malian authorities")
    view.toggle_row(row)  # open the tall one-sided row, and scroll into it: the sticky label
    qtbot.wait(50)
    bar.setValue(bar.value() + view.table().rowViewportPosition(row) + 150)
    qtbot.wait(50)
    save_window(window, shots, f"{m}-compare-01b-inside-a-tall-row")

    for n, (action, kind) in enumerate(
        (
            (window.commands.topic_matrix, ViewKind.MATRIX),
            (window.commands.recommendations, ViewKind.LEDGER),
            (window.commands.timeline, ViewKind.TIMELINE),
        ),
        start=2,
    ):
        action.trigger()
        qtbot.waitUntil(lambda k=kind: window.workspace.current_kind() is k)
        qtbot.wait(50)
        save_window(window, shots, f"{m}-compare-{n:02d}-{kind.value}")
    window.appearance.set_zoom(3)
    for kind in ViewKind:
        window.workspace.show_view(kind)
        qtbot.wait(50)
        save_window(window, shots, f"{m}-compare-zoomed-{kind.value}")
    window.appearance.set_zoom(0)

    window.commands.back_to_reading.trigger()
    qtbot.waitUntil(lambda: not window.comparisons.comparing)
    save_window(window, shots, f"{m}-compare-05-back-to-reading")


@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_four_columns_and_a_fifty_card_matrix(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, shots: Path, mode: PaletteMode
) -> None:
    root = tmp_path / "fifty"
    write_set(root, 50, seed=2)
    window = make_window(root)
    window.resize(1280, 800)
    window.appearance.set_palette_mode(mode)
    m = mode.value
    for card_id in window.list_pane.visible_ids()[:4]:
        window.comparisons.add(card_id)
    window.comparisons.compare_basket()
    qtbot.waitUntil(lambda: window.comparisons.comparing)
    qtbot.wait(50)
    save_window(window, shots, f"{m}-compare-06-four-columns")
    window.commands.topic_matrix.trigger()
    qtbot.wait(50)
    save_window(window, shots, f"{m}-compare-07-fifty-card-matrix")
    window.session.set_query(Query(include_tags=("actor/wagner",)))
    qtbot.wait(50)
    save_window(window, shots, f"{m}-compare-08-filtered-matrix")
