"""The shipped card set: clean under `check`, faithful to its sources, paraphrased."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from reader.cards.load import load_set
from reader.cards.model import Card
from reader.cards.query import tag_ancestors, words
from reader.cli import main
from reader.verify.source_text import SourceText
from tests.conftest import SHARED_SOURCES, SHIPPED_CARDS

CARD_SET = load_set(SHIPPED_CARDS)
needs_sources = pytest.mark.skipif(
    not SHARED_SOURCES.is_dir(), reason="the source texts live outside the repository"
)
COPY_LIMIT = 10


def test_plain_check_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SHIPPED_CARDS)]) == 0
    assert capsys.readouterr().out.startswith("3 cards, 0 errors, 0 warnings")


@needs_sources
def test_check_against_the_sources_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SHIPPED_CARDS), "--sources", str(SHARED_SOURCES)]) == 0
    assert capsys.readouterr().out.startswith("3 cards, 0 errors, 0 warnings")


def test_one_card_per_source_with_its_file() -> None:
    files = sorted(c.source.file or "" for c in CARD_SET.cards)
    assert files == [
        "000_2ca4a86bf1bcc539.txt",
        "002_474377d511f1406b.txt",
        "004_33df19c5b7719393.txt",
    ]


@pytest.mark.parametrize("card", CARD_SET.cards, ids=lambda c: c.id)
def test_card_shape(card: Card) -> None:
    assert 5 <= len(card.argument) <= 12
    assert all(p.support and p.where for p in card.argument)
    assert 1 <= len(card.quotes) <= 3
    assert all(q.where for q in card.quotes)
    assert card.perspectives
    assert card.source.authors == ()  # none is printed in any of the three sources
    assert card.source.url is None


def test_every_tag_used_is_described() -> None:
    described = CARD_SET.info.tag_descriptions
    used = {a for card in CARD_SET.cards for t in card.tags for a in tag_ancestors(t)}
    assert sorted(used - set(described)) == []


def test_every_topic_is_addressed_by_at_least_two_sources() -> None:
    topics = CARD_SET.info.topics
    assert 5 <= len(topics) <= 8
    addressed = Counter(p.topic for c in CARD_SET.cards for p in c.perspectives)
    assert {t.key: addressed[t.key] for t in topics if addressed[t.key] < 2} == {}


def _paraphrased_texts(card: Card) -> Iterator[tuple[str, str]]:
    """Every text field but quotes and actors' names (official names may be verbatim)."""
    yield "title", card.title
    yield from (("thesis", card.thesis), ("summary", card.summary), ("notes", card.notes or ""))
    for i, p in enumerate(card.argument, 1):
        yield from ((f"argument {i}", p.claim), (f"support of argument {i}", p.support or ""))
    for i, r in enumerate(card.recommendations, 1):
        yield from ((f"addressee {i}", r.to), (f"recommendation {i}", r.action))
    for p in card.perspectives:
        yield f"perspective {p.topic}", p.view
    for a in card.actors:
        yield f"role of {a.name}", a.role or ""
    for i, e in enumerate(card.timeline, 1):
        yield f"timeline {i}", e.event


def _ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@needs_sources
@pytest.mark.parametrize("card", CARD_SET.cards, ids=lambda c: c.id)
def test_no_ten_word_run_is_copied_from_the_source(card: Card) -> None:
    assert card.source.file
    raw = (SHARED_SOURCES / card.source.file).read_text(encoding="utf-8")
    body = " ".join(p.text for p in SourceText.parse(raw, card.source.lines).paragraphs)
    source_runs = _ngrams(words(body), COPY_LIMIT)
    exempt: set[tuple[str, ...]] = set()
    for actor in card.actors:
        exempt |= _ngrams(words(actor.name), COPY_LIMIT)
    copied = [
        (field, " ".join(run))
        for field, text in _paraphrased_texts(card)
        for run in sorted(_ngrams(words(text), COPY_LIMIT) & source_runs - exempt)
    ]
    assert copied == []
