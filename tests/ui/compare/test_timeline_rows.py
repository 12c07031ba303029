"""The timeline's first part: shown while its later dates are merged, then continued by the
whole timeline without a reset (#17 §2)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.timeline import EventKind
from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.ui.compare import TimelineView, timeline_rows
from reader.ui.compare.timeline_rows import TimelineRows
from reader.ui.compare.workspace import ComparisonWorkspace, ViewKind
from reader.ui.palette import apply_palette
from tests.analysis.compare_cards import catalog_of, generated_cards, make_card
from tests.ui.compare.conftest import DATE_ORDER

Show = Callable[[QWidget], QWidget]


def parts_of(catalog: MemoryCatalog, ids: list[str]) -> tuple[TimelineRows, TimelineRows]:
    """The first part :func:`timeline_rows` hands on, and the whole timeline."""
    parts: list[TimelineRows] = []

    def first_part(part: object) -> None:
        assert isinstance(part, TimelineRows)
        assert part.shown is not None
        part.shown.set()  # painted at once: the merge goes on without waiting
        parts.append(part)

    whole = timeline_rows.timeline_rows(catalog, ids, None, first_part)
    assert len(parts) == 1
    return parts[0], whole


@pytest.fixture
def years() -> tuple[MemoryCatalog, list[str]]:
    """2020's event, then 2021 given by its year only, then 2021's dated events: year-only
    2021 must say so in a part that ends before the dated ones."""
    cards = [
        make_card("a", "2023", timeline=[("2020", "Coup in Mali"), ("2021", "Talks begin")]),
        make_card("b", "2023-05", timeline=[(f"2021-{m:02d}", f"Event {m}") for m in range(1, 13)]),
    ]
    return catalog_of(cards), ["a", "b"]


def test_the_first_part_is_the_beginning_of_the_whole_marked_alike(
    years: tuple[MemoryCatalog, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 2)
    part, whole = parts_of(*years)
    assert [e.text for e in part.every] == ["Coup in Mali", "Talks begin"]
    assert not part.complete
    assert whole.complete
    assert whole.every[: len(part.every)] == part.every
    assert whole.continues(part)
    assert part.marks == whole.marks
    assert part.marks.events == frozenset({2021})  # from the dated events the part lacks


def test_few_events_come_whole_without_a_part(
    years: tuple[MemoryCatalog, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 100)
    catalog, ids = years

    def no_part(_part: object) -> None:
        pytest.fail("no part for a timeline shorter than one")

    assert timeline_rows.timeline_rows(catalog, ids, None, no_part).complete


def test_the_view_shows_the_part_then_continues_it_with_the_rest(
    years: tuple[MemoryCatalog, list[str]],
    show: Show,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 2)
    catalog, ids = years
    part, whole = parts_of(catalog, ids)
    view = show(TimelineView(catalog, ()))
    assert isinstance(view, TimelineView)
    model = view.model()
    rest = view.findChild(QLabel, "timelineRest")
    assert rest is not None
    view.show_result(catalog, part)
    qtmodeltester.check(model, force_py=True)  # and watches the rest come
    # The reader sees the part's rows, marked as the whole timeline will mark them, and is
    # told that more is coming: the rows end there only for the moment.
    shown = [model.date_text(model.entry(r)) for r in range(model.rowCount())]
    assert shown == ["2020", "2021 (year only)"]
    assert not model.canFetchMore(model.index(0, 0).parent())
    qtbot.waitUntil(rest.isVisible)
    table = view.table()
    table.selectionModel().setCurrentIndex(
        model.index(1, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))

    view.show_result(catalog, whole)
    assert resets == []  # continued: what is on screen and chosen stays
    assert table.currentIndex().row() == 1
    qtbot.waitUntil(lambda: not rest.isVisible())
    # The reader had every row of the part: the next ones came without a scroll.
    qtbot.waitUntil(lambda: model.rowCount() > 2)
    assert model.entries() == whole.every


def test_another_timeline_after_a_part_replaces_it(
    years: tuple[MemoryCatalog, list[str]], show: Show, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 2)
    catalog, ids = years
    part, _whole = parts_of(catalog, ids)
    other = TimelineView.compute(catalog, ["b"])  # a newer request's, not this part's rest
    view = show(TimelineView(catalog, ()))
    assert isinstance(view, TimelineView)
    view.show_result(catalog, part)
    resets: list[bool] = []
    view.model().modelReset.connect(lambda: resets.append(True))
    view.show_result(catalog, other)
    assert resets == [True]
    assert view.model().entries() == other.every


def test_a_part_waits_for_its_paint(
    years: tuple[MemoryCatalog, list[str]], show: Show, qtbot: QtBot
) -> None:
    catalog, ids = years
    rows = TimelineView.compute(catalog, ids)
    part = TimelineRows.of(rows.every[:3], rows.marks, complete=False)
    assert part.shown is not None
    view = show(TimelineView(catalog, ()))
    assert isinstance(view, TimelineView)
    view.show_result(catalog, part)
    assert not part.shown.is_set()  # the merge waits while the window lays it out
    qtbot.waitUntil(part.shown.is_set)  # painted, and nothing more to paint


def test_the_workspace_shows_a_first_part_before_the_whole_timeline(
    show: Show, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_rows, "FIRST_PART", 3)
    cards = [
        make_card(f"c{i}", f"2020-{i % 12 + 1:02d}", timeline=[(f"2019-{i % 12 + 1:02d}", "E")])
        for i in range(12)
    ]
    catalog = catalog_of(cards)
    workspace = show(ComparisonWorkspace())
    assert isinstance(workspace, ComparisonWorkspace)
    workspace.background_from = 0  # every view is a job
    ids = [c.id for c in cards]
    workspace.set_catalog(catalog, ids, "")
    seen: list[tuple[bool, int, object]] = []
    view = workspace.show_view(ViewKind.TIMELINE)
    assert isinstance(view, TimelineView)
    model = view.model()

    def reset() -> None:
        # What the reader has at each reset: the rows, and what Export Table… would write.
        seen.append(
            (model.complete, len(model.entries()), workspace.shown_cards(ViewKind.TIMELINE))
        )

    model.modelReset.connect(reset)
    qtbot.waitUntil(lambda: not workspace.busy)
    events = sum(1 for e in model.entries() if e.kind is EventKind.EVENT)
    assert events == 12
    assert len(seen) == 1  # the part; the whole timeline continued it
    complete, count, exported = seen[0]
    assert not complete
    assert 0 < count < len(model.entries())
    assert exported == (catalog, tuple(ids))  # Export Table… writes every row, the rest too
    assert model.complete


@pytest.mark.screenshots
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_screenshots_of_a_first_part_and_the_whole(
    qtbot: QtBot,
    shipped: MemoryCatalog,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
    tmp_path_factory: pytest.TempPathFactory,
    mode: PaletteMode,
) -> None:
    """The timeline while its later dates are merged, and once they are, of the 3 shipped
    cards (a part of 4 events) and of 10,000 generated ones (``$BRIEFING_SCREENSHOTS``)."""
    chosen = os.environ.get("BRIEFING_SCREENSHOTS")
    out = Path(chosen) if chosen else tmp_path_factory.mktemp("timeline-parts")
    out.mkdir(parents=True, exist_ok=True)
    apply_palette(qapp, mode)
    cards = generated_cards(10_000)
    sets = {"3": (shipped, DATE_ORDER, 4), "10000": (catalog_of(cards), [c.id for c in cards], 50)}
    try:
        for name, (catalog, ids, first) in sets.items():
            monkeypatch.setattr(timeline_rows, "FIRST_PART", first)
            part, whole = parts_of(catalog, ids)
            view = TimelineView(catalog, ())
            qtbot.addWidget(view)
            view.show()
            qtbot.waitExposed(view)
            for rows, what in ((part, "part"), (whole, "whole")):
                view.show_result(catalog, rows)
                for width, height in ((1280, 800), (1024, 700)):
                    view.resize(width, height)
                    qtbot.wait(50)  # the queued row heights, as the other screenshots
                    path = out / f"timeline-{name}-{what}-{width}-{mode.value}.png"
                    assert view.grab().save(str(path))
    finally:
        apply_palette(qapp, PaletteMode.SYSTEM)
