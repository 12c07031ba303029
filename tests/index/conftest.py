"""What the index tests share: a generated set, a private cache, and the agreement check."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.index import IndexCatalog
from tests.support.synthetic import write_set

SOME_QUERIES = [
    Query(text="the"),
    Query(text='"the military" goi'),
    Query(include_tags=("theme",), exclude_tags=("country/mali",), text="a"),
]


def assert_agrees(catalog: IndexCatalog, root: Path) -> None:
    """Everything the Catalog protocol says equals what a fresh load_set says."""
    fresh = load_set(root)
    memory = MemoryCatalog(fresh)
    for query in SOME_QUERIES:
        assert catalog.matching(query) == memory.matching(query)
    assert list(catalog.summaries()) == list(memory.summaries())
    assert list(catalog.problems) == list(fresh.problems)
    assert catalog.info == fresh.info
    for card in fresh.cards:
        restored = catalog.card(card.id)
        assert restored == card
        assert restored is not None
        assert dict(restored.positions) == dict(card.positions)
    assert catalog.card("no-such-card") is None


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def cards(tmp_path: Path) -> Path:
    root = tmp_path / "set"
    write_set(root, 40, seed=11)
    return root
