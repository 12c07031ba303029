"""Which cards an analysis shows, in which order, and how a column names its source.

Shared by the side-by-side view, the matrix, the ledger and the timeline, so every analysis
orders, loads and labels cards the same way.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from reader.analysis.release import let_go
from reader.cards.catalog import CardProgress as CardProgress
from reader.cards.catalog import CardSummary, Catalog
from reader.cards.dates import PartialDate
from reader.cards.model import Card, Perspective
from reader.cards.query import fold
from reader.cards.sorting import DATE, known_sort_keys

T = TypeVar("T")


def date_key(published: PartialDate, title: str, card_id: str) -> str:
    """What :func:`date_order` sorts a card by: its date (:attr:`PartialDate.sort_key`), then
    its folded title, then its id, as one string.

    One string is compared in C; the tuple of a tuple it replaces took the sort of 100,000
    cards 0.4 s, all of it holding the interpreter (a frozen window beside a view's job).
    The order is the tuple's: a date's year has four digits, a missing month or day is 00,
    and NUL, which nothing sorts before, ends the title (a title holding NUL itself may sort
    differently)."""
    month, day = published.month or 0, published.day or 0
    return f"{published.year:04d}{month:02d}{day:02d}\0{fold(title)}\0{card_id}"


#: Items sorted at once by :func:`sorted_in_steps`: some milliseconds of sorting.
SORT_STEP = 16_384


def sorted_in_steps(items: list[tuple[str, int, T]]) -> list[T]:
    """The last of each item, in the order of the rest (unique keys: the value is never
    compared). Empties ``items`` when it sorts in runs.

    A sort is one C call, holding the interpreter throughout: 100,000 cards' keys took
    40-70 ms, a frozen window beside a view's job. Runs of :data:`SORT_STEP` items are
    sorted, then merged in Python, which lets the window in between."""
    if len(items) <= SORT_STEP:
        return [item[-1] for item in sorted(items)]
    runs = [sorted(items[i : i + SORT_STEP]) for i in range(0, len(items), SORT_STEP)]
    found = [item[-1] for item in heapq.merge(*runs)]
    let_go(*runs, items)  # the keys, a step at a time (reader.analysis.release)
    return found


def date_order(cards: Iterable[Card]) -> list[Card]:
    """Oldest first; "2021" sorts before "2021-09" (see :attr:`PartialDate.sort_key`)."""
    return sorted_in_steps(
        [(date_key(c.source.published, c.title, c.id), n, c) for n, c in enumerate(cards)]
    )


def ids_in_date_order(catalog: Catalog, card_ids: Sequence[str]) -> list[str]:
    """``card_ids`` in :func:`date_order`, worked out from the catalog's summaries (held in
    memory), without reading a card: a view shows its first columns or rows before reading
    the rest. Ids the catalog does not have are dropped.

    The keys are made from the card list's date keys when the loader has them (it computes
    them for the list, or the index hands them back: :func:`known_sort_keys`): they hold the
    same date and folded title, and folding 100,000 titles again took a view's job 0.3 s of
    Python beside the window, at its command."""
    wanted = set(card_ids)
    summaries = catalog.summaries()
    known = known_sort_keys(summaries)
    if known is None:
        keys = {s.id: date_key(s.published, s.title, s.id) for s in summaries if s.id in wanted}
    else:
        keys = _keys_from_list_keys(known[DATE], summaries, wanted)
    return sorted_in_steps([(key, n, card_id) for n, (card_id, key) in enumerate(keys.items())])


def _keys_from_list_keys(
    by_date: Mapping[str, str], summaries: Sequence[CardSummary], wanted: set[str]
) -> dict[str, str]:
    """:func:`date_key` of each wanted summary, from the list's date key (``ISO date`` TAB
    ``folded title``, :func:`reader.cards.sorting.updated_sort_keys`): the same string."""
    digits: dict[str, str] = {}  # ISO date -> YYYYMMDD, 00 for what it leaves out
    keys = {}
    for s in summaries:
        card_id = s.id
        if card_id not in wanted:
            continue
        listed = by_date.get(card_id)
        if listed is None:
            keys[card_id] = date_key(s.published, s.title, card_id)
            continue
        iso, _, title = listed.partition("\t")  # an ISO date has no tab; a title may
        day = digits.get(iso)
        if day is None:
            year, _, rest = iso.partition("-")
            month, _, dd = rest.partition("-")
            day = digits.setdefault(iso, f"{year}{month or '00'}{dd or '00'}")
        keys[card_id] = f"{day}\0{title}\0{card_id}"
    return keys


#: How many cards :func:`cards_of` loads between two progress reports.
PROGRESS_EVERY = 64


def cards_of(
    catalog: Catalog, card_ids: Sequence[str], progress: CardProgress | None = None
) -> list[Card]:
    """The cards behind ``card_ids``, in that order; ids the catalog no longer has are dropped.

    A live reload can remove a card while a comparison of it is open; the views then show
    what is left rather than fail. Loading a card from an index parses it (about 1 ms), so
    a set-wide view of thousands reports ``progress``.
    """
    cards = []
    for done, card_id in enumerate(card_ids):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(card_ids))
        card = catalog.card(card_id)
        if card is not None:
            cards.append(card)
    return cards


def source_label(card: Card) -> str:
    """Who said it and when, short enough for a column header or a timeline line."""
    return f"{card.source.publisher}, {card.source.published.display()}"


def distinct_stances(perspectives: Iterable[Perspective | None]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for persp in perspectives:
        if persp is not None:
            seen.setdefault(fold(persp.stance.strip()), persp.stance.strip())
    return tuple(seen.values())
