"""Searching and filtering the index finds exactly what the linear scan (MemoryCatalog) finds."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query, tag_ancestors, words
from reader.index import IndexCatalog, open_index
from tests.support.synthetic import write_set

QUERIES = [
    Query(text="sanctions"),
    Query(text="sanc"),
    Query(text="s"),
    Query(text="SANCTIONS"),
    Query(text="goïta"),
    Query(text="GOITA"),
    Query(text="cote d'ivoire"),
    Query(text="Côte d’Ivoire"),
    Query(text='"military junta"'),
    Query(text='"the military jun'),
    Query(text='"junta military"'),
    Query(text="wagner gold"),
    Query(text="wagner -gold"),
    Query(text="— … “”"),
    Query(text="zzzznotaword"),
    Query(text="2016"),
    Query(include_tags=("theme",)),
    Query(include_tags=("theme/economy",)),
    Query(include_tags=("theme/economy/sanctions",)),
    Query(include_tags=("theme/econ",)),
    Query(include_tags=("actor/wagner", "country/mali")),
    Query(exclude_tags=("country",)),
    Query(include_tags=("region",), exclude_tags=("region/sahel", "kind/news")),
    Query(include_tags=("nothing/like/this",)),
    Query(include_tags=("nothing/like/this",), text="mali"),
    Query(include_tags=("country/mali",), exclude_tags=("country",), text="a"),
    Query(publishers=frozenset({"Chatham House", "Reuters"})),
    Query(years=frozenset({2015, 2021}), text="mali"),
    Query(years=frozenset({2016}), text='"the military"'),
    Query(kinds=frozenset({"report", ""}), include_tags=("actor",), text="transit"),
    Query(card_ids=frozenset({"no-such-card"})),
]


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> tuple[IndexCatalog, MemoryCatalog]:
    base = tmp_path_factory.mktemp("search")
    root = base / "set"
    write_set(root, 150, seed=5)
    return open_index(root, cache_dir=base / "cache"), MemoryCatalog(load_set(root))


@pytest.mark.parametrize("query", QUERIES, ids=[q.describe() for q in QUERIES])
def test_index_matches_the_linear_scan(
    query: Query, catalogs: tuple[IndexCatalog, MemoryCatalog]
) -> None:
    index, memory = catalogs
    expected = memory.matching(query)
    assert index.matching(query) == expected
    assert sorted(index.search(query)) == sorted(expected)


def test_the_fixed_queries_are_not_trivial(catalogs: tuple[IndexCatalog, MemoryCatalog]) -> None:
    """The list above exercises both empty and large, but not total, results."""
    _index, memory = catalogs
    sizes = [len(memory.matching(q)) for q in QUERIES]
    assert sum(1 for n in sizes if n == 0) >= 3
    assert sum(1 for n in sizes if 0 < n < 150) >= 15


def test_tag_counts_are_the_summaries_tag_counts(
    catalogs: tuple[IndexCatalog, MemoryCatalog],
) -> None:
    index, memory = catalogs
    counts = index.facets().tag_counts()
    tagged = [{a for t in s.tags for a in tag_ancestors(t)} for s in memory.summaries()]
    assert counts == Counter(tag for tags in tagged for tag in tags)
    assert counts["theme"] > counts["theme/economy"] > 0


def test_card_ids_select_cards(catalogs: tuple[IndexCatalog, MemoryCatalog]) -> None:
    index, memory = catalogs
    some = frozenset(s.id for s in memory.summaries()[3:9])
    query = Query(card_ids=some, text="the")
    assert index.matching(query) == memory.matching(query)


def test_search_ranks_the_best_match_first(tmp_path: Path) -> None:
    root = tmp_path / "set"
    write_set(root, 30, seed=2)
    cards = sorted(root.rglob("*.yaml"))
    target = next(p for p in cards if p.name != "cardset.yaml")
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace('thesis: "', 'thesis: "Quagga quagga quagga quagga. ', 1), encoding="utf-8"
    )
    other = next(p for p in cards if p not in (target,) and p.name != "cardset.yaml")
    other.write_text(
        other.read_text(encoding="utf-8").replace('thesis: "', 'thesis: "A quagga. ', 1),
        encoding="utf-8",
    )
    index = open_index(root, cache_dir=tmp_path / "cache")
    ranked = index.search(Query(text="quag"))
    assert len(ranked) == 2
    best = load_set(root).cards
    by_path = {c.path: c.id for c in best}
    assert ranked[0] == by_path[target.relative_to(root).as_posix()]


def card_text(card_id: str, title: str, summary: str, tags: list[str]) -> str:
    q = json.dumps  # ASCII-escaped: any character survives the YAML reader
    return "\n".join(
        [
            "format: briefing-card/1",
            f"id: {card_id}",
            f"title: {q(title)}",
            "source:",
            '  publisher: "P"',
            '  published: "2020"',
            f"thesis: {q(summary[::-1] or 'x')}",
            f"summary: {q(summary or 'x')}",
            "argument:",
            '  - claim: "c"',
            "tags: [" + ", ".join(q(t) for t in tags) + "]",
            "",
        ]
    )


TEXT = st.text(
    st.characters(codec="utf-8") | st.sampled_from(list("éïôøßﬁ’—_- İıΣς")),
    max_size=30,
)
TAG = st.lists(st.sampled_from(["a", "ab", "a_b", "b", "é"]), min_size=1, max_size=3).map("/".join)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(st.tuples(TEXT, TEXT, st.lists(TAG, min_size=1, max_size=3)), min_size=1, max_size=5),
    st.data(),
)
def test_any_text_searches_the_same(
    cards: list[tuple[str, str, list[str]]], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "set"
        root.mkdir()
        vocabulary: list[str] = []
        for i, (title, summary, tags) in enumerate(cards):
            (root / f"c{i}.yaml").write_text(
                card_text(f"c{i}", title, summary, tags), encoding="utf-8"
            )
            vocabulary += words(title + " " + summary)
        index = open_index(root, cache_dir=Path(scratch) / "cache")
        memory = MemoryCatalog(load_set(root))
        assert list(index.summaries()) == list(memory.summaries())
        pieces = st.sampled_from(vocabulary or ["x"]).flatmap(
            lambda w: st.integers(0, len(w)).map(lambda n: w[: max(n, 1)])
        )
        for _ in range(4):
            terms = data.draw(st.lists(pieces | TEXT, min_size=1, max_size=3))
            quoted = data.draw(st.booleans())
            text = '"' + " ".join(terms) + '"' if quoted else " ".join(terms)
            include = data.draw(st.lists(TAG, max_size=1))
            exclude = data.draw(st.lists(TAG, max_size=1))
            query = Query(include_tags=tuple(include), exclude_tags=tuple(exclude), text=text)
            assert index.matching(query) == memory.matching(query), query
        index.close()
