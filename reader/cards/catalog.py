"""The catalog: what the window, the CLI and the export ask of a loaded set.

The window's models never hold parsed cards themselves; they hold a :class:`Catalog` and ask
it for row summaries, matching ids, tag counts and — only for the card being shown — the full
card. :class:`MemoryCatalog` answers from a :class:`CardSet` in memory; the persistent index
answers the same protocol from SQLite, so a 10,000-card set needs no other change in the UI.
"""

from __future__ import annotations

import functools
import heapq
import operator
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reader.cards.dates import PartialDate
from reader.cards.parts import Parts
from reader.cards.problems import Problem
from reader.cards.query import Query, words
from reader.cards.set_info import SetInfo

if TYPE_CHECKING:
    from reader.cards.model import Card, CardSet

#: Told (cards loaded, cards asked for) while many cards load; may raise to stop the loading.
CardProgress = Callable[[int, int], None]


class SummaryRow(NamedTuple):
    """A :class:`CardSummary` as plain values: what the index stores of each card, and what
    every summary is made from (:meth:`CardSummary.from_row`)."""

    id: str
    title: str
    publisher: str
    year: int
    month: int | None
    day: int | None
    kind: str | None
    tags: tuple[str, ...]
    path: str


class CardSummary(NamedTuple):
    """What a list row, a facet or a tag count needs: no argument, no quotes.

    A tuple, so that a warm open makes 100,000 of them from the stored columns in C
    (:func:`summaries_of_columns`), not one Python call each (0.35 s at 100,000 as a
    dataclass); its fields are read by name, as a dataclass's were.
    """

    id: str
    title: str
    publisher: str
    published: PartialDate
    kind: str | None
    tags: tuple[str, ...]
    path: str

    @classmethod
    def from_row(cls, row: SummaryRow) -> CardSummary:
        """The one place a summary is made, so a new field is added here and in the row.

        The row's values are read by name, so reordering the row's fields changes nothing
        (tests/cards/test_catalog.py checks that every field lands in its place).
        """
        published = _date(row.year, row.month, row.day)
        return cls(row.id, row.title, row.publisher, published, row.kind, row.tags, row.path)

    @classmethod
    def of(cls, card: Card) -> CardSummary:
        src, date = card.source, card.source.published
        return cls.from_row(
            SummaryRow(
                id=card.id,
                title=card.title,
                publisher=src.publisher,
                year=date.year,
                month=date.month,
                day=date.day,
                kind=src.kind,
                tags=card.tags,
                path=card.path,
            )
        )

    def row(self) -> SummaryRow:
        """The plain values :meth:`from_row` makes this summary from."""
        date = self.published
        return SummaryRow(
            id=self.id,
            title=self.title,
            publisher=self.publisher,
            year=date.year,
            month=date.month,
            day=date.day,
            kind=self.kind,
            tags=self.tags,
            path=self.path,
        )


#: A summary's id, in C: ``dict(zip(map(SUMMARY_ID, summaries), summaries))`` maps 100,000
#: summaries by id in a tenth of the time of a comprehension.
SUMMARY_ID: Callable[[CardSummary], str] = operator.attrgetter("id")

#: A set's summaries as columns: one sequence per :class:`SummaryRow` field, in its order.
#: The index stores them so (one marshal text), and a warm open makes the summaries from
#: them without a Python call per card (:func:`summaries_of_columns`).
SummaryColumns = tuple[tuple[Any, ...], ...]


def summary_columns(summaries: Sequence[CardSummary]) -> SummaryColumns:
    """``summaries`` as columns (see :data:`SummaryColumns`)."""
    columns = tuple(zip(*map(CardSummary.row, summaries), strict=True))
    return columns or ((),) * len(SummaryRow._fields)


def summaries_of_columns(columns: SummaryColumns) -> tuple[CardSummary, ...]:
    """The summaries :func:`summary_columns` was given; ValueError when the columns do not
    line up. Every step is a C loop: 100,000 summaries take a few hundredths of a second."""
    ids, titles, publishers, years, months, days, kinds, tags, paths = columns
    published = map(_date, years, months, days)
    rows = zip(ids, titles, publishers, published, kinds, tags, paths, strict=True)
    return tuple(map(_summary_of_tuple, rows))


#: A summary from a tuple of its values in order, in C (no ``__new__`` in Python).
_summary_of_tuple: Callable[[tuple[Any, ...]], CardSummary] = functools.partial(
    tuple.__new__, CardSummary
)


@functools.lru_cache(maxsize=4096)
def _date(year: int, month: int | None, day: int | None) -> PartialDate:
    """One object per date: the cards of a large set share a few hundred dates."""
    return PartialDate(year, month, day)


class Catalog(Protocol):
    """A loaded set, as the rest of the program sees it."""

    @property
    def root(self) -> Path: ...

    @property
    def info(self) -> SetInfo: ...

    @property
    def problems(self) -> Sequence[Problem]: ...

    def summaries(self) -> Sequence[CardSummary]:
        """Every valid card, in a stable order (by file path)."""
        ...

    def matching(self, query: Query) -> list[str]:
        """Ids of the cards the query matches, in :meth:`summaries` order."""
        ...

    def card(self, card_id: str) -> Card | None:
        """The full card, parsed on demand where the implementation allows it."""
        ...

    def analysed(
        self,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        parts: Parts = Parts.ALL,
    ) -> list[Card]:
        """The cards behind ``card_ids``, in that order (ids it lacks are dropped), carrying
        at least what set-wide analyses read: id, title, path, source, tags, and the
        ``parts`` asked for (all by default). The index answers without parsing (no thesis,
        summary or argument then, nor the parts not asked for); ``progress`` may raise to
        stop."""
        ...


class MemoryCatalog:
    """A :class:`Catalog` over a :class:`CardSet` held in memory (small and medium sets)."""

    def __init__(self, card_set: CardSet) -> None:
        self._set = card_set
        self._summaries = tuple(CardSummary.of(c) for c in card_set.cards)
        self._by_id = {c.id: c for c in card_set.cards}
        self._words: dict[str, list[str]] = {}

    @property
    def root(self) -> Path:
        return self._set.root

    @property
    def info(self) -> SetInfo:
        return self._set.info

    @property
    def problems(self) -> Sequence[Problem]:
        return self._set.problems

    @property
    def card_set(self) -> CardSet:
        return self._set

    def summaries(self) -> Sequence[CardSummary]:
        return self._summaries

    def card(self, card_id: str) -> Card | None:
        return self._by_id.get(card_id)

    def analysed(
        self,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        parts: Parts = Parts.ALL,
    ) -> list[Card]:
        """The whole cards (this catalog holds them parsed; ``parts`` is a minimum)."""
        if progress is not None:
            progress(0, len(card_ids))
        return [self._by_id[i] for i in card_ids if i in self._by_id]

    def _card_words(self, card_id: str) -> list[str]:
        if card_id not in self._words:
            self._words[card_id] = words(" ".join(self._by_id[card_id].texts()))
        return self._words[card_id]

    def matching(self, query: Query) -> list[str]:
        found = []
        for s in self._summaries:
            if not query.matches_metadata(s.id, s.tags, s.publisher, s.published.year, s.kind):
                continue
            if query.terms and not query.matches_words(self._card_words(s.id)):
                continue
            found.append(s.id)
        return found


def related(
    card_id: str, summaries: Sequence[CardSummary], limit: int = 5
) -> list[tuple[CardSummary, int]]:
    """The cards sharing the most tags with ``card_id`` (ties: newest first), with the count.

    Shown with every card, so it is one quick pass: a card sharing no tag costs one set test,
    and only the cards that can be among the best ``limit`` are ordered by date (10,000
    generated cards, most sharing a tag with any card: 8 ms, where sorting them all took 30).
    """
    current = next((s for s in reversed(summaries) if s.id == card_id), None)
    if current is None:
        return []
    mine = set(current.tags)
    scored = [
        (s, len(mine.intersection(s.tags)))
        for s in summaries
        if not mine.isdisjoint(s.tags) and s.id != card_id
    ]
    if len(scored) > limit:  # only cards sharing as many tags as the limit-th best can be in
        floor = heapq.nlargest(limit, [n for _, n in scored])[-1]
        scored = [pair for pair in scored if pair[1] >= floor]
    return heapq.nsmallest(limit, scored, key=_closest_first)


def _closest_first(pair: tuple[CardSummary, int]) -> tuple[int, int, int, int]:
    summary, shared = pair
    year, month, day = summary.published.sort_key
    return -shared, -year, -month, -day
