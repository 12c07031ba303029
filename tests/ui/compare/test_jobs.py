"""Set-wide views worked out in the background (view jobs on the app's job runner): newest
wins, older requests stop."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.analysis.columns import CardProgress
from reader.app.jobs import JobRunner
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.ui.compare.jobs import SWITCH_INTERVAL, Compute, Computed, FirstPart, view_job


def endless(stopped: threading.Event) -> Compute:
    """A compute that reports progress until it is stopped (or ten seconds pass)."""

    def compute(
        _catalog: Catalog,
        _ids: Sequence[str],
        progress: CardProgress | None,
        _first: FirstPart | None,
    ) -> str:
        assert progress is not None
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                progress(0, 1)
                time.sleep(0.001)
        except BaseException:
            stopped.set()
            raise
        return "ran out"

    return compute


def test_a_view_job_gives_what_compute_gave_and_the_catalog_it_was_computed_from(
    qtbot: QtBot, card_set: Path
) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    jobs = JobRunner("views")
    try:
        with qtbot.waitSignal(jobs.finished) as finished:
            jobs.start("quick", view_job(quick, catalog, ["a", "b", "c"]))
        assert finished.args == ["quick", Computed(catalog, "3 cards")]
    finally:
        jobs.shutdown()


def quick(
    _catalog: Catalog, ids: Sequence[str], _progress: CardProgress | None, _first: FirstPart | None
) -> str:
    return f"{len(ids)} cards"


def test_a_newer_request_stops_the_running_one_and_alone_reports(
    qtbot: QtBot, card_set: Path
) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    jobs = JobRunner("views")
    stopped = threading.Event()
    finished: list[tuple[object, object]] = []
    jobs.finished.connect(lambda key, done: finished.append((key, done.result)))
    try:
        with qtbot.waitSignal(jobs.progressed):
            jobs.start("slow", view_job(endless(stopped), catalog, ["a"]))
        jobs.start("quick", view_job(quick, catalog, ["a", "b"]))
        assert jobs.running == "quick"
        qtbot.waitUntil(lambda: jobs.running is None)
        assert finished == [("quick", "2 cards")]
        assert stopped.wait(5)
    finally:
        jobs.shutdown()


def test_shutdown_stops_a_long_request_at_its_next_card(qtbot: QtBot, card_set: Path) -> None:
    catalog = MemoryCatalog(load_set(card_set))
    jobs = JobRunner("views")
    stopped = threading.Event()
    with qtbot.waitSignal(jobs.progressed):
        jobs.start("slow", view_job(endless(stopped), catalog, ["a"]))
    jobs.shutdown()  # returns at once; the request stops at its next card
    assert stopped.wait(5)  # not the ten seconds the request would run


def test_a_failing_compute_is_reported(qtbot: QtBot, card_set: Path) -> None:
    def broken(
        _catalog: Catalog,
        _ids: Sequence[str],
        _progress: CardProgress | None,
        _first: FirstPart | None,
    ) -> None:
        raise ValueError("no such topic")

    jobs = JobRunner("views")
    try:
        with qtbot.waitSignal(jobs.failed) as failed:
            jobs.start("broken", view_job(broken, MemoryCatalog(load_set(card_set)), []))
        key, failure = failed.args
        assert [key, failure.message] == ["broken", "ValueError: no such topic"]
        assert jobs.running is None
    finally:
        jobs.shutdown()


def test_the_interpreter_switches_threads_often_while_views_are_worked_out(
    qtbot: QtBot, card_set: Path
) -> None:
    """The window waits for the job each time it wakes: half a millisecond at most, not five,
    while any view job runs (a cancelled one finishing as the next starts); then as before."""
    before = sys.getswitchinterval()
    catalog = MemoryCatalog(load_set(card_set))
    seen: list[float] = []

    def switches(
        _catalog: Catalog,
        _ids: Sequence[str],
        _progress: CardProgress | None,
        _first: FirstPart | None,
    ) -> str:
        seen.append(sys.getswitchinterval())
        return "seen"

    jobs = JobRunner("views")
    stopped = threading.Event()
    try:
        with qtbot.waitSignal(jobs.progressed):
            jobs.start("slow", view_job(endless(stopped), catalog, ["a"]))
        assert sys.getswitchinterval() == SWITCH_INTERVAL
        with qtbot.waitSignal(jobs.finished):
            jobs.start("quick", view_job(switches, catalog, ["a"]))
        assert stopped.wait(5)
        qtbot.waitUntil(lambda: sys.getswitchinterval() == before)
        assert seen == [SWITCH_INTERVAL]
    finally:
        jobs.shutdown()
