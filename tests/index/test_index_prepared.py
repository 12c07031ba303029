"""The facets and sort keys the index stores with its state: made once, read back at a warm
open instead of being made again, and made anew from an edited card."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from reader.app.prepare import prepare
from reader.cards import facets as facet_module
from reader.cards import sorting as sort_module
from reader.cards.facets import build_facets
from reader.cards.model import SET_FILE
from reader.cards.sorting import TITLE, sort_keys
from reader.index import IndexCatalog, index_snapshots, open_index
from reader.index import _build as builder
from reader.index import _state as indexstate
from tests.support.facet_builds import count_facet_builds, retitle_a_card


def stored(catalog: IndexCatalog, root: Path) -> indexstate.State:
    assert catalog.index_file is not None
    with sqlite3.connect(catalog.index_file) as conn:
        found = indexstate.stored_state(conn, builder.set_file_digest(root))
    assert found is not None
    return found[1]


def fresh_facets_and_keys(catalog: IndexCatalog) -> tuple[object, object]:
    """Made from nothing: a list is never answered from what was remembered for a tuple."""
    summaries = list(catalog.summaries())
    return build_facets(summaries), sort_keys(summaries)


def last(catalogs: list[IndexCatalog]) -> IndexCatalog:
    assert catalogs
    return catalogs[-1]


def test_an_open_stores_them_and_the_next_one_reads_them_back(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(cards, cache_dir=cache)  # as `briefing-reader index` leaves it: without them
    (opened,) = index_snapshots(cards, cache_dir=cache)
    assert isinstance(opened, IndexCatalog)
    state = stored(opened, cards)
    assert state.prepared
    assert (state.facets, state.sort_keys) == fresh_facets_and_keys(opened)

    def never(*_args: object) -> None:
        raise AssertionError("made again at a warm open")

    monkeypatch.setattr(facet_module, "_build", never)
    monkeypatch.setattr(sort_module, "updated_sort_keys", never)
    (warm,) = index_snapshots(cards, cache_dir=cache)
    ready = prepare(warm.summaries())  # what the loader does next: handed the stored ones
    assert ready.tags == state.facets
    assert ready.sort_keys == state.sort_keys
    assert warm.facets() is ready.tags


def test_an_edited_card_is_in_the_stored_facets_and_keys(cards: Path, cache: Path) -> None:
    """An open after an edit stores what the loader patched for the updated catalog."""
    list(index_snapshots(cards, cache_dir=cache))
    edited = sorted(p for p in cards.rglob("*.yaml") if p.name != SET_FILE)[0]
    text = edited.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", 'title: "Zebra crossing"', text, flags=re.M)
    edited.write_text(re.sub(r"^tags:\n", "tags:\n  - brand-new\n", text, flags=re.M), "utf-8")
    opens = index_snapshots(cards, cache_dir=cache)
    shown = next(opens)  # as stored; then as updated, patched by the loader from the first
    updated = next(opens)
    assert isinstance(updated, IndexCatalog)
    prepare(updated.summaries(), prepare(shown.summaries()))
    assert list(opens) == []  # the rest of the open stores them
    state = stored(updated, cards)
    assert state.prepared
    assert (state.facets, state.sort_keys) == fresh_facets_and_keys(updated)
    assert state.facets is not None
    assert state.sort_keys is not None
    assert any(f.value == "brand-new" for f in state.facets.filters)
    assert any(key.startswith("zebra crossing\t") for key in state.sort_keys[TITLE].values())


def test_a_full_reload_stores_what_the_loader_patched(
    cards: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reload is not held up making facets from nothing: the loader patches the ones it
    has (tens of ms where making them took 0.9 s at 100,000 cards), and those are stored."""
    first = last(list(index_snapshots(cards, cache_dir=cache)))
    before = prepare(first.summaries())
    retitle_a_card(cards, 1, "Zebra")
    built = count_facet_builds(monkeypatch)
    reloads = index_snapshots(cards, stored_first=False, cache_dir=cache)
    reloaded = next(reloads)
    assert isinstance(reloaded, IndexCatalog)
    ready = prepare(reloaded.summaries(), before)  # what the loader does with it
    assert built == []  # patched, and nothing made before the window had it
    assert list(reloads) == []  # the rest of the reload stores the state
    state = stored(reloaded, cards)
    assert state.prepared
    assert (state.facets, state.sort_keys) == (ready.tags, ready.sort_keys)
    assert state.sort_keys is not None
    assert any(key.startswith("zebra\t") for key in state.sort_keys[TITLE].values())
