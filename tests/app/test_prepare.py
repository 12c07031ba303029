"""What the loader thread derives for the views: patched after a few edits, equal to a rebuild."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.app import prepare as preparing
from reader.app.prepare import prepare
from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate

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

    retitled = [dataclasses.replace(cards[3], title="Renamed"), *cards[4:]]  # 3 cards gone
    patched = prepare(retitled, previous)
    assert rebuilt == []
    assert patched.sort_keys == prepare(retitled).sort_keys

    rebuilt.clear()
    with_new_tag = [*cards[:-1], summary(19, "actor/wagner")]
    prepare(with_new_tag, previous)
    assert rebuilt == [20]
