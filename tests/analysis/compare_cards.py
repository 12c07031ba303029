"""Cards built in memory for comparison tests, and a generator for large sets.

Building :class:`Card` objects directly keeps these tests about comparing, not about parsing;
the shipped set covers the parsed path.
"""

from __future__ import annotations

import random
from pathlib import Path

from reader.cards.catalog import MemoryCatalog
from reader.cards.dates import PartialDate
from reader.cards.model import (
    Card,
    CardSet,
    Perspective,
    Point,
    Recommendation,
    SetInfo,
    Source,
    TimelineEvent,
    Topic,
)

TOPICS = (
    Topic("why", "Why it happened", "Why did it happen?"),
    Topic("impact", "What it changed", "What did it change?"),
    Topic("response", "How to respond", "How should others respond?"),
)
STANCES = ("supportive", "skeptical", "critical", "mixed", "neutral", "concerned")


def make_card(
    card_id: str,
    published: str,
    *,
    publisher: str = "Publisher",
    perspectives: dict[str, str] | None = None,
    recommendations: list[tuple[str, str]] | None = None,
    tags: tuple[str, ...] = ("theme/x",),
    timeline: list[tuple[str, str]] | None = None,
    points: int = 2,
) -> Card:
    """A card; ``perspectives`` maps topic key → stance, ``recommendations`` is (to, action)."""
    return Card(
        id=card_id,
        title=f"Title of {card_id}",
        source=Source(publisher=publisher, published=PartialDate.parse(published)),
        thesis=f"Thesis of {card_id}.",
        summary=f"Summary of {card_id}.",
        argument=tuple(
            Point(f"Claim {i + 1} of {card_id}", f"Support {i + 1}") for i in range(points)
        ),
        tags=tags,
        recommendations=tuple(Recommendation(to, action) for to, action in recommendations or []),
        perspectives=tuple(
            Perspective(topic, stance, f"{card_id} is {stance} on {topic}.")
            for topic, stance in (perspectives or {}).items()
        ),
        timeline=tuple(
            TimelineEvent(PartialDate.parse(date), text) for date, text in timeline or []
        ),
        path=f"{card_id}.yaml",
    )


def generated_cards(count: int, seed: int = 7) -> list[Card]:
    """``count`` varied cards: random dates of every precision, stances, silences, addressees."""
    rng = random.Random(seed)
    addressees = ("Bamako", "The Malian authorities", "Western partners", "ECOWAS", "Paris")
    cards = []
    for i in range(count):
        year = rng.randint(2015, 2024)
        precision = rng.randint(1, 3)
        date = f"{year}" + (f"-{rng.randint(1, 12):02d}" if precision > 1 else "")
        date += f"-{rng.randint(1, 28):02d}" if precision > 2 else ""
        cards.append(
            make_card(
                f"card-{i:03d}",
                date,
                publisher=f"Publisher {i % 7}",
                perspectives={t.key: rng.choice(STANCES) for t in TOPICS if rng.random() < 0.7},
                recommendations=[
                    (rng.choice(addressees), f"Action {j} of card {i}")
                    for j in range(rng.randint(0, 3))
                ],
                tags=tuple(sorted({f"theme/t{rng.randint(0, 9)}" for _ in range(3)})),
                timeline=[(f"{year}", f"Event {i} happens")],
            )
        )
    return cards


def catalog_of(cards: list[Card], info: SetInfo | None = None) -> MemoryCatalog:
    info = info or SetInfo(title="Generated", topics=TOPICS, has_file=True)
    return MemoryCatalog(CardSet(Path("/nonexistent/generated"), info, tuple(cards), ()))
