"""A view job stands aside while the window's thread works through its events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.columns import CardProgress
from reader.app.jobs import JobRunner
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.ui.compare import TopicMatrixView
from reader.ui.compare import jobs as jobs_module
from reader.ui.compare import turns as turns_module
from reader.ui.compare.jobs import Compute, FirstPart, view_job
from reader.ui.compare.turns import WindowTurns
from tests.support.events import EventCount
from tests.ui.compare.conftest import DATE_ORDER


def test_a_job_starts_once_the_window_waits_for_events_again(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the window's rest lets the job on (not the time limit).
    monkeypatch.setattr(turns_module, "GIVE_WAY", 5.0)
    started = threading.Event()
    progressed: list[int] = []

    def compute(
        _catalog: Catalog,
        ids: Sequence[str],
        progress: CardProgress | None,
        _first: FirstPart | None,
    ) -> str:
        started.set()
        assert progress is not None
        for done in range(3):
            progress(done, 3)
            progressed.append(done)
        return f"{len(ids)} cards"

    turns = WindowTurns()
    jobs = JobRunner("views")
    turns.follow(jobs)
    try:
        turns.watch(True)
        jobs.start("view", view_job(compute, MemoryCatalog(load_set(card_set)), ["a"], turns))
        # This test holds the window's thread, as making a view does: the job waits.
        assert not started.wait(0.02)
        with qtbot.waitSignal(jobs.finished) as finished:
            pass  # the event loop runs, then waits: the job goes on
        assert finished.args[1].result == "1 cards"
        assert progressed == [0, 1, 2]
        # The job is over: the window is no longer followed, and nothing waits for it.
        turns.expect()
        assert _gives_way_at_once(turns)
    finally:
        jobs.shutdown()
        turns.watch(False)


def test_a_commands_job_starts_once_the_window_has_painted(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only the window's paint and rest let the job on (not the time limit).
    monkeypatch.setattr(turns_module, "GIVE_WAY", 5.0)
    monkeypatch.setattr(jobs_module, "FIRST_PAINT", 5.0)
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(200, 100)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    updates = EventCount(window, QEvent.Type.UpdateRequest)  # each begins a paint
    seen_at_start: list[int] = []

    def compute(
        _catalog: Catalog,
        _ids: Sequence[str],
        _progress: CardProgress | None,
        _first: FirstPart | None,
    ) -> None:
        seen_at_start.append(updates.count)

    turns = WindowTurns()
    jobs = JobRunner("view")
    turns.follow(jobs)
    try:
        # A command changed what the window shows; its paint comes after the event loop's
        # first rest (a timer's; in the window, some milliseconds after the command).
        QTimer.singleShot(30, window.update)
        turns.watch(True, window)
        catalog = MemoryCatalog(load_set(card_set))
        jobs.start("view", view_job(compute, catalog, [], turns))
        with qtbot.waitSignal(jobs.finished):
            pass
        assert seen_at_start == [1]
    finally:
        jobs.shutdown()
        turns.watch(False)


def _finishes_soon(qtbot: QtBot, window: QWidget, card_set: Path, compute: Compute) -> None:
    """A view job of ``compute``, its window's turns watched, ends within two seconds."""
    turns = WindowTurns()
    jobs = JobRunner("view")
    turns.follow(jobs)
    try:
        turns.watch(True, window)
        catalog = MemoryCatalog(load_set(card_set))
        jobs.start("view", view_job(compute, catalog, [], turns))
        with qtbot.waitSignal(jobs.finished, timeout=2000):
            pass
    finally:
        jobs.shutdown()
        turns.watch(False)


def test_a_window_with_nothing_to_paint_holds_a_job_up_only_briefly(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(turns_module, "GIVE_WAY", 5.0)
    monkeypatch.setattr(turns_module, "FIRST_PAINT", 0.05)
    monkeypatch.setattr(jobs_module, "FIRST_PAINT", 0.05)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # painted: no paint is due
    # Not 5 s a step: the paint awaited is given up after 0.05 s.
    _finishes_soon(qtbot, window, card_set, _three_steps)


def _three_steps(
    _catalog: Catalog, _ids: Sequence[str], progress: CardProgress | None, _f: FirstPart | None
) -> None:
    assert progress is not None
    for done in range(3):
        progress(done, 3)


def test_a_window_not_on_screen_is_not_waited_for(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(turns_module, "GIVE_WAY", 5.0)
    monkeypatch.setattr(jobs_module, "FIRST_PAINT", 5.0)
    hidden = QWidget()  # never shown: it paints nothing
    qtbot.addWidget(hidden)
    # Not the 5 s limit: the job goes on at the window's first rest.
    _finishes_soon(qtbot, hidden, card_set, _nothing)


def _nothing(
    _catalog: Catalog, _ids: Sequence[str], _p: CardProgress | None, _f: FirstPart | None
) -> None:
    return None


def test_a_views_row_painters_tell_the_turns_of_its_window(
    shipped: MemoryCatalog,
    show: Callable[[TopicMatrixView], TopicMatrixView],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = show(TopicMatrixView(shipped, DATE_ORDER))
    turns, other = WindowTurns(), WindowTurns()  # its window's, and another window's
    told: list[WindowTurns] = []
    for each in (turns, other):
        monkeypatch.setattr(each, "drawing", partial(told.append, each))
    view.follow_turns(turns)
    view.grab()  # its cells and headers painted
    assert told
    assert set(told) == {turns}


def test_an_unwatched_window_never_holds_a_job_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(turns_module, "GIVE_WAY", 5.0)
    turns = WindowTurns()
    turns.watch(True)
    turns.watch(False)
    turns.expect()  # nothing to wait for: no job is watched
    assert _gives_way_at_once(turns)


def _gives_way_at_once(turns: WindowTurns) -> bool:
    """Whether a job's thread gets past ``give_way`` within a second (the limit is 5 s)."""
    done = threading.Event()

    def job() -> None:
        turns.give_way()
        done.set()

    thread = threading.Thread(target=job)
    thread.start()
    passed = done.wait(1)
    thread.join()
    return passed
