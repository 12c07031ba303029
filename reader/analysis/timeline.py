"""One timeline for many cards: every card's events by date, the same event reported by
several cards merged into one entry with each card's wording.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum

from reader.analysis.columns import PROGRESS_EVERY, date_order
from reader.cards.dates import PartialDate
from reader.cards.model import Card
from reader.cards.query import words

#: Two timeline events on the same date are one when the shorter one's content words are at
#: least this much shared by the other (see :func:`same_event`).
MERGE_OVERLAP = 0.8


class EventKind(Enum):
    EVENT = "event"
    #: A card's source appearing: every source is itself an event in the story.
    PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class Report:
    """One card's account of an event, in its own words."""

    card: Card
    text: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: PartialDate
    kind: EventKind
    #: Every card that reports the event; the first one's wording is the entry's text.
    reports: tuple[Report, ...]

    @property
    def text(self) -> str:
        return self.reports[0].text

    @property
    def cards(self) -> tuple[Card, ...]:
        return tuple(r.card for r in self.reports)


#: Words that carry no fact of their own; they neither make nor break a match.
# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "its", "their", "his", "her", "s", "is", "are", "was", "were", "be", "been", "it", "this",
    "that", "as", "into",
})
# fmt: on


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in _FUNCTION_WORDS)


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a prefix of the other of at least four letters: arrive/arrived, sanction/
    sanctions, Russia/Russian — inflections, not different words."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def wording_overlap(a: str, b: str) -> float:
    """The share of the shorter description's content words that the other also uses, 0 to 1.

    Content words are the folded words (case, accents and punctuation ignored) without
    function words such as "the" or "its".
    """
    return _overlap(_content_words(a), _content_words(b))


def _overlap(words_a: frozenset[str], words_b: frozenset[str]) -> float:
    """:func:`wording_overlap` of two descriptions' content words."""
    if not words_a or not words_b:
        return 1.0 if words_a == words_b else 0.0
    short, long_ = sorted((words_a, words_b), key=len)
    # A word the other also has matches without comparing it with each of them.
    shared = sum(1 if w in long_ else any(_same_word(w, o) for o in long_) for w in short)
    return shared / len(short)


def same_event(a: str, b: str) -> bool:
    """Whether two same-dated descriptions are one event told twice.

    They are when at least :data:`MERGE_OVERLAP` (0.8) of the shorter one's content words
    appear in the other: one source adding detail or a remark ("… (year inferred)"), or
    reordering the sentence, still merges. What tells two events apart is a differing name,
    number or verb — "Coup in Mali" / "Coup in Niger", "Mali leaves" / "Mali joins the G5" —
    and with four content words or fewer a single one keeps them apart. (A ratio over word
    sequences, such as difflib's, rates "Event 3 happens" and "Event 17 happens" at 0.67 and
    would merge them.) The rule errs towards showing an event twice rather than hiding one:
    a paraphrase with new verbs and nouns stays two rows.
    """
    return wording_overlap(a, b) >= MERGE_OVERLAP


def merged_timeline(
    cards: Iterable[Card], checkpoint: Callable[[], None] | None = None
) -> tuple[TimelineEntry, ...]:
    """Every card's timeline and every publication, in date order, duplicates merged.

    ``checkpoint`` is called every :data:`PROGRESS_EVERY` cards and may raise to stop: merging
    thousands of timelines takes seconds.

    Events merge only across cards (a card that lists two similar events meant two), only
    when their dates are equal at the same precision ("2021-09" is not "2021-09-30"), and
    only when :func:`same_event` says the wording matches. Dates sort by
    :attr:`PartialDate.sort_key`, so a month comes before the days in it.
    """
    ordered = date_order(cards)
    groups: dict[PartialDate, list[list[Report]]] = {}
    content: dict[str, frozenset[str]] = {}  # each wording's words, worked out once

    def words_of(text: str) -> frozenset[str]:
        found = content.get(text)
        if found is None:
            found = content[text] = _content_words(text)
        return found

    for n, card in enumerate(ordered):
        if checkpoint is not None and n % PROGRESS_EVERY == 0:
            checkpoint()
        for event in card.timeline:
            clusters = groups.setdefault(event.date, [])
            told = words_of(event.event)
            home = next(
                (
                    cluster
                    for cluster in clusters
                    if all(r.card.id != card.id for r in cluster)
                    and any(_overlap(words_of(r.text), told) >= MERGE_OVERLAP for r in cluster)
                ),
                None,
            )
            if home is None:
                clusters.append([Report(card, event.event)])
            else:
                home.append(Report(card, event.event))
    entries = [
        TimelineEntry(date, EventKind.EVENT, tuple(cluster))
        for date, clusters in groups.items()
        for cluster in clusters
    ]
    entries += [
        TimelineEntry(
            c.source.published,
            EventKind.PUBLISHED,
            (Report(c, f"{c.source.publisher} publishes “{c.source.title or c.title}”"),),
        )
        for c in ordered
    ]
    # Python's sort is stable: within a date, events keep card-then-timeline order and
    # publications follow the events of their day.
    entries.sort(key=lambda e: (e.date.sort_key, e.kind is EventKind.PUBLISHED))
    return tuple(entries)
