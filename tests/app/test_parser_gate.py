"""The loader parses nothing before the UI thread has made the parser ready (reader/app/
parser_gate.py): a warm open delivers the stored catalog first and waits at the gate, which the
UI thread opens on a later turn; a closed window or another set ends that wait at once. Any
other background job starts only after the UI thread has made the parser ready."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app import parser_gate
from reader.app.jobs import JobRunner
from reader.app.loading import CatalogLoader, CatalogSources, Snapshot
from reader.app.parser_gate import ParserGate
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set
from reader.index import PREPARATION, index_refreshes, index_snapshots, open_index
from tests.support.facet_builds import retitle_a_card
from tests.support.synthetic import write_set


class ShutGate(ParserGate):
    """A gate the UI thread never opens: it only notes that a load asked for it."""

    def __init__(self) -> None:
        super().__init__(ready=threading.Event())
        self.asked = threading.Event()

    def _on_wanted(self) -> None:
        self.asked.set()


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Path, Path]:
    """A set whose index and state are stored: the next open is a warm one."""
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 12, seed=3)
    open_index(root, cache_dir=cache)
    return root, cache


def index_sources(cache: Path, ended: threading.Event | None = None) -> CatalogSources:
    def opening(root: Path, **keywords: Callable[[], object]) -> Iterator[Catalog]:
        try:
            yield from index_snapshots(root, cache_dir=cache, **keywords)  # type: ignore[arg-type]
        finally:
            if ended is not None:
                ended.set()

    reload = partial(index_refreshes, cache_dir=cache)
    return CatalogSources(opening, reload, stoppable=True, gated=True)


def test_a_warm_open_delivers_the_stored_catalog_then_waits_for_the_parser(
    qtbot: QtBot, indexed: tuple[Path, Path]
) -> None:
    root, cache = indexed
    retitle_a_card(root, 2, "Zebra")
    events: list[str] = []

    def step(number: int, run: Callable[[], None]) -> None:
        on_ui_thread = threading.current_thread() is threading.main_thread()
        events.append(f"step {number}" if on_ui_thread else "a step on another thread")
        run()

    def delivered(snapshot: Snapshot) -> None:
        titles = {s.title for s in snapshot.catalog.summaries()}
        events.append(
            "final" if snapshot.final else "with Zebra" if "Zebra" in titles else "stored"
        )

    steps = [partial(step, n, run) for n, run in enumerate(PREPARATION)]
    gate = ParserGate(ready=threading.Event(), steps=steps)
    loader = CatalogLoader(index_sources(cache), gate=gate)
    loader.delivered.connect(delivered)
    try:
        loader.load(root)
        qtbot.waitUntil(lambda: "final" in events)
    finally:
        loader.shutdown()
    made_ready = [f"step {n}" for n in range(len(PREPARATION))]  # in order, on the UI thread
    assert events == ["stored", *made_ready, "with Zebra", "final"]
    assert gate.ready.is_set()


def test_closing_or_opening_another_set_during_the_wait_ends_it_at_once(
    qtbot: QtBot, indexed: tuple[Path, Path], tmp_path: Path
) -> None:
    root, cache = indexed
    other = tmp_path / "other"
    write_set(other, 5, seed=8)
    open_index(other, cache_dir=cache)
    ended = threading.Event()
    gate = ShutGate()
    loader = CatalogLoader(index_sources(cache, ended), gate=gate)
    roots: list[Path] = []
    loader.delivered.connect(lambda snapshot: roots.append(snapshot.root))
    try:
        loader.load(root)
        qtbot.waitUntil(gate.asked.is_set)  # the stored catalog delivered, the load waits
        assert roots == [root]
        gate.asked.clear()
        loader.load(other)  # another set: the first load ends, the second lists its own
        qtbot.waitUntil(ended.is_set, timeout=1000)
        qtbot.waitUntil(gate.asked.is_set)
        assert roots == [root, other]
        ended.clear()
        loader.shutdown()  # the window closes: the waiting load ends
        qtbot.waitUntil(ended.is_set, timeout=1000)
    finally:
        loader.shutdown()
    assert not gate.ready.is_set()


def test_a_source_that_parses_from_the_start_waits_before_it_is_asked(
    qtbot: QtBot, indexed: tuple[Path, Path]
) -> None:
    root, _ = indexed
    events: list[str] = []

    def whole_set(root: Path) -> Iterator[Catalog]:
        events.append("source asked")
        yield MemoryCatalog(load_set(root))

    gate = ParserGate(ready=threading.Event(), steps=[lambda: events.append("prepared")])
    loader = CatalogLoader(CatalogSources.same(whole_set), gate=gate)
    try:
        with qtbot.waitSignal(loader.delivered):
            loader.load(root)
    finally:
        loader.shutdown()
    assert events == ["prepared", "source asked"]


def test_any_other_job_starts_only_once_the_ui_thread_has_made_the_parser_ready(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready, prepared_on = threading.Event(), []
    monkeypatch.setattr(parser_gate, "READY", ready)
    monkeypatch.setattr(
        parser_gate,
        "prepare_for_threads",
        lambda: prepared_on.append(threading.current_thread() is threading.main_thread()),
    )
    runner = JobRunner("test")
    try:
        with qtbot.waitSignal(runner.finished) as finished:
            runner.start("job", lambda _context: ready.is_set())
    finally:
        runner.shutdown()
    assert finished.args == ["job", True]  # ready when the job ran
    assert prepared_on == [True]  # made ready on the UI thread, once
