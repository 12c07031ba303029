"""The open card's modules load after the set's overview, not with the window (#17 §4): ahead
of the first card once the window is idle (CardPreload), or with a card opened sooner, which
still shows complete. The window's imports at listing are those of the warm open that
tests/ui/test_startup_imports.py runs in a fresh interpreter (one run shared with it)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.reading import card_preload
from reader.ui.reading.card_preload import CardPreload
from tests.ui.conftest import MakeWindow
from tests.ui.evidence_support import DAM, copy_evidence, marks
from tests.ui.test_startup_imports import open_shipped_set

#: The open card's modules: its renderer, its evidence on screen, the checks against the
#: source texts and what they import (the search highlighter, difflib for the closest passage).
CARD_PATH = (
    "reader.render.card",
    "reader.render.highlight",
    "reader.render.screen_evidence",
    "reader.render.citation",
    "reader.ui.reading.card_page",
    "reader.ui.reading.source_checks",
    "reader.ui.reading.citations",
    "reader.verify.health",
    "reader.verify.relevance",
    "reader.verify.source_text",
    "reader.verify.quotes",
    "reader.verify.sources",
    "difflib",
)


def test_a_warm_open_lists_the_set_before_it_imports_the_card_path(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # A large set with no sources folder: not scanned, and shown on its overview.
    listed, _, at_listing = open_shipped_set(tmp_path_factory, "large")
    assert listed > 0
    assert sorted(m for m in CARD_PATH if m in at_listing) == []
    # What the list and the overview do need is there: the check sees this module list.
    assert {"reader.render.overview", "reader.ui.reading.card_view"} <= at_listing


def test_the_card_path_is_what_the_preload_imports() -> None:
    assert set(CARD_PATH) == set(card_preload.CARD_MODULES)


@pytest.fixture
def fake_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Three modules no one has imported, as the preload's list, and a short wait."""
    names = [f"k_preload_fake_{n}" for n in range(3)]
    for name in names:
        (tmp_path / f"{name}.py").write_text("LOADED = True\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(card_preload, "CARD_MODULES", tuple(names))
    monkeypatch.setattr(card_preload, "IDLE_MS", 20)
    yield names
    for name in names:
        sys.modules.pop(name, None)


def test_the_preload_imports_the_card_modules_once_the_window_is_idle(
    qtbot: QtBot, fake_modules: list[str]
) -> None:
    preload = CardPreload()
    assert not preload.done
    preload.start()
    assert not any(name in sys.modules for name in fake_modules)  # not before the wait
    qtbot.waitUntil(lambda: preload.done)
    assert all(name in sys.modules for name in fake_modules)
    preload.start()  # done: nothing more to wait for
    assert preload.done


def test_a_module_a_card_imported_first_is_passed_over(
    qtbot: QtBot, fake_modules: list[str]
) -> None:
    __import__(fake_modules[1])
    preload = CardPreload()
    preload.start()
    qtbot.waitUntil(lambda: preload.done)
    assert all(name in sys.modules for name in fake_modules)


def test_the_window_preloads_once_it_has_shown_the_overview(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, fake_modules: list[str]
) -> None:
    window = make_window(card_set)  # the overview: no card was open in the set
    assert window.card_view.card_id is None
    qtbot.waitUntil(lambda: all(name in sys.modules for name in fake_modules))


def test_a_card_opened_as_its_set_is_listed_shows_its_evidence_marks(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    # Opened at once, before the window has been idle: the card draws with what it needs.
    window = make_window()
    window.sets.ready.connect(lambda *_: window.session.open_card(DAM))
    window.open_set(copy_evidence(tmp_path / "evidence"))
    qtbot.waitUntil(lambda: window.card_view.card_id == DAM)
    assert "Source text available — report.txt" in window.card_view.toPlainText()
    qtbot.waitUntil(lambda: bool(marks(window.card_view.document())))
    assert {sign for sign, _ in marks(window.card_view.document())} == {"✓"}
