"""The facets in the index's stored state: decoded with their totals, each card's nodes cut
out only when first needed (reader.cards.facets.PackedNodes), and damage to them found when
the state is decoded, on the loader's thread, not later on the window's."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from reader.cards.facets import CardNodes, PackedNodes, build_facets
from reader.index import IndexCatalog, index_snapshots, open_index
from reader.index import _state_blob as state_blob
from reader.index._state import State, _decode_state
from reader.index._state_blob import Contents, checksum, pack
from reader.index._store import CorruptIndex
from tests.support.synthetic import write_set


def stored_facets(tmp_path: Path) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """A stored state's marshalled parts, and its facets' columns."""
    write_set(tmp_path / "set", 5, seed=2)
    summaries = tuple(open_index(tmp_path / "set", cache_dir=tmp_path / "cache").summaries())
    rowids = tuple(range(len(summaries)))
    parts = marshal.loads(pack(Contents(summaries, rowids, (), build_facets(summaries), None)))
    return tuple(parts), tuple(parts[3])


def decode(parts: tuple[Any, ...], facets: tuple[Any, ...]) -> State:
    payload = marshal.dumps((*parts[:3], facets, *parts[4:]))
    return _decode_state(checksum(payload) + payload, 3)


def test_the_stored_nodes_stay_packed_until_asked_for(tmp_path: Path) -> None:
    parts, facets = stored_facets(tmp_path)
    state = decode(parts, facets)
    assert state.facets is not None
    nodes = state.facets.card_nodes
    assert isinstance(nodes, PackedNodes)
    assert len(nodes) == 5
    assert dict(nodes) == dict(build_facets(state.summaries).card_nodes)


@pytest.mark.parametrize("cut", [3, 4], ids=["nodes", "counts"])
def test_stored_nodes_that_do_not_add_up_are_refused_at_once(tmp_path: Path, cut: int) -> None:
    parts, facets = stored_facets(tmp_path)
    column = facets[cut]
    assert isinstance(column, bytes)
    damaged = (*facets[:cut], column[:-4], *facets[cut + 1 :])
    with pytest.raises(CorruptIndex):
        decode(parts, damaged)


def test_a_warm_open_unpacks_the_nodes_past_the_gate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's first catalog comes with its nodes packed; the loader unpacks them once
    the window has painted it (past the gate), before its first filter."""
    root, cache = tmp_path / "set", tmp_path / "cache"
    write_set(root, 5, seed=2)
    for _ in index_snapshots(root, cache_dir=cache):
        pass  # the state is stored with the facets the window's list needs
    events: list[str] = []
    real = state_blob._card_nodes

    def unpack(*args: Any) -> CardNodes:
        events.append("unpacked")
        return real(*args)

    monkeypatch.setattr(state_blob, "_card_nodes", unpack)
    snapshots = index_snapshots(root, cache_dir=cache, before_parse=lambda: events.append("gate"))
    first = next(snapshots)
    assert isinstance(first, IndexCatalog)
    assert events == []
    for _ in snapshots:
        pass
    assert events == ["gate", "unpacked"]
