"""The one tag and facet index: counts as the tag browser shows them, selections as the scan
makes them, and what is related to a card."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.cards.catalog import CardSummary, MemoryCatalog, related
from reader.cards.dates import PartialDate
from reader.cards.facets import Facets, PackedNodes, build_facets
from reader.cards.filters import FilterKind
from reader.cards.load import load_set
from reader.cards.query import Query, tag_ancestors
from tests.conftest import SHIPPED_CARDS

TAG_NAMES = ["theme", "theme/security", "theme/aid", "country/mali", "actor/wagner", "actor"]
SUMMARIES = st.builds(
    CardSummary,
    id=st.sampled_from([f"card-{n}" for n in range(12)]),
    title=st.just("A title"),
    publisher=st.sampled_from(["Crisis Group", "Responsible Statecraft", "Reuters"]),
    published=st.builds(
        PartialDate, st.sampled_from([2019, 2021, 2023]), st.none() | st.just(2), st.none()
    ),
    kind=st.none() | st.sampled_from(["report", "news"]),
    tags=st.lists(st.sampled_from(TAG_NAMES), min_size=1, max_size=3, unique=True).map(tuple),
    path=st.just("a.yaml"),
)
SETS = st.lists(SUMMARIES, max_size=12, unique_by=lambda s: s.id)
QUERIES = st.builds(
    Query,
    include_tags=st.lists(st.sampled_from([*TAG_NAMES, "theme/se", "nothing"]), max_size=2).map(
        tuple
    ),
    exclude_tags=st.lists(st.sampled_from(TAG_NAMES), max_size=2).map(tuple),
    publishers=st.frozensets(st.sampled_from(["Crisis Group", "Reuters", "Nobody"]), max_size=2),
    years=st.frozensets(st.sampled_from([2019, 2023, 1999]), max_size=2),
    kinds=st.frozensets(st.sampled_from(["report", "", "memo"]), max_size=2),
    card_ids=st.frozensets(st.sampled_from(["card-1", "card-2", "card-99"]), max_size=2),
)


def counted_tags(summaries: Iterable[CardSummary]) -> Counter[str]:
    """The reference: each card counted once under each of its tags and their ancestors."""
    return Counter(a for s in summaries for a in {a for t in s.tags for a in tag_ancestors(t)})


@pytest.fixture(scope="module")
def catalog() -> MemoryCatalog:
    return MemoryCatalog(load_set(SHIPPED_CARDS))


def test_counts_of_a_filter_agree_with_the_cards(catalog: MemoryCatalog) -> None:
    index = build_facets(catalog.summaries())
    for query in (Query(), Query(include_tags=("country/france",)), Query(text="ecowas")):
        ids = catalog.matching(query)
        counts = index.counts(ids)
        expected = counted_tags(s for s in catalog.summaries() if s.id in ids)
        got = {
            f.value: counts[n]
            for n, f in enumerate(index.filters)
            if f.kind is FilterKind.TAG and counts[n]
        }
        assert got == dict(expected)
        years = [counts[n] for n, f in enumerate(index.filters) if f.kind is FilterKind.YEAR]
        assert sum(years) == len(ids)


def test_tag_counts_count_every_ancestor(catalog: MemoryCatalog) -> None:
    counts = build_facets(catalog.summaries()).tag_counts()
    assert counts == counted_tags(catalog.summaries())
    assert counts["country/mali"] == 3
    assert counts["country"] >= counts["country/mali"]


@given(SETS, QUERIES)
def test_a_selection_is_what_the_scan_matches(summaries: list[CardSummary], query: Query) -> None:
    """Everything but search terms, as :meth:`Query.matches_metadata` decides it card by card."""
    facets = build_facets(summaries)
    expected = {
        s.id
        for s in summaries
        if query.matches_metadata(s.id, s.tags, s.publisher, s.published.year, s.kind)
    }
    ids = [s.id for s in summaries]  # the cards' numbers: their positions
    assert {ids[n] for n in facets.select(query)} == expected
    within = set(range(0, len(ids), 2))
    assert {ids[n] for n in facets.select(query, set(within))} == expected & {
        ids[n] for n in within
    }


@given(SETS, SETS, QUERIES)
def test_a_patched_index_selects_as_a_fresh_one(
    before: list[CardSummary], after: list[CardSummary], query: Query
) -> None:
    old = build_facets(before)
    old.select(Query())  # its cards filed by node: the patched one must not inherit them
    was = {s.id: s for s in before}
    now = {s.id: s for s in after}
    changed = [s for i, s in now.items() if was.get(i) != s]
    removed = [s for i, s in was.items() if i not in now] + [
        was[s.id] for s in changed if s.id in was
    ]
    patched = old.updated(removed, changed)
    if patched is not None:
        assert patched == build_facets(after)
        ids = list(patched.card_nodes)
        fresh = build_facets(after)
        fresh_ids = list(fresh.card_nodes)
        assert {ids[n] for n in patched.select(query)} == {
            fresh_ids[n] for n in fresh.select(query)
        }


def reference_related(
    card_id: str, summaries: list[CardSummary], limit: int = 5
) -> list[tuple[CardSummary, int]]:
    """related() as it was first written: score every card, sort them all."""
    by_id = {s.id: s for s in summaries}
    current = by_id.get(card_id)
    if current is None:
        return []
    mine = set(current.tags)
    scored = [(s, len(mine & set(s.tags))) for s in summaries if s.id != card_id]
    scored = [(s, n) for s, n in scored if n > 0]
    scored.sort(key=lambda pair: (-pair[1], tuple(-x for x in pair[0].published.sort_key)))
    return scored[:limit]


@given(SETS, st.sampled_from([f"card-{n}" for n in range(13)]), st.integers(1, 6))
def test_related_cards_are_the_best_scored(
    summaries: list[CardSummary], card_id: str, limit: int
) -> None:
    assert related(card_id, summaries, limit) == reference_related(card_id, summaries, limit)


def test_the_facets_of_one_tuple_of_summaries_are_built_once(catalog: MemoryCatalog) -> None:
    # The loader and the index's catalog both ask for the same catalog's facets.
    summaries = catalog.summaries()
    assert isinstance(summaries, tuple)
    first = build_facets(summaries)
    assert build_facets(summaries) is first
    copy = tuple(list(summaries))  # equal, but another object: it may hold other cards then
    assert build_facets(copy) is not first
    assert build_facets(copy) == first
    as_list = list(summaries)  # a list can change: never answered from before
    assert build_facets(as_list) is not build_facets(as_list)


def test_packed_nodes_are_unpacked_once_and_only_for_a_cards_nodes(catalog: MemoryCatalog) -> None:
    """The index's stored facets keep each card's nodes packed until something needs them:
    the tag tree's totals and the card count do not, a filter's counts do."""
    built = build_facets(catalog.summaries())
    unpacks: list[int] = []

    def unpack() -> dict[str, tuple[int, ...]]:
        unpacks.append(1)
        return dict(built.card_nodes)

    packed = Facets(built.filters, PackedNodes(len(built.card_nodes), unpack), built.totals)
    ids = [s.id for s in catalog.summaries()]
    assert len(packed.card_nodes) == len(ids)
    assert packed.counts(ids) == built.totals  # the whole set: the totals, nothing unpacked
    assert not unpacks
    assert packed.counts(ids[:3]) == built.counts(ids[:3])
    assert packed.select(Query(include_tags=("theme",))) == built.select(
        Query(include_tags=("theme",))
    )
    assert list(packed.card_nodes) == ids
    assert packed == built
    assert unpacks == [1]


def test_packed_nodes_that_are_not_one_per_card_are_refused() -> None:
    packed = PackedNodes(2, lambda: {"a": (0,)})
    assert len(packed) == 2
    with pytest.raises(ValueError, match="one per card"):
        packed["a"]
