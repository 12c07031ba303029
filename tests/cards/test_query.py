"""Query semantics shared by the window, the CLI and the index."""

from __future__ import annotations

from reader.cards.catalog import MemoryCatalog, related
from reader.cards.facets import build_facets
from reader.cards.load import load_set
from reader.cards.query import Query, fold, has_tag, parse_search, tag_ancestors, words
from tests.conftest import SHIPPED_CARDS


def test_fold_is_case_and_accent_insensitive() -> None:
    assert fold("Goïta ÉCOWAS") == "goita ecowas"
    assert words("Mali’s junta, 2021!") == ["mali", "s", "junta", "2021"]


def test_terms_match_word_starts_and_phrases() -> None:
    haystack = words("The Wagner Group’s presence in Mali accelerated a crisis")
    assert all(t.matches(haystack) for t in parse_search("wagn MALI"))
    assert parse_search('"wagner group"')[0].matches(haystack)
    assert not parse_search('"group wagner"')[0].matches(haystack)
    assert not parse_search("agner")[0].matches(haystack)


def test_tags_match_their_children() -> None:
    assert has_tag(["actor/wagner"], "actor")
    assert not has_tag(["actors"], "actor")
    assert tag_ancestors("a/b/c") == ["a", "a/b", "a/b/c"]


def test_query_over_the_shipped_set() -> None:
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    everything = catalog.matching(Query())
    assert len(everything) == 3
    assert catalog.matching(Query(text="ECOWAS")) != []
    report_only = catalog.matching(Query(kinds=frozenset({"report"})))
    assert report_only == ["crisis-group-mali-isolation-2023"]
    not_report = catalog.matching(Query(exclude_tags=("kind/report",)))
    assert set(not_report) == set(everything) - set(report_only)
    assert catalog.matching(Query(text="zzzz-nothing")) == []


def test_describe_names_every_part() -> None:
    query = Query(include_tags=("actor/wagner",), exclude_tags=("kind/report",), text=" ECOWAS ")
    assert query.describe() == "tag actor/wagner; not kind/report; search “ECOWAS”"
    assert Query().describe() == "all cards"


def test_tag_counts_and_related() -> None:
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    summaries = catalog.summaries()
    counts = build_facets(summaries).tag_counts()
    assert counts["country/mali"] == 3
    assert counts["country"] >= counts["country/mali"]
    first = summaries[0].id
    rel = related(first, summaries)
    assert rel
    assert all(n > 0 for _, n in rel)
    assert first not in [s.id for s, _ in rel]
