"""Locator health: a locator that cites the wrong passage, or one paragraph of several, is found.

tests/data/evidence holds two fictional sources (a report with sections, an article without)
and cards that cite them rightly and wrongly, by hand.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from reader.cards.load import load_set
from reader.cards.model import Card
from reader.verify.health import Mark, card_health, totals
from reader.verify.quotes import verify_set
from reader.verify.relevance import Kind, compact_locator, relevance_findings
from reader.verify.source_text import SourceText
from reader.verify.sources import find_source_file, read_source
from tests.conftest import DATA, SHARED_SOURCES, SHIPPED_CARDS

EVIDENCE = DATA / "evidence"


def test_each_wrong_locator_is_found_with_the_better_passage() -> None:
    problems = verify_set(load_set(EVIDENCE), EVIDENCE)
    assert [(str(p), p.suggestion) for p in problems] == [
        (
            "dam-report-wrong.yaml:15:12: warning: argument 1 cites §III ¶3, but its claim "
            "and support match §I ¶1 best",
            "§I ¶1",
        ),
        (
            "dam-report-wrong.yaml:18:12: warning: argument 2 cites §I ¶2; §I ¶2–3 covers "
            "its support",
            "§I ¶2–3",
        ),
        (
            "dam-report-wrong.yaml:22:12: warning: recommendation 1 cites §II ¶3, but its "
            "action matches §III ¶3 best",
            "§III ¶3",
        ),
        ("dam-report-wrong.yaml:25:12: error: quote 1 is in §I ¶2, not §I ¶3", "§I ¶2"),
        (
            "orchard-article-wrong.yaml:18:12: warning: argument 2 cites ¶1, but its claim and "
            "support match ¶3 best",
            "¶3",
        ),
        (
            "orchard-article-wrong.yaml:21:12: warning: argument 3 cites ¶4; ¶4–5 covers its "
            "support",
            "¶4–5",
        ),
    ]


def test_ranges_and_lists_that_cover_the_support_raise_nothing() -> None:
    card_set = load_set(EVIDENCE)
    right = [c for c in card_set.cards if not c.id.endswith("-wrong")]
    assert {c.id for c in right} == {"dam-report", "orchard-article-right"}
    assert not [p for p in verify_set(card_set, EVIDENCE) if not p.path.endswith("-wrong.yaml")]


def test_compact_locators_join_runs_within_a_section() -> None:
    text = SourceText.parse((EVIDENCE / "sources" / "report.txt").read_text("utf-8"), (4, 34))
    by_locator = {p.locator: p for p in text.paragraphs}
    chosen = [by_locator[x] for x in ("¶2", "§I ¶1", "§I ¶2", "§I ¶3", "§III ¶1", "§III ¶3")]
    assert compact_locator(chosen) == "¶2, §I ¶1–3, §III ¶1, §III ¶3"


def _source(card: Card, root: Path) -> SourceText:
    path = find_source_file(card, [SHARED_SOURCES, root])
    assert path is not None
    return SourceText.parse(read_source(path), card.source.lines)


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the source texts live outside the repo")
def test_the_shipped_cards_cite_their_best_passages() -> None:
    card_set = load_set(SHIPPED_CARDS)
    for card in card_set.cards:
        assert list(relevance_findings(card, _source(card, card_set.root))) == []


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the source texts live outside the repo")
def test_locators_moved_by_hand_in_the_shipped_cards_are_caught() -> None:
    """Every argument locator moved to a paragraph at least three away: nearly all caught."""
    card_set = load_set(SHIPPED_CARDS)
    rng = random.Random(1)
    caught = moved = 0
    for card in card_set.cards:
        source = _source(card, card_set.root)
        order = {p: i for i, p in enumerate(source.paragraphs)}
        for index, point in enumerate(card.argument):
            cited = source.resolve(point.where or "")
            if isinstance(cited, str):
                continue
            far = [p for p in source.paragraphs if min(abs(order[p] - order[c]) for c in cited) > 2]
            wrong = rng.choice(far).locator
            points = tuple(
                replace(p, where=wrong) if i == index else p for i, p in enumerate(card.argument)
            )
            findings = relevance_findings(replace(card, argument=points), source)
            moved += 1
            caught += any(f.index == index and f.kind is Kind.ELSEWHERE for f in findings)
    assert moved >= 30
    assert caught / moved >= 0.9


def test_each_item_carries_its_mark() -> None:
    card_set = load_set(EVIDENCE)
    by_id = {c.id: c for c in card_set.cards}
    wrong = by_id["dam-report-wrong"]
    source = SourceText.parse(
        (EVIDENCE / "sources" / "report.txt").read_text("utf-8"), wrong.source.lines
    )
    health = card_health(wrong, source)
    assert health["argument", 0].mark is Mark.SUSPECT
    assert health["argument", 0].reason == (
        "argument 1 cites §III ¶3, but its claim and support match §I ¶1 best"
    )
    assert health["quotes", 0].reason == "quote 1 is in §I ¶2, not §I ¶3"
    right = card_health(by_id["dam-report"], source)
    assert {h.mark for h in right.values()} == {Mark.VERIFIED}
    assert {h.mark for h in card_health(wrong, None).values()} == {Mark.UNVERIFIABLE}
    assert totals([health, right]) == {Mark.SUSPECT: 4, Mark.VERIFIED: 6}
