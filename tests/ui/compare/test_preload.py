"""The views' modules load, and the set-wide views are made, while the window is idle once a
set is listed (#17 §2)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.ui import idle_steps
from reader.ui.compare import preload
from reader.ui.compare import workspace as workspace_module
from reader.ui.compare.making import make_view
from reader.ui.compare.matrix import TopicMatrixView
from reader.ui.compare.workspace import ComparisonWorkspace, ViewKind
from tests.ui.compare.conftest import DATE_ORDER


def test_the_views_modules_load_after_the_first_catalog_one_at_a_time(
    qtbot: QtBot, shipped: MemoryCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[str] = []
    monkeypatch.setattr(idle_steps, "import_module", loaded.append)
    monkeypatch.setattr(preload, "VIEW_MODULES", ("views.first", "views.second"))
    monkeypatch.setattr(preload, "IDLE_MS", 20)
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)

    def pending() -> bool:
        return workspace.preload.pending

    assert not pending()  # nothing before a set is listed
    workspace.set_catalog(shipped, [], "")
    assert pending()
    assert loaded == []  # not with the catalog: once the window is idle
    qtbot.waitUntil(lambda: workspace.preload.done)
    assert loaded == ["views.first", "views.second"]
    workspace.set_catalog(shipped, [], "")  # a reload starts nothing again
    assert not pending()


def test_set_wide_views_made_ahead_are_shown_only_for_their_catalog(
    qtbot: QtBot,
    shipped: MemoryCatalog,
    fifty: tuple[MemoryCatalog, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(preload, "IDLE_MS", 0)
    workspace = ComparisonWorkspace()
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.set_catalog(shipped, DATE_ORDER, "")
    qtbot.waitUntil(lambda: workspace.preload.done)
    assert workspace.findChildren(TopicMatrixView) == []  # spares are no part of the window
    made: list[str] = []

    def making(kind: str, *rest: Any) -> object:
        made.append(kind)
        return make_view(kind, *rest)

    monkeypatch.setattr(workspace_module, "make_view", making)
    matrix = workspace.show_view(ViewKind.MATRIX)
    assert made == []  # the spare
    assert isinstance(matrix, TopicMatrixView)
    assert workspace.findChildren(TopicMatrixView) == [matrix]
    qtbot.waitUntil(lambda: matrix.matrix.columns != ())
    assert [c.id for c in matrix.matrix.columns] == DATE_ORDER
    other, ids = fifty
    workspace.set_catalog(other, ids, "")  # a reload: the spare ledger is of the old catalog
    workspace.show_view(ViewKind.LEDGER)
    assert made == ["ledger"]
