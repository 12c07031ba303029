"""The views' modules load while the window is idle, once a set is listed (#17 §2)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.cards.catalog import MemoryCatalog
from reader.ui.compare import preload
from reader.ui.compare.workspace import ComparisonWorkspace


def test_the_views_modules_load_after_the_first_catalog_one_at_a_time(
    qtbot: QtBot, shipped: MemoryCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[str] = []
    monkeypatch.setattr(preload, "import_module", loaded.append)
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
