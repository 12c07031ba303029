"""Pictures of every comparison view, light and dark (``pytest -m screenshots -s``).

They go to a fresh temporary folder (printed), or to ``$COMPARE_SCREENSHOTS`` when set, for a
person to look at: cramped, clipped or unreadable is a defect the other tests cannot see.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.side_by_side import RowKind
from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.render.theme import Theme
from reader.ui.compare import (
    CompareView,
    RecommendationsLedgerView,
    TimelineView,
    TopicMatrixView,
)
from reader.ui.palette import apply_palette, card_theme
from tests.ui.compare.conftest import DATE_ORDER, bare_set, two_cards


@pytest.fixture
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("COMPARE_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("compare-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\ncomparison screenshots in {folder}")
    return folder


@pytest.fixture(params=[PaletteMode.LIGHT, PaletteMode.DARK], ids=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Theme]:
    apply_palette(qapp, request.param)
    yield card_theme(qapp.palette())
    apply_palette(qapp, PaletteMode.SYSTEM)


@pytest.mark.screenshots
def test_comparison_screenshots(
    qtbot: QtBot,
    shipped: MemoryCatalog,
    fifty: tuple[MemoryCatalog, list[str]],
    theme: Theme,
    out: Path,
) -> None:
    many, many_ids = fifty

    def save(widget: QWidget, name: str, prepare: Callable[[], None] = lambda: None) -> None:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        prepare()
        qtbot.wait(50)  # let queued row-height updates run before grabbing
        path = out / f"{name}-{theme.name}.png"
        assert widget.grab().save(str(path))

    compare = CompareView(shipped, DATE_ORDER)
    save(compare, "compare")

    focused = CompareView(shipped, DATE_ORDER)

    def one_screen() -> None:
        focused.set_rows_shown(RowKind.THESIS, False)
        focused.set_rows_shown(RowKind.TAGS, False)

    save(focused, "compare-one-screen", one_screen)

    recommendations = CompareView(shipped, DATE_ORDER)

    def to_recommendations() -> None:
        table = recommendations.table()
        row = recommendations.model().row_of("to:western governments")
        table.scrollTo(recommendations.model().index(row, 0), table.ScrollHint.PositionAtTop)

    save(recommendations, "compare-recommendations", to_recommendations)

    tags = CompareView(shipped, DATE_ORDER)

    def to_tags() -> None:
        tags.set_argument_expanded(True)
        table = tags.table()
        table.scrollTo(
            tags.model().index(tags.model().row_of("tags"), 0), table.ScrollHint.PositionAtTop
        )

    save(tags, "compare-tags-argument", to_tags)
    save(CompareView(shipped, DATE_ORDER[:1]), "compare-one-card")
    save(CompareView(bare_set(two_cards()), ["a", "b"]), "compare-no-topics")

    matrix = TopicMatrixView(shipped, DATE_ORDER)
    save(matrix, "matrix", lambda: matrix.table().setCurrentIndex(matrix.model().index(0, 2)))
    wide = TopicMatrixView(many, many_ids)
    save(wide, "matrix-50", lambda: wide.table().horizontalScrollBar().setValue(1500))
    save(RecommendationsLedgerView(shipped, DATE_ORDER), "ledger")
    save(TimelineView(shipped, DATE_ORDER), "timeline")
    assert len(list(out.glob(f"*-{theme.name}.png"))) == 10
