"""Cards built in code for the renderer tests: every field filled, or hostile, on demand."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument

from reader.cards.dates import PartialDate
from reader.cards.load import load_set
from reader.cards.model import (
    Actor,
    Card,
    CardSet,
    Perspective,
    Point,
    Quote,
    Recommendation,
    SetInfo,
    Source,
    TimelineEvent,
    Topic,
)
from tests.conftest import SHIPPED_CARDS

INFO = SetInfo(
    title="Test set",
    topics=(
        Topic("why", "Why it happened", "Why did the junta turn to Russia?"),
        Topic("what-next", "What comes next", "What should partners do?"),
    ),
)


def make_card(**changes: Any) -> Card:
    """A card with every section filled; keyword arguments replace fields."""
    card = Card(
        id="test-card",
        title="Goïta and the junta",
        source=Source(
            publisher="Crisis Watch",
            published=PartialDate(2023, 2),
            title="The source's own title",
            authors=("Ana Author", "Ben Writer"),
            kind="report",
            url="https://example.org/report",
        ),
        thesis="The thesis of the card.",
        summary="A summary with *emphasis* and a [safe link](https://example.org/x).",
        argument=(
            Point("First claim.", "Evidence for it.", "¶1"),
            Point("Second claim without support.", None, "¶2"),
        ),
        tags=("country/mali", "actor/wagner", "theme/sanctions"),
        recommendations=(
            Recommendation("Bamako", "Talk to neighbours.", "§V ¶1"),
            Recommendation("Paris", "Stay engaged.", None),
            Recommendation("Bamako", "Hold elections.", "§V ¶2"),
        ),
        perspectives=(
            Perspective("what-next", "critical", "Partners should engage."),
            Perspective("why", "skeptical", "Leverage more than need."),
            Perspective("unlisted-topic", "quizzical", "A view on a topic the set lacks."),
        ),
        actors=(Actor("Assimi Goïta", "Transitional president"), Actor("Wagner", None)),
        timeline=(
            TimelineEvent(PartialDate(2021, 5, 24), "Second coup."),
            TimelineEvent(PartialDate(2020), "First year event."),
            TimelineEvent(PartialDate(2021, 5), "May, month precision."),
        ),
        quotes=(Quote("A memorable line.", "¶4"),),
        notes="A caveat from the card writer.\n\nA second paragraph of notes.",
        path="test-card.yaml",
    )
    return dataclasses.replace(card, **changes)


@pytest.fixture(scope="session")
def shipped() -> CardSet:
    card_set = load_set(Path(SHIPPED_CARDS))
    assert len(card_set.cards) == 3, card_set.problems
    return card_set


def fragments(doc: QTextDocument) -> Iterator[tuple[str, QTextCharFormat]]:
    """Every text fragment of a laid-out document, tables included, with its format."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            yield frag.text(), frag.charFormat()
            it += 1
        block = block.next()


def visible_text(doc: QTextDocument) -> str:
    """The document's text as a reader sees it: no word joiners, ordinary spaces."""
    return doc.toPlainText().replace("\u2060", "").replace("\u00a0", " ")
