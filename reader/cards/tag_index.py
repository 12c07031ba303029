"""What the tag browser needs from a catalog, worked out once, off the UI thread.

For 10,000 cards, splitting every tag into its ancestors and collecting the facet values takes
a good part of a second; the loader thread does it (:mod:`reader.app.loading`) and the model
only turns the result into a few hundred tree nodes. Pure Python: no Qt here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from reader.cards.catalog import CardSummary
from reader.cards.filters import Filter, FilterKind
from reader.cards.query import tag_ancestors

#: The facets, in the order the browser lists them after the tags.
FACETS = (FilterKind.PUBLISHER, FilterKind.YEAR, FilterKind.KIND)


def facet_value(kind: FilterKind, s: CardSummary) -> str:
    if kind is FilterKind.PUBLISHER:
        return s.publisher
    if kind is FilterKind.YEAR:
        return str(s.published.year)
    return s.kind or ""


@dataclass(frozen=True, slots=True)
class TagIndex:
    #: Every node's filter, numbered by position: the tags (parents before children), then
    #: each facet's values in display order.
    filters: tuple[Filter, ...]
    #: For each card, the numbers of the nodes it counts under (a tag counts for its
    #: ancestors too), so a filter's counts are one Counter over small ints.
    card_nodes: dict[str, tuple[int, ...]]
    #: How many cards of the whole set each node counts.
    totals: Counter[int]

    def counts(self, card_ids: Sequence[str]) -> Counter[int]:
        """How many of ``card_ids`` each node counts."""
        if len(card_ids) == len(self.card_nodes):
            return self.totals  # the whole set: matching ids are distinct and all known
        nodes = self.card_nodes
        return Counter(chain.from_iterable(nodes[i] for i in card_ids if i in nodes))

    def updated(
        self, removed: Sequence[CardSummary], added: Sequence[CardSummary]
    ) -> TagIndex | None:
        """This index with the ``removed`` summaries taken out and ``added`` put in.

        None when that would add or drop a node (a new tag or facet value, or the last card
        of one gone): the nodes are then numbered afresh by :func:`build_tag_index`.
        """
        number = {item: n for n, item in enumerate(self.filters)}
        card_nodes = dict(self.card_nodes)
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
        return TagIndex(self.filters, card_nodes, totals)


def _nodes_of(s: CardSummary, number: dict[Filter, int]) -> tuple[int, ...] | None:
    """The nodes a card counts under, or None if one of them is not numbered."""
    tags = {Filter(FilterKind.TAG, a) for t in s.tags for a in tag_ancestors(t)}
    facets = [Filter(kind, facet_value(kind, s)) for kind in FACETS]
    try:
        return (*sorted(number[f] for f in tags), *(number[f] for f in facets))
    except KeyError:
        return None


def build_tag_index(summaries: Sequence[CardSummary]) -> TagIndex:
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
    return TagIndex(tuple(filters), card_nodes, Counter(chain.from_iterable(card_nodes.values())))
