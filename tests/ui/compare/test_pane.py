"""Every comparison view follows the palette until given a theme (the shared ComparisonPane)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.render.theme import DARK, LIGHT
from reader.ui.compare import (
    CompareView,
    RecommendationsLedgerView,
    TimelineView,
    TopicMatrixView,
)
from reader.ui.compare.pane import ComparisonPane
from reader.ui.palette import apply_palette
from tests.ui.compare.conftest import DATE_ORDER

Show = Callable[[ComparisonPane], ComparisonPane]


def _themed_part(view: ComparisonPane) -> QWidget:
    """The widget of each view that paints in the card theme's colours."""
    if isinstance(view, RecommendationsLedgerView):
        return view.ledger()
    assert isinstance(view, CompareView | TopicMatrixView | TimelineView)
    return view.table()


def _background(view: ComparisonPane) -> QColor:
    return _themed_part(view).palette().color(QPalette.ColorRole.Base)


VIEWS: list[Callable[..., ComparisonPane]] = [
    CompareView,
    TopicMatrixView,
    RecommendationsLedgerView,
    TimelineView,
]


@pytest.mark.parametrize("kind", VIEWS, ids=["compare", "matrix", "ledger", "timeline"])
def test_a_view_follows_the_palette_until_given_a_theme(
    kind: Callable[..., ComparisonPane],
    shipped: MemoryCatalog,
    show: Show,
    qapp: QApplication,
    qtbot: QtBot,
) -> None:
    following = show(kind(shipped, DATE_ORDER))
    fixed = show(kind(shipped, DATE_ORDER, theme=LIGHT))
    assert _background(following) == QColor(LIGHT.background)
    apply_palette(qapp, PaletteMode.DARK)  # Qt delivers the change as a posted event
    try:
        qtbot.waitUntil(lambda: _background(following) == QColor(DARK.background))
        assert _background(fixed) == QColor(LIGHT.background)
    finally:
        apply_palette(qapp, PaletteMode.SYSTEM)
    qtbot.waitUntil(lambda: _background(following) == QColor(LIGHT.background))
    following.set_theme(DARK)
    assert _background(following) == QColor(DARK.background)
