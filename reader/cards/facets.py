"""The one tag and facet index of a set: what the tag browser counts and what queries select.

Its nodes are the set's tags, each filed under itself and its ancestors (``actor/wagner`` under
``actor`` too, as a query's tag means "this tag or one nested in it"), then the publisher, year
and kind facets' values, numbered in the browser's order. It maps each card to its nodes, so
the counts of a filter's cards are one Counter over small ints (the tag browser, a few hundred
nodes, re-counted on every change of filter); and, built on the first selection, each node to
its cards, so the tag and facet part of a query is set intersection and difference (the
persistent index's queries, as fast as typing at 10,000 cards).

For 10,000 cards, building it takes a good part of a second's budget (~80 ms; 0.65 s at
100,000), so it is built off the UI thread, once per catalog: the set loader
(:mod:`reader.app.prepare`, which also patches it after an edit) and the index's catalog both
ask :func:`build_facets` for the facets of the same summaries, and the second ask is answered
with the first's result (see :func:`remember_facets`). Pure Python: no Qt here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from reader.cards.catalog import CardSummary
from reader.cards.filters import Filter, FilterKind
from reader.cards.last_made import LastMade
from reader.cards.query import Query, tag_ancestors

#: The facets, in the order the browser lists them after the tags.
FACETS = (FilterKind.PUBLISHER, FilterKind.YEAR, FilterKind.KIND)


def facet_value(kind: FilterKind, s: CardSummary) -> str:
    """The card's value of a facet, as its node's filter holds it."""
    if kind is FilterKind.PUBLISHER:
        return s.publisher
    if kind is FilterKind.YEAR:
        return str(s.published.year)
    return s.kind or ""


@dataclass(frozen=True, slots=True)
class _Members:
    """The inverted side: each node's cards (by card number), by the node's filter."""

    number: dict[Filter, int]
    cards: list[set[int]]
    card_number: dict[str, int]

    def of(self, item: Filter) -> set[int]:
        n = self.number.get(item)
        return self.cards[n] if n is not None else set()

    def any_of(self, kind: FilterKind, values: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for value in values:
            out |= self.of(Filter(kind, value))
        return out


CardNodes = dict[str, tuple[int, ...]]


class PackedNodes(Mapping[str, tuple[int, ...]]):
    """Each card's nodes, unpacked on first use from what unpacks them.

    A warm open decodes the facets from the index's stored state on the window's critical
    path, and only the tag tree's totals are needed for the first paint: the cards' own
    nodes (a tuple each, 200,000 numbers for 10,000 cards: 6-9 ms with their memory's page
    faults) wait until a filter or the loader, once the list is painted, asks. Two threads
    may both unpack: they make equal dicts, and either is kept.
    """

    __slots__ = ("_count", "_nodes", "_unpack")

    def __init__(self, count: int, unpack: Callable[[], CardNodes]) -> None:
        self._count = count
        self._unpack: Callable[[], CardNodes] | None = unpack
        self._nodes: CardNodes | None = None

    def unpacked(self) -> CardNodes:
        nodes = self._nodes
        if nodes is None:
            unpack = self._unpack
            if unpack is None:  # another thread has just unpacked
                nodes = self._nodes
                assert nodes is not None
                return nodes
            nodes = unpack()
            if len(nodes) != self._count:
                raise ValueError("the packed nodes are not one per card")
            self._nodes, self._unpack = nodes, None
        return nodes

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, card_id: str) -> tuple[int, ...]:
        return self.unpacked()[card_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.unpacked())


def unpacked(nodes: Mapping[str, tuple[int, ...]]) -> Mapping[str, tuple[int, ...]]:
    """``nodes`` as a dict, for the loops that look up every card (a dict's lookups are C)."""
    return nodes.unpacked() if isinstance(nodes, PackedNodes) else nodes


@dataclass(frozen=True, slots=True)
class Facets:
    #: Every node's filter, numbered by position: the tags (parents before children), then
    #: each facet's values in display order.
    filters: tuple[Filter, ...]
    #: For each card, the numbers of the nodes it counts under (a tag counts for its
    #: ancestors too), so a filter's counts are one Counter over small ints. A dict, or
    #: (from the index's stored state) :class:`PackedNodes`.
    card_nodes: Mapping[str, tuple[int, ...]]
    #: How many cards of the whole set each node counts.
    totals: Counter[int]
    #: Each node's cards, made from ``card_nodes`` on the first :meth:`select` (the tag
    #: browser never needs it). Two threads may both make it: they make equal ones.
    _members: _Members | None = field(default=None, init=False, compare=False, repr=False)

    def counts(self, card_ids: Sequence[str]) -> Counter[int]:
        """How many of ``card_ids`` each node counts."""
        if len(card_ids) == len(self.card_nodes):
            return self.totals  # the whole set: matching ids are distinct and all known
        nodes = unpacked(self.card_nodes)
        return Counter(chain.from_iterable(nodes[i] for i in card_ids if i in nodes))

    def tag_counts(self) -> Counter[str]:
        """How many cards carry each tag, counting a card once under every ancestor."""
        return Counter(
            {
                f.value: self.totals[n]
                for n, f in enumerate(self.filters)
                if f.kind is FilterKind.TAG
            }
        )

    def select(self, query: Query, within: set[int] | None = None) -> set[int]:
        """The cards matching everything in ``query`` but its search terms, and among
        ``within`` if given (the cards its terms matched).

        Cards are numbered by their position in :attr:`card_nodes`: for an index made by
        :func:`build_facets`, the order of the summaries it was made from, so a catalog
        selects by position in its own list, with no translation.
        """
        members = self._members if self._members is not None else self._invert()
        narrowing: list[set[int]] = []
        if query.card_ids:
            known = members.card_number
            narrowing.append({known[i] for i in query.card_ids if i in known})
        narrowing += [members.of(Filter(FilterKind.TAG, t)) for t in query.include_tags]
        if query.publishers:
            narrowing.append(members.any_of(FilterKind.PUBLISHER, query.publishers))
        if query.years:
            narrowing.append(members.any_of(FilterKind.YEAR, map(str, query.years)))
        if query.kinds:
            narrowing.append(members.any_of(FilterKind.KIND, query.kinds))
        chosen = within
        for part in sorted(narrowing, key=len):  # the smallest first: less to intersect
            chosen = set(part) if chosen is None else chosen & part
        if chosen is None:
            chosen = set(range(len(self.card_nodes)))
        for tag in query.exclude_tags:
            chosen = chosen - members.of(Filter(FilterKind.TAG, tag))
        return chosen

    def _invert(self) -> _Members:
        cards: list[list[int]] = [[] for _ in self.filters]
        for card, nodes in enumerate(unpacked(self.card_nodes).values()):
            for n in nodes:
                cards[n].append(card)
        number = {item: n for n, item in enumerate(self.filters)}
        card_number = {card_id: card for card, card_id in enumerate(self.card_nodes)}
        members = _Members(number, [set(numbers) for numbers in cards], card_number)
        object.__setattr__(self, "_members", members)
        return members

    def updated(
        self, removed: Sequence[CardSummary], added: Sequence[CardSummary]
    ) -> Facets | None:
        """This index with the ``removed`` summaries taken out and ``added`` put in.

        None when that would add or drop a node (a new tag or facet value, or the last card
        of one gone): the nodes are then numbered afresh by :func:`build_facets`.
        """
        number = {item: n for n, item in enumerate(self.filters)}
        card_nodes = dict(unpacked(self.card_nodes))
        totals = self.totals.copy()
        for s in removed:
            totals.subtract(card_nodes.pop(s.id, ()))
        for s in added:
            nodes = _nodes_of(s, number)
            if nodes is None:
                return None
            card_nodes[s.id] = nodes
            totals.update(nodes)
        if any(count <= 0 for count in totals.values()):
            return None
        return Facets(self.filters, card_nodes, totals)


def _nodes_of(s: CardSummary, number: dict[Filter, int]) -> tuple[int, ...] | None:
    """The nodes a card counts under, or None if one of them is not numbered."""
    tags = {Filter(FilterKind.TAG, a) for t in s.tags for a in tag_ancestors(t)}
    facets = [Filter(kind, facet_value(kind, s)) for kind in FACETS]
    try:
        return (*sorted(number[f] for f in tags), *(number[f] for f in facets))
    except KeyError:
        return None


#: The facets last built or patched (one entry: see :mod:`reader.cards.last_made`).
_LAST: LastMade[Facets] = LastMade()


def build_facets(summaries: Sequence[CardSummary]) -> Facets:
    """The facets of ``summaries``; the same object again when asked for the same tuple.

    At a warm open the loader thread builds them for the window's tag tree, and the index's
    catalog needs them to select (each built its own: 70 ms twice at 10,000 cards, 0.65 s
    twice at 100,000, the second while the window was filling its list). A tuple never
    changes, so the facets of one are the facets of that very object for as long as it lives.
    """
    return _LAST.get(summaries, lambda: _build(summaries))


def remember_facets(summaries: Sequence[CardSummary], facets: Facets) -> None:
    """Let :func:`build_facets` answer ``facets`` for ``summaries`` (facets patched from a
    catalog before, as :mod:`reader.app.prepare` does after an edit, which the new catalog
    would otherwise build again on its first query: on the UI thread)."""
    _LAST.remember(summaries, facets)


def known_facets(summaries: Sequence[CardSummary]) -> Facets | None:
    """The facets of ``summaries`` if they were built or remembered, without building them
    (the index stores them when someone has: see :mod:`reader.index._state`)."""
    return _LAST.known(summaries)


def _build(summaries: Sequence[CardSummary]) -> Facets:
    distinct = {t for s in summaries for t in s.tags}
    tags = sorted({a for t in distinct for a in tag_ancestors(t)})
    filters = [Filter(FilterKind.TAG, t) for t in tags]
    values = {
        FilterKind.PUBLISHER: {s.publisher for s in summaries},
        FilterKind.YEAR: {str(year) for year in {s.published.year for s in summaries}},
        FilterKind.KIND: {s.kind or "" for s in summaries},
    }
    for kind in FACETS:
        filters += [Filter(kind, v) for v in sorted(values[kind], reverse=kind is FilterKind.YEAR)]
    number = {item: n for n, item in enumerate(filters)}
    under = {
        tag: tuple(number[Filter(FilterKind.TAG, a)] for a in tag_ancestors(tag))
        for tag in distinct
    }
    publisher_node, year_node, kind_node = (
        {f.value: number[f] for f in filters if f.kind is facet} for facet in FACETS
    )
    # One pass without a call per card and facet (the values are facet_value's, inlined):
    # this runs over every card of a large set at start-up.
    card_nodes: dict[str, tuple[int, ...]] = {}
    for s in summaries:
        if len(s.tags) == 1:
            nodes = under[s.tags[0]]  # ancestors come first, so already in order
        else:
            nodes = tuple(sorted(set().union(*map(under.__getitem__, s.tags))))
        card_nodes[s.id] = (
            *nodes,
            publisher_node[s.publisher],
            year_node[str(s.published.year)],
            kind_node[s.kind or ""],
        )
    return Facets(tuple(filters), card_nodes, Counter(chain.from_iterable(card_nodes.values())))
