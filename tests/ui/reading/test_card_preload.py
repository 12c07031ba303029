"""The open card's modules load after the set's overview, not with the window (#17 §4): ahead
of the first card once the window is idle (CardPreload), or with a card opened sooner, which
still shows complete (tests/ui/test_startup_imports.py checks the window's imports)."""

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
