"""The timeline's rows as the view shows them, worked out off the UI thread: its events with
and without the publications, the years whose year-only events say so, and the first part
that the window shows while the later dates are merged.

Pure Python (no widget): :meth:`reader.ui.compare.timeline.TimelineView.compute` runs
:func:`timeline_rows` on a view job's thread.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import takewhile
from typing import Any

from reader.analysis.columns import CardProgress
from reader.analysis.timeline import EventKind, TimelineEntry, timeline_entries
from reader.cards.catalog import Catalog
from reader.cards.dates import PartialDate, Precision
from reader.cards.event_order import EventOrdered, date_number
from reader.cards.model import Card, Parts


def mixed_years(dates: Iterable[PartialDate]) -> frozenset[int]:
    """The years with events dated only by the year and events dated more precisely: where
    a year-only event's place (before the others) must be said. Elsewhere it goes unsaid."""
    shown = set(dates)
    years = {d.year for d in shown if d.precision is Precision.YEAR}
    return frozenset(d.year for d in shown if d.precision > Precision.YEAR) & years


@dataclass(frozen=True, slots=True)
class YearMarks:
    """The years whose year-only events say so (:func:`mixed_years`), with and without the
    publications. Worked out from the cards' dates, not the merged rows (merging keeps every
    date), so a first part of the timeline marks its rows as the whole one will."""

    every: frozenset[int]
    events: frozenset[int]

    @classmethod
    def of(
        cls, cards: Sequence[Card], events_after: int | None = None, after: int | None = None
    ) -> YearMarks:
        """The marks of ``cards``' dates; ``events_after``, ``after``: a year in which other
        cards have an event, or an event or publication, dated more precisely (a first part's
        last year, whose later dates it does not read)."""
        events = {e.date for card in cards for e in card.timeline}
        published = {card.source.published for card in cards}
        events.update(PartialDate(y, 1) for y in (events_after,) if y is not None)
        published.update(PartialDate(y, 1) for y in (after,) if y is not None)
        return cls(mixed_years(events | published), mixed_years(events))


#: Events (publications aside) in the first part of a timeline, shown while its later dates
#: are merged: two pages (:data:`reader.ui.compare.paged.PAGE`), more than a screenful at any
#: window size.
FIRST_PART = 50
#: Seconds the merge waits for the window to paint its first part (see ``TimelineRows.shown``).
PAINT_WAIT = 0.25


@dataclass(frozen=True, slots=True)
class TimelineRows:
    """The timeline's rows with and without the publications, and the years whose year-only
    events say so in each: made off the UI thread (:func:`timeline_rows`). Filtering
    and scanning 40,000 events took a tenth of a second of frozen window when a result came
    in, and again on each Show Publications.

    Not ``complete``: the first rows of a timeline whose later dates are still being merged
    (at 10,000 cards, half a second of its worked-out time); the whole one follows."""

    every: tuple[TimelineEntry, ...]
    events: tuple[TimelineEntry, ...]
    marks: YearMarks
    complete: bool = True
    #: A first part's: set once the view has painted it. The merge waits for that (up to
    #: :data:`PAINT_WAIT`): beside it, the window's laying out and painting the part took
    #: twice as long and froze it for 60-140 ms, each thread holding the interpreter half
    #: the time.
    shown: threading.Event | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls, entries: Sequence[TimelineEntry], marks: YearMarks, *, complete: bool = True
    ) -> TimelineRows:
        every = tuple(entries)
        events = tuple(e for e in every if e.kind is not EventKind.PUBLISHED)
        return cls(every, events, marks, complete, None if complete else threading.Event())

    def continues(self, part: TimelineRows) -> bool:
        """Whether these rows are ``part``'s, and more: the same merge's entries (the very
        objects), so the rows shown of ``part`` stay as they are."""
        head = part.every
        return (
            not part.complete
            and len(self.every) >= len(head) > 0
            and self.every[0] is head[0]
            and self.every[len(head) - 1] is head[-1]
        )


def timeline_rows(
    catalog: Catalog,
    card_ids: Sequence[str],
    progress: CardProgress | None = None,
    first_part: Callable[[Any], None] | None = None,
) -> TimelineRows:
    """The rows of ``card_ids``' timeline; ``first_part`` is given a first part of them —
    from the few cards whose events come first (:func:`early_part`), or else the first
    :data:`FIRST_PART` events as soon as they are merged (each date is merged when reached) —
    and the rest waits until it is painted (see :attr:`TimelineRows.shown`)."""
    early = early_part(catalog, card_ids) if first_part is not None else None
    if first_part is not None and early is not None:
        first_part(early[0])
        assert early[0].shown is not None
        early[0].shown.wait(PAINT_WAIT)
    cards = catalog.analysed(card_ids, progress, Parts.TIMELINE)
    marks = YearMarks.of(cards)
    # Merging takes as long as loading at 10,000 cards: it must stop when asked, too.
    total = len(card_ids)
    checkpoint = None if progress is None else partial(progress, total, total)
    if early is not None:
        part, shown_to = early
        rest = timeline_entries(cards, checkpoint, after=shown_to)
        return TimelineRows.of([*part.every, *rest], marks)
    entries = timeline_entries(cards, checkpoint)
    every: list[TimelineEntry] = []
    if first_part is not None:
        events = 0
        for entry in entries:
            every.append(entry)
            events += entry.kind is not EventKind.PUBLISHED
            if events == FIRST_PART:
                part = TimelineRows.of(every, marks, complete=False)
                first_part(part)
                assert part.shown is not None
                part.shown.wait(PAINT_WAIT)
                break
    every.extend(entries)
    return TimelineRows.of(every, marks)


def early_part(catalog: Catalog, card_ids: Sequence[str]) -> tuple[TimelineRows, int] | None:
    """The timeline's rows up to a date (as :func:`date_number`), read from only the cards
    with an event or publication by then, and that date; None when the catalog cannot say
    which cards those are (:class:`EventOrdered`) or none are.

    The date is the :data:`FIRST_PART`-th earliest of the cards' first events, so the part
    has at least that many events before merging. Every card with an event or publication
    by then is read, so its rows are the whole timeline's, in the same order and merged
    alike. When the date has only a year, whether that year's year-only events say so
    (:func:`mixed_years`) depends on its later dates: the other cards' first events and
    publications tell.
    """
    keys = catalog.first_events(card_ids) if isinstance(catalog, EventOrdered) else None
    if keys is None or len(keys) < FIRST_PART:
        return None
    limit = heapq.nsmallest(FIRST_PART, keys.values())[-1]
    wanted = set(card_ids)
    published = {s.id: date_number(s.published) for s in catalog.summaries() if s.id in wanted}
    early = {card_id for card_id, first in keys.items() if first <= limit}
    early.update(card_id for card_id, date in published.items() if date <= limit)
    cards = catalog.analysed([i for i in card_ids if i in early], None, Parts.TIMELINE)
    entries = takewhile(lambda e: date_number(e.date) <= limit, timeline_entries(cards))
    year, rest = divmod(limit, 10_000)
    later = range(limit + 1, (year + 1) * 10_000) if not rest else range(0)
    events_later = any(first in later for first in keys.values())
    any_later = events_later or any(date in later for date in published.values())
    marks = YearMarks.of(cards, year if events_later else None, year if any_later else None)
    return TimelineRows.of(tuple(entries), marks, complete=False), limit
