"""The tag browser's nodes (:mod:`reader.ui.reading.tag_tree_model`): which filters of a set's
facet index the tree shows, under which parent, named how, and in which order.

One place for it, so that a tree built whole and a tree grown by the nodes a later catalog
adds (a cold index delivers its catalog in parts, each with a few more years, publishers or
tags) put every node in the same place: tags by their names (ties in slug order), at every
level; each facet's values in the index's order. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from reader.cards.facets import Facets
from reader.cards.filters import Filter, FilterKind
from reader.cards.tag_labels import TagNames, facet_repeats, is_facet_tag, label_key


@dataclass(eq=False)
class Node:
    label: str
    filter: Filter | None
    description: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    count: int = 0
    total: int = 0
    #: Where it sorts among its siblings (see :func:`order_of`).
    order: tuple[str, int] = ("", 0)

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child


def shown_filters(index: Facets) -> Iterator[tuple[int, Filter]]:
    """The filters the tree shows, with their positions in ``index``: all but the
    ``publisher/…`` and ``kind/…`` tags that the Publishers and Kinds facets list already."""
    repeated = _repeated(index)
    for n, item in enumerate(index.filters):
        if item.kind is not FilterKind.TAG or item.value not in repeated:
            yield n, item


def make_node(item: Filter, position: int, names: TagNames) -> Node:
    """The node of a filter at ``position`` in its facet index, not yet placed."""
    if item.kind is FilterKind.TAG:
        label = names(item.value)
        order = order_of(item, label, position)
        return Node(label, item, names.description(item.value), order=order)
    value = item.value or "unspecified"
    label = value[:1].upper() + value[1:] if item.kind is FilterKind.KIND else value
    return Node(label, item, order=order_of(item, label, position))


def order_of(item: Filter, label: str, position: int) -> tuple[str, int]:
    """A tag sorts by its name, then its slug's place; a facet's value by its place."""
    return (label_key(label), position) if item.kind is FilterKind.TAG else ("", position)


def sort_children(node: Node) -> None:
    """Order ``node``'s children (see :func:`order_of`), at every level."""
    node.children.sort(key=lambda child: child.order)
    for row, child in enumerate(node.children):
        child.row = row
        sort_children(child)


def _repeated(index: Facets) -> frozenset[str]:
    """The ``publisher/…`` and ``kind/…`` tags the Publishers and Kinds facets list already."""
    publishers, kinds = [], []
    tags = []
    for f in index.filters:
        if f.kind is FilterKind.PUBLISHER:
            publishers.append(f.value)
        elif f.kind is FilterKind.KIND:
            kinds.append(f.value)
        elif f.kind is FilterKind.TAG and is_facet_tag(f.value):
            tags.append(f.value)
    return _repeats(tuple(tags), tuple(publishers), tuple(kinds))


@lru_cache(maxsize=4)
def _repeats(
    tags: tuple[str, ...], publishers: tuple[str, ...], kinds: tuple[str, ...]
) -> frozenset[str]:
    """:func:`facet_repeats` of the facets' own tags, kept: a cold index's catalogs bring a
    few more tags or years each, rarely a publisher, and matching every ``publisher/…`` tag
    against every publisher again was a fifth of the window's slot for each catalog."""
    return frozenset(facet_repeats(tags, {"publisher": publishers, "kind": kinds}))
