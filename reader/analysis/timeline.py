"""One timeline for many cards: every card's events by date, the same event reported by
several cards merged into one entry with each card's wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import chain

from reader.analysis.columns import PROGRESS_EVERY, date_order
from reader.cards.dates import PartialDate
from reader.cards.event_order import date_number
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


#: Words this long or longer match their inflections (see :func:`_matches`).
STEM = 4


class _Wording:
    """A description's content words, and the same words grouped by their first :data:`STEM`
    letters: whether a word matches one of them is a set lookup and a look at the few words
    of its group, not a comparison with each (the timeline of 10,000 cards compares millions
    of words). A plain class: made once per distinct wording, and read-only by convention."""

    __slots__ = ("groups", "keys", "single", "size", "words")

    def __init__(self, text: str) -> None:
        found = frozenset(words(text)) - _FUNCTION_WORDS
        groups: dict[str, tuple[str, ...]] = {}
        for word in found:
            key = word[:STEM]
            groups[key] = (*groups.get(key, ()), word)
        self.words = found
        self.size = len(found)
        #: Each word of :data:`STEM` letters or more under its first :data:`STEM` letters; a
        #: shorter word under itself. A word matches only words of its own group (see
        #: :func:`_matches`); a wording without content words has only the group "".
        self.groups = groups if found else {"": ()}
        #: The groups' keys: two wordings with any word in common, or inflections of one,
        #: share one of them.
        self.keys = frozenset(self.groups)
        #: Whether every group holds one word, so that shared keys count matching words.
        self.single = len(groups) == len(found)


def _matches(word: str, other: _Wording) -> bool:
    """Whether ``other`` has ``word``, or an inflection of it: equal, or one a prefix of the
    other of at least four letters (arrive/arrived, sanction/sanctions, Russia/Russian)."""
    if word in other.words:
        return True
    if len(word) < STEM:
        return False
    # An inflection shares the first STEM letters, so it is in word's group (whose words all
    # have STEM letters or more: a shorter word's key is itself, shorter than word[:STEM]).
    group = other.groups.get(word[:STEM], ())
    return any(w.startswith(word) or word.startswith(w) for w in group)


def wording_overlap(a: str, b: str) -> float:
    """The share of the shorter description's content words that the other also uses, 0 to 1.

    Content words are the folded words (case, accents and punctuation ignored) without
    function words such as "the" or "its".
    """
    return _overlap(_Wording(a), _Wording(b))


def _overlap(a: _Wording, b: _Wording, enough: float = 0.0) -> float:
    """:func:`wording_overlap` of two descriptions' content words; once it is sure to stay
    below ``enough``, it stops counting and says 0."""
    if not a.words or not b.words:
        return 1.0 if a.words == b.words else 0.0
    short, long_ = (a, b) if a.size <= b.size else (b, a)
    total = short.size
    misses = 0
    for word in short.words:
        if not _matches(word, long_):
            misses += 1
            if (total - misses) / total < enough:  # the ratio the caller compares
                return 0.0
    return (total - misses) / total


def _could_merge(short: _Wording, long_: _Wording) -> bool:
    """False when ``short`` (the shorter wording) cannot reach :data:`MERGE_OVERLAP` with
    ``long_``: a word matches only within its group, so the words of the groups both have are
    all that can match (a set intersection, where counting the matches looks at each word)."""
    shared = short.keys & long_.keys
    possible = len(shared) if short.single else sum(len(short.groups[k]) for k in shared)
    return not short.size or possible / short.size >= MERGE_OVERLAP


def _merges(a: _Wording, b: _Wording) -> bool:
    """:func:`same_event` of two wordings."""
    short, long_ = (a, b) if a.size <= b.size else (b, a)
    return _could_merge(short, long_) and _overlap(short, long_, MERGE_OVERLAP) >= MERGE_OVERLAP


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


class _Clusters:
    """One date's events, each cluster the reports of one event, in the order first told."""

    def __init__(self) -> None:
        self.reports: list[list[Report]] = []
        self._wordings: list[list[_Wording]] = []
        self._card_ids: list[set[str]] = []
        # Each cluster's fewest content words of a report, 0 when one of its reports has
        # groups of several words (then it is compared whatever it shares; see _candidates).
        self._fewest: list[int] = []
        # Which clusters have a report with each key (see _Wording.keys): an event can merge
        # only into a cluster that shares enough keys with it, so only those are compared (a
        # year with hundreds of events would otherwise compare each with all before it).
        self._by_key: dict[str, list[int]] = {}

    def _candidates(self, told: _Wording) -> list[int]:
        """The clusters ``told`` could merge into, in order. Two wordings of one-word groups
        merge only when their shared keys are :data:`MERGE_OVERLAP` of the shorter's words
        (see :func:`_could_merge`); a cluster has at least the keys any of its reports
        shares, so one sharing fewer than that with its shortest report is not compared."""
        by_key = self._by_key
        shared = Counter(chain.from_iterable(by_key.get(key, ()) for key in told.keys))
        if not told.single or not told.size:
            return sorted(shared)
        fewest = self._fewest
        return sorted(
            i
            for i, count in shared.items()
            if not fewest[i] or count / min(told.size, fewest[i]) >= MERGE_OVERLAP
        )

    def add(self, report: Report, told: _Wording) -> None:
        """Put ``report`` in the first cluster it merges into (one without its card), or a
        new one."""
        home = None
        for i in self._candidates(told):
            if report.card.id in self._card_ids[i]:
                continue
            if any(_merges(wording, told) for wording in self._wordings[i]):
                home = i
                break
        if home is None:
            home = len(self.reports)
            self.reports.append([])
            self._wordings.append([])
            self._card_ids.append(set())
            self._fewest.append(told.size)
        self.reports[home].append(report)
        self._wordings[home].append(told)
        self._card_ids[home].add(report.card.id)
        fewest = told.size if told.single else 0
        self._fewest[home] = min(self._fewest[home], fewest)
        for key in told.keys:
            homes = self._by_key.setdefault(key, [])
            if not homes or homes[-1] != home:
                homes.append(home)


def merged_timeline(
    cards: Iterable[Card], checkpoint: Callable[[], None] | None = None
) -> tuple[TimelineEntry, ...]:
    """Every card's timeline and every publication, in date order, duplicates merged (all of
    :func:`timeline_entries`)."""
    return tuple(timeline_entries(cards, checkpoint))


def timeline_entries(
    cards: Iterable[Card],
    checkpoint: Callable[[], None] | None = None,
    *,
    after: int | None = None,
) -> Iterator[TimelineEntry]:
    """The merged timeline's entries in order, each date's events merged when it is reached:
    a view has its first screenful once the events are sorted by date, without waiting for
    the merging of every later date.

    ``checkpoint`` is called every :data:`PROGRESS_EVERY` cards and as many events, and may
    raise to stop: merging thousands of timelines takes a good part of a second.

    Events merge only across cards (a card that lists two similar events meant two), only
    when their dates are equal at the same precision ("2021-09" is not "2021-09-30"), and
    only when :func:`same_event` says the wording matches; within a date, in the order of the
    cards (oldest first) and of their timelines. Dates sort by :attr:`PartialDate.sort_key`,
    so a month comes before the days in it; a day's publications follow its events.

    ``after``: only the dates whose :func:`~reader.cards.event_order.date_number` is greater
    (the earlier ones were shown already: the timeline's first part).
    """
    ordered = date_order(cards)
    events: dict[PartialDate, list[Report]] = {}
    published: dict[PartialDate, list[Card]] = {}
    for n, card in enumerate(ordered):
        if checkpoint is not None and n % PROGRESS_EVERY == 0:
            checkpoint()
        for event in card.timeline:
            events.setdefault(event.date, []).append(Report(card, event.event))
        published.setdefault(card.source.published, []).append(card)
    wordings: dict[str, _Wording] = {}  # each wording's words, worked out once
    merged = 0
    dates = sorted(events.keys() | published.keys(), key=date_number)
    for date in dates if after is None else (d for d in dates if date_number(d) > after):
        clusters = _Clusters()
        for report in events.get(date, ()):
            if checkpoint is not None and merged % PROGRESS_EVERY == 0:
                checkpoint()
            merged += 1
            told = wordings.get(report.text)
            if told is None:
                told = wordings[report.text] = _Wording(report.text)
            clusters.add(report, told)
        for cluster in clusters.reports:
            yield TimelineEntry(date, EventKind.EVENT, tuple(cluster))
        for card in published.get(date, ()):
            news = f"{card.source.publisher} publishes “{card.source.title or card.title}”"
            yield TimelineEntry(date, EventKind.PUBLISHED, (Report(card, news),))
    # One wording at a time: at 100,000 cards the generator's end dropped some 400,000 of
    # them (two million objects) in one go, holding the interpreter for 0.1-0.15 s.
    for _ in range(len(wordings)):
        wordings.popitem()
