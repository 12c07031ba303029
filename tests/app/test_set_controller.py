"""While a set loads, the interpreter switches threads quickly; as before once it has loaded."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogSources
from reader.app.set_controller import LOAD_SWITCH_INTERVAL, SetController
from reader.cards.catalog import Catalog, MemoryCatalog
from reader.cards.load import load_set

#: As the interpreter keeps it (whole microseconds).
QUICK = pytest.approx(LOAD_SWITCH_INTERVAL, abs=2e-6)


def test_the_switch_interval_is_quick_from_a_load_s_start_to_its_end(
    qtbot: QtBot, card_set: Path
) -> None:
    """Seen by the load itself on its thread; put back once the final snapshot arrives."""
    before = sys.getswitchinterval()
    seen: list[float] = []
    go_on = threading.Event()

    def source(root: Path) -> Iterator[Catalog]:
        seen.append(sys.getswitchinterval())
        yield MemoryCatalog(load_set(root))
        go_on.wait(5)
        seen.append(sys.getswitchinterval())
        yield MemoryCatalog(load_set(root))

    sets = SetController(CatalogSources.same(source))
    try:
        with qtbot.waitSignal(sets.ready):
            sets.open(card_set)
        assert sys.getswitchinterval() == QUICK
        finals: list[bool] = []
        sets.ready.connect(lambda snapshot, _fresh: finals.append(snapshot.final))
        go_on.set()
        qtbot.waitUntil(lambda: finals[-1:] == [True])
        assert seen == [QUICK, QUICK]
        assert sys.getswitchinterval() == before
    finally:
        go_on.set()
        sets.shutdown()


def test_a_failed_or_abandoned_load_puts_the_interval_back(qtbot: QtBot, card_set: Path) -> None:
    before = sys.getswitchinterval()

    def failing(root: Path) -> Iterator[Catalog]:
        raise OSError(f"{root} is unreadable")
        yield  # pragma: no cover

    sets = SetController(CatalogSources.same(failing))
    with qtbot.waitSignal(sets.failed):
        sets.open(card_set)
    assert sys.getswitchinterval() == before
    stopped = threading.Event()

    def endless(root: Path) -> Iterator[Catalog]:
        yield MemoryCatalog(load_set(root))
        stopped.wait(5)
        yield MemoryCatalog(load_set(root))

    sets = SetController(CatalogSources.same(endless))
    with qtbot.waitSignal(sets.ready):
        sets.open(card_set)
    sets.reload()  # a second load while the first runs holds nothing more
    sets.shutdown()
    stopped.set()
    assert sys.getswitchinterval() == before
