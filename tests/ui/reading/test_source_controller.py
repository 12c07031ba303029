"""The source pane is made when first used, not with the window (#17 §4): until then the
window asks its commands' rules without making it, and once made it is zoomed and reached by
Tab as a pane made with the window was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.ui.commands.conditions import NOT_EDITING
from reader.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow
from tests.ui.evidence_support import DAM, open_checked
from tests.ui.test_source_pane import dam_window


def test_the_window_lists_and_asks_its_rules_without_making_the_pane(window: MainWindow) -> None:
    window.commands.refresh()
    assert window.sources.made_pane is None
    add_quote = window.commands.add_quote
    assert not add_quote.isEnabled()
    assert add_quote.toolTip() == NOT_EDITING
    assert window.sources.made_pane is None  # asking why made nothing


def _zoomed_pane(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, *, zoom_first: bool
) -> MainWindow:
    window = dam_window(make_window, tmp_path / ("zoom-first" if zoom_first else "pane-first"))
    open_checked(qtbot, window, DAM)
    steps = [window.commands.zoom_in, window.commands.show_source]
    for action in steps if zoom_first else reversed(steps):
        action.trigger()
    view = window.sources.pane.view
    qtbot.waitUntil(lambda: view.source_layout is not None)
    return window


def test_a_pane_made_after_a_zoom_is_zoomed_and_ordered_as_one_made_before(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    before = _zoomed_pane(qtbot, make_window, tmp_path, zoom_first=False)
    after = _zoomed_pane(qtbot, make_window, tmp_path, zoom_first=True)
    for window in (before, after):
        # The title chose a bold copy of the window's font: zoomed with it, not once more as
        # the pane came into a window zoomed already.
        assert window.aids.zoom.scale > 1
        title = window.sources.pane.title
        assert title.font().pointSizeF() == pytest.approx(window.font().pointSizeF())
        window.commands.zoom_reset.trigger()
        assert title.font().pointSizeF() == pytest.approx(window.font().pointSizeF())
    # Tab leaves the card for the pane's text, wherever the pane came in the window's making.
    for window in (before, after):
        assert _next_tab_stop(window.card_view) is window.sources.pane.view


def _next_tab_stop(widget: QWidget) -> QWidget | None:
    """The first widget after ``widget`` and its own children that Tab can stop at."""
    step = widget.nextInFocusChain()
    while step is not None and step is not widget:
        outside = not widget.isAncestorOf(step)
        if outside and step.isVisible() and step.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return step
        step = step.nextInFocusChain()
    return None
