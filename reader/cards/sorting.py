"""The card list's sort keys, worked out on the loader thread rather than per comparison.

The list sorts itself on keys computed once per catalog (a sorting proxy would call ``data()``
from C++ for every comparison: seconds for 10,000 rows); computing them is most of the cost
(0.27 s at 100,000 cards), so the loader does it beside the catalog, and patches them when a
few cards change. The persistent index stores them with the summaries they are of, and hands
them back at a warm open (:func:`remember_sort_keys`) instead of their being computed again.
Pure Python: no Qt here (the index, below the app, reads and writes them).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.last_made import LastMade
from reader.cards.query import fold

#: The card list's columns.
TITLE, PUBLISHER, DATE, TAGS = range(4)

SortKeys = Mapping[int, Mapping[str, str]]
#: The columns :data:`SORT_CHOICES` sort by, whose keys the loader computes ahead.
KEYED = (DATE, PUBLISHER, TITLE)


#: The keys last computed or handed over (one entry: see :mod:`reader.cards.last_made`).
_LAST: LastMade[SortKeys] = LastMade()


def sort_keys(summaries: Sequence[CardSummary]) -> SortKeys:
    """Every sort choice's key for every card: worth computing on the loader thread. The
    same keys again when asked for the very tuple they were computed or remembered for."""
    return _LAST.get(summaries, lambda: updated_sort_keys({c: {} for c in KEYED}, (), summaries))


def remember_sort_keys(summaries: Sequence[CardSummary], keys: SortKeys) -> None:
    """Let :func:`sort_keys` answer ``keys`` for ``summaries`` (keys read back from the index,
    or patched after an edit)."""
    _LAST.remember(summaries, keys)


def known_sort_keys(summaries: Sequence[CardSummary]) -> SortKeys | None:
    """The keys of ``summaries`` if they were computed or remembered, without computing them
    (the index stores them when someone has: see :mod:`reader.index._state`)."""
    return _LAST.known(summaries)


def updated_sort_keys(
    keys: SortKeys, removed: Sequence[str], changed: Sequence[CardSummary]
) -> SortKeys:
    """``keys`` without the ``removed`` ids, and with the ``changed`` cards' keys made anew."""
    result = {column: dict(by_id) for column, by_id in keys.items()}
    for by_id in result.values():
        for card_id in removed:
            by_id.pop(card_id, None)
    dates, publishers, titles = result[DATE], result[PUBLISHER], result[TITLE]
    # Folding is most of the cost: each title once, each publisher and date once per set.
    # ISO dates of mixed precision sort correctly as text ("2023" < "2023-02" < "2023-02-09").
    folded: dict[str, str] = {}
    iso: dict[PartialDate, str] = {}
    for s in changed:
        date = iso.get(s.published) or iso.setdefault(s.published, s.published.iso())
        publisher = folded.get(s.publisher) or folded.setdefault(s.publisher, fold(s.publisher))
        title = fold(s.title)
        dates[s.id] = f"{date}\t{title}"
        publishers[s.id] = f"{publisher}\t{date}\t{title}"
        titles[s.id] = f"{title}\t{date}"
    return result


#: The keys as the index stores them (:func:`key_columns`): each card's ISO date, folded
#: publisher and folded title, in the order of the ids given; then the list's first order,
#: newest first, as the ids' positions (an array of machine integers).
KeyColumns = tuple[list[str], list[str], list[str], bytes]


def key_columns(keys: SortKeys, ids: Sequence[str]) -> KeyColumns:
    """The keys of ``ids`` as the three parts every key is made of (see
    :func:`updated_sort_keys`), a third of their text, each distinct date and publisher one
    object (stored once); :func:`keys_of_columns` makes the keys again."""
    by_date, by_publisher = keys[DATE], keys[PUBLISHER]
    shared: dict[str, str] = {}
    dates, publishers, titles = [], [], []
    for card_id in ids:
        date_key = by_date[card_id]
        date, _, title = date_key.partition("\t")  # an ISO date has no tab; a title may
        publisher = by_publisher[card_id][: -len(date_key) - 1]
        dates.append(shared.setdefault(date, date))
        publishers.append(shared.setdefault(publisher, publisher))
        titles.append(title)
    date_keys = list(map(by_date.__getitem__, ids))
    newest_first = sorted(range(len(ids)), key=date_keys.__getitem__, reverse=True)
    return dates, publishers, titles, array(_POSITION, newest_first).tobytes()


_POSITION = "I"


def keys_of_columns(ids: Sequence[str], columns: KeyColumns) -> SortKeys:
    """The keys :func:`key_columns` was given, for ``ids``; ValueError when the columns do
    not line up with the ids. Each sort choice's keys are made when first asked for (the
    list sorts by one), in C: 100,000 cards' in a few hundredths of a second."""
    dates, publishers, titles, positions = columns
    order = array(_POSITION, positions)
    if not len(ids) == len(dates) == len(publishers) == len(titles) == len(order):
        raise ValueError("the stored sort keys do not line up with the cards")
    keys = _StoredKeys(ids, (dates, publishers, titles), tuple(map(ids.__getitem__, order)))
    keys[DATE]  # the list's first sort, newest first: made now, on the loader thread
    return keys


def presorted(keys: SortKeys, column: int, descending: bool, ids: list[str]) -> list[str] | None:
    """``ids`` in the order ``sorted(ids, key=keys[column].__getitem__, reverse=descending)``
    gives, when ``keys`` came from the index or :func:`with_first_order` with that very order
    made (newest first, of every card in the catalog's order: the list's first sort); else
    None. Sorting 100,000 rows by their keys took a tenth of a second on the UI thread."""
    if not isinstance(keys, _StoredKeys | _OrderedKeys) or column != DATE or not descending:
        return None
    return list(keys.newest_first) if ids == keys.ids else None


def with_first_order(keys: SortKeys, ids: Sequence[str]) -> SortKeys:
    """``keys`` (of the cards ``ids``, in the catalog's order) with the list's first order
    made now, for :func:`presorted`: the loader makes it beside each catalog, where the
    window sorted 10,000 rows at each catalog a cold index delivers (5-9 ms of its thread)."""
    if isinstance(keys, _StoredKeys | _OrderedKeys):
        return keys  # made already (the index's are made a column at a time: kept so)
    return _OrderedKeys(keys, ids)


class _OrderedKeys(dict[int, Mapping[str, str]]):
    """Keys made here, and the list's first order of the cards they are of."""

    def __init__(self, keys: SortKeys, ids: Sequence[str]) -> None:
        super().__init__(keys)
        self.ids = list(ids)
        self.newest_first = tuple(sorted(self.ids, key=self[DATE].__getitem__, reverse=True))


class _StoredKeys(Mapping[int, Mapping[str, str]]):
    """:data:`SortKeys` made from their stored columns, a sort choice at a time. Two threads
    asking at once may both make one: equal keys, the first kept."""

    def __init__(
        self,
        ids: Sequence[str],
        columns: tuple[list[str], list[str], list[str]],
        newest_first: tuple[str, ...],
    ) -> None:
        self._ids = ids
        self._columns = columns
        self._made: dict[int, Mapping[str, str]] = {}
        #: The ids as given (a list, to compare the list's rows with) and sorted newest first.
        self.ids = list(ids)
        self.newest_first = newest_first

    def __getitem__(self, column: int) -> Mapping[str, str]:
        made = self._made.get(column)
        if made is None:
            dates, publishers, titles = self._columns
            if column == DATE:
                keys = map("\t".join, zip(dates, titles, strict=True))
            elif column == PUBLISHER:
                keys = map("\t".join, zip(publishers, dates, titles, strict=True))
            elif column == TITLE:
                keys = map("\t".join, zip(titles, dates, strict=True))
            else:
                raise KeyError(column)
            made = self._made.setdefault(column, dict(zip(self._ids, keys, strict=True)))
        return made

    def __iter__(self) -> Iterator[int]:
        return iter(KEYED)

    def __len__(self) -> int:
        return len(KEYED)
