"""A view job stands aside while the window's thread works through its events."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.analysis.columns import CardProgress
from reader.app.jobs import JobRunner
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.ui.compare import turns as turns_module
from reader.ui.compare.jobs import FirstPart, view_job
from reader.ui.compare.turns import WindowTurns


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
