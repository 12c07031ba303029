"""An editor on a private copy of a shipped card, its drafts in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.settings import Settings
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.ui.editor import CardEditor
from tests.conftest import SHIPPED_CARDS

CARD = "mali-sanctions-2023.yaml"

MakeEditor = Callable[..., CardEditor]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def shipped_catalog() -> MemoryCatalog:
    """The shipped set's catalog, loaded once: what the editor offers (topics, tags, stances)
    is the same for the copy each test edits."""
    return MemoryCatalog(load_set(SHIPPED_CARDS))


@pytest.fixture
def make_editor(
    qtbot: QtBot,
    settings: Settings,
    data_dir: Path,
    card_set: Path,
    shipped_catalog: MemoryCatalog,
) -> MakeEditor:
    """A shown, active editor on ``card_set/CARD`` (or ``path``), the set's catalog its
    context, checking as soon as the event loop runs (the 300 ms pause is for typing)."""
    catalog = shipped_catalog

    def make(path: Path | None = None, **kwargs: object) -> CardEditor:
        kwargs.setdefault("check_ms", 0)
        editor = CardEditor(settings, data_dir=data_dir, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(editor)
        editor.set_context(catalog)
        editor.resize(760, 900)
        editor.show()
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)  # focus is part of what is tested
        editor.open_file(path or card_set / CARD)
        return editor

    return make


@pytest.fixture
def editor(make_editor: MakeEditor) -> CardEditor:
    return make_editor()
