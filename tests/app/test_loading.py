"""What the loader prepares from each catalog of a load: an open after an edit patches what the
stored catalog came with, rather than making the tag tree's facets and the keys anew."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogLoader, CatalogSources, Snapshot
from reader.cards.facets import build_facets
from reader.cards.sorting import TITLE, sort_keys
from reader.index import index_refreshes, index_snapshots
from tests.support.facet_builds import count_facet_builds, retitle_a_card
from tests.support.synthetic import write_set


def test_an_open_after_an_edit_patches_what_the_stored_catalog_came_with(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 30, seed=4)
    for _catalog in index_snapshots(root, cache_dir=cache):
        pass  # the last open stored the facets and sort keys
    retitle_a_card(root, 2, "Zebra")
    built = count_facet_builds(monkeypatch)
    sources = CatalogSources(
        partial(index_snapshots, cache_dir=cache),
        partial(index_refreshes, cache_dir=cache),
        stoppable=True,
    )
    loader = CatalogLoader(sources)
    snapshots: list[Snapshot] = []
    loader.delivered.connect(snapshots.append)
    try:
        loader.load(root)
        qtbot.waitUntil(lambda: not loader.busy)
    finally:
        loader.shutdown()
    stored, updated = dict.fromkeys(s.catalog for s in snapshots)  # then the edit's
    assert "Zebra" not in {s.title for s in stored.summaries()}
    assert "Zebra" in {s.title for s in updated.summaries()}
    assert built == []  # the stored ones, then those patched
    final = snapshots[-1].prepared
    summaries = list(updated.summaries())
    assert final.tags == build_facets(summaries)
    assert final.sort_keys == sort_keys(summaries)
    assert any(key.startswith("zebra\t") for key in final.sort_keys[TITLE].values())
