"""What the loader thread derives for the views: patched after a few edits, equal to a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.app import prepare as preparing
from reader.app.prepare import prepare
from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.facets import build_facets
from reader.cards.query import Query
from reader.cards.sorting import DATE, presorted
from reader.index import open_index
from tests.support.synthetic import write_set

TAGS = st.sampled_from(["theme", "theme/security", "theme/aid", "country/mali", "actor/wagner"])
SUMMARIES = st.builds(
    CardSummary,
    id=st.sampled_from([f"card-{n}" for n in range(12)]),
    title=st.sampled_from(["Mali", "Wagner", "Aid", "Éclat"]),
    publisher=st.sampled_from(["Crisis Group", "Responsible Statecraft"]),
    published=st.builds(PartialDate, st.sampled_from([2021, 2023]), st.none() | st.just(2)),
    kind=st.none() | st.just("report"),
    tags=st.lists(TAGS, max_size=3, unique=True).map(tuple),
    path=st.sampled_from(["a.yaml", "b/c.yml"]),
)
SETS = st.lists(SUMMARIES, max_size=10, unique_by=lambda s: s.id)


@given(SETS, SETS)
def test_a_patched_preparation_equals_a_fresh_one(
    before: list[CardSummary], after: list[CardSummary]
) -> None:
    patched = prepare(after, prepare(before))
    assert patched == prepare(after)


def summary(n: int, *tags: str) -> CardSummary:
    return CardSummary(f"card-{n}", f"Title {n}", "Crisis Group", PartialDate(2023), None, tags, "")


def test_an_edit_within_known_tags_is_patched_a_new_tag_rebuilds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cards = [summary(n, "theme/aid" if n % 2 else "country/mali") for n in range(20)]
    previous = prepare(cards)
    rebuilt: list[int] = []
    build = preparing.build_facets
    monkeypatch.setattr(preparing, "build_facets", lambda s: rebuilt.append(len(s)) or build(s))

    retitled = [cards[3]._replace(title="Renamed"), *cards[4:]]  # 3 cards gone
    patched = prepare(retitled, previous)
    assert rebuilt == []
    assert patched.sort_keys == prepare(retitled).sort_keys

    rebuilt.clear()
    with_new_tag = [*cards[:-1], summary(19, "actor/wagner")]
    prepare(with_new_tag, previous)
    assert rebuilt == [20]


def test_patched_facets_are_the_new_catalogs_and_select_its_cards_by_position() -> None:
    # A card added amid the others, and one moved by a new path, land where the new summaries
    # have them: the index's catalog selects by position with the facets prepare() made
    # (build_facets hands them over) instead of building its own on the UI thread.
    cards = [summary(n, "theme/aid" if n % 2 else "country/mali") for n in range(20)]
    previous = prepare(tuple(cards))
    added = summary(50, "theme/aid")._replace(path="b.yaml")
    moved = cards[7]._replace(path="z.yaml")
    after = (*cards[:3], added, *cards[3:7], *cards[8:], moved)
    prepared = prepare(after, previous)
    assert build_facets(after) is prepared.tags
    fresh = build_facets(list(after))
    assert list(prepared.tags.card_nodes) == [s.id for s in after]
    for tag in ("theme", "theme/aid", "country/mali"):
        query = Query(include_tags=(tag,))
        assert prepared.tags.select(query) == fresh.select(query)


def test_a_warm_open_builds_the_facets_once(tmp_path: Path) -> None:
    write_set(tmp_path / "set", 30, seed=3)
    catalog = open_index(tmp_path / "set", cache_dir=tmp_path / "cache")
    assert prepare(catalog.summaries()).tags is catalog.facets()


@settings(max_examples=30)
@given(SETS, SETS)
def test_the_list_s_first_order_comes_made_and_equal_to_sorting_by_the_keys(
    before: list[CardSummary], after: list[CardSummary]
) -> None:
    """Made fresh or patched, the keys carry the order the card list's first sort gives
    (newest first, every card), so the window does not sort at each catalog."""
    ids = [s.id for s in after]
    for keys in (prepare(after).sort_keys, prepare(after, prepare(before)).sort_keys):
        expected = sorted(ids, key=keys[DATE].__getitem__, reverse=True)
        assert presorted(keys, DATE, True, list(ids)) == expected
        assert presorted(keys, DATE, True, ids[::-1]) is None or ids == ids[::-1]
