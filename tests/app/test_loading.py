"""What the loader prepares from each catalog of a load: an open after an edit patches what the
stored catalog came with, rather than making the tag tree's facets and the keys anew."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.loading import CatalogLoader, CatalogSources, Snapshot
from reader.cards import facets as facet_module
from reader.cards.facets import Facets, build_facets
from reader.cards.model import SET_FILE
from reader.cards.sorting import TITLE, sort_keys
from reader.index import index_refreshes, index_snapshots
from tests.support.synthetic import write_set


def test_an_open_after_an_edit_patches_what_the_stored_catalog_came_with(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 30, seed=4)
    for _catalog in index_snapshots(root, cache_dir=cache):
        pass  # the last open stored the facets and sort keys
    edited = sorted(p for p in root.rglob("*.yaml") if p.name != SET_FILE)[2]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r"^title: .*$", 'title: "Zebra"', text, flags=re.M), "utf-8")
    built: list[int] = []
    making = facet_module._build

    def counted(summaries: object) -> Facets:
        built.append(1)
        return making(summaries)  # type: ignore[arg-type]

    monkeypatch.setattr(facet_module, "_build", counted)
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
