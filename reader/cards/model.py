"""The card model: typed, immutable objects made from validated card and set files.

Only the loader builds these, and only from data the schema has accepted, so the rest of the
program can rely on every required field being present and well-formed. What a set file
declares (:mod:`reader.cards.set_info`) and :class:`Parts` (:mod:`reader.cards.parts`) live
apart, and are named here too: a window's warm open needs them, not the cards' eleven
classes (~10 ms to make), which come with the parser (#17 §4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.cards.dates import PartialDate
from reader.cards.parts import Parts
from reader.cards.positions import PathKey, Position, nearest_position
from reader.cards.problems import Problem
from reader.cards.set_info import SET_FILE, SET_FORMAT, SetInfo, Topic

__all__ = [
    "CARD_FORMAT",
    "ID_PATTERN",
    "KINDS",
    "SET_FILE",
    "SET_FORMAT",
    "Actor",
    "Card",
    "CardSet",
    "Parts",
    "Perspective",
    "Point",
    "Quote",
    "Recommendation",
    "SetInfo",
    "Source",
    "TimelineEvent",
    "Topic",
]

CARD_FORMAT = "briefing-card/1"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
KINDS = ("analysis", "report", "news", "opinion", "brief", "other")


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str
    published: PartialDate
    title: str | None = None
    authors: tuple[str, ...] = ()
    kind: str | None = None
    url: str | None = None
    file: str | None = None
    #: Inclusive 1-based line range of ``file`` that holds the source's own text.
    lines: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Point:
    claim: str
    support: str | None = None
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    to: str
    action: str
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Perspective:
    topic: str
    stance: str
    view: str


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: PartialDate
    event: str


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    where: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    source: Source
    thesis: str
    summary: str
    argument: tuple[Point, ...]
    tags: tuple[str, ...]
    recommendations: tuple[Recommendation, ...] = ()
    perspectives: tuple[Perspective, ...] = ()
    actors: tuple[Actor, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    quotes: tuple[Quote, ...] = ()
    notes: str | None = None
    #: File path relative to the set folder, with '/' separators.
    path: str = ""
    #: Where each part of the card was written, for diagnostics about it (e.g. quote checks).
    positions: Mapping[PathKey, Position] = field(default_factory=dict, compare=False, repr=False)

    def position(self, *path: str | int) -> Position:
        return nearest_position(self.positions, tuple(path))

    def perspective(self, topic: str) -> Perspective | None:
        return next((p for p in self.perspectives if p.topic == topic), None)

    def texts(self) -> Iterator[str]:
        """Every piece of reader-visible text, for search and indexing."""
        yield self.title
        src = self.source
        yield from (src.publisher, src.title or "", *src.authors)
        yield from (self.thesis, self.summary, self.notes or "")
        for point in self.argument:
            yield from (point.claim, point.support or "")
        for rec in self.recommendations:
            yield from (rec.to, rec.action)
        for persp in self.perspectives:
            yield from (persp.stance, persp.view)
        for actor in self.actors:
            yield from (actor.name, actor.role or "")
        for event in self.timeline:
            yield event.event
        for quote in self.quotes:
            yield quote.text
        yield from self.tags


@dataclass(frozen=True, slots=True)
class CardSet:
    root: Path
    info: SetInfo
    cards: tuple[Card, ...]
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        return self.info.title

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)

    def all_tags(self) -> set[str]:
        return {tag for card in self.cards for tag in card.tags}
