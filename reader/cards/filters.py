"""The filters a reader can switch on and off, as edits of an immutable :class:`Query`.

The window keeps one ``Query`` as the truth; the tag tree, the chips above the list, the card
view's tag links and the history all change it through these functions, so "click a tag"
means the same thing wherever the click happens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from reader.cards.query import Query


class FilterKind(StrEnum):
    TAG = "tag"
    NOT_TAG = "not-tag"
    PUBLISHER = "publisher"
    YEAR = "year"
    KIND = "kind"


@dataclass(frozen=True, slots=True)
class Filter:
    kind: FilterKind
    value: str

    @property
    def label(self) -> str:
        if self.kind is FilterKind.NOT_TAG:
            return f"not {self.value}"
        if self.kind is FilterKind.KIND:
            return f"kind: {self.value or 'none'}"
        if self.kind is FilterKind.YEAR:
            return self.value
        return self.value


def active_filters(query: Query) -> list[Filter]:
    """Every filter in ``query`` but the search text, in the order a reader added kinds of them."""
    found = [Filter(FilterKind.TAG, t) for t in query.include_tags]
    found += [Filter(FilterKind.NOT_TAG, t) for t in query.exclude_tags]
    found += [Filter(FilterKind.PUBLISHER, p) for p in sorted(query.publishers)]
    found += [Filter(FilterKind.YEAR, str(y)) for y in sorted(query.years)]
    found += [Filter(FilterKind.KIND, k) for k in sorted(query.kinds)]
    return found


def is_active(query: Query, item: Filter) -> bool:
    return item in active_filters(query)


def include_tag(query: Query, tag: str) -> Query:
    """AND ``tag`` into the filter; it stops being excluded if it was."""
    include = query.include_tags if tag in query.include_tags else (*query.include_tags, tag)
    exclude = tuple(t for t in query.exclude_tags if t != tag)
    return replace(query, include_tags=include, exclude_tags=exclude)


def exclude_tag(query: Query, tag: str) -> Query:
    """Hide the cards carrying ``tag`` (or a tag nested in it)."""
    exclude = query.exclude_tags if tag in query.exclude_tags else (*query.exclude_tags, tag)
    include = tuple(t for t in query.include_tags if t != tag)
    return replace(query, include_tags=include, exclude_tags=exclude)


def add(query: Query, item: Filter) -> Query:
    if item.kind is FilterKind.TAG:
        return include_tag(query, item.value)
    if item.kind is FilterKind.NOT_TAG:
        return exclude_tag(query, item.value)
    if item.kind is FilterKind.PUBLISHER:
        return replace(query, publishers=query.publishers | {item.value})
    if item.kind is FilterKind.YEAR:
        return replace(query, years=query.years | {int(item.value)})
    return replace(query, kinds=query.kinds | {item.value})


def remove(query: Query, item: Filter) -> Query:
    if item.kind is FilterKind.TAG:
        return replace(query, include_tags=tuple(t for t in query.include_tags if t != item.value))
    if item.kind is FilterKind.NOT_TAG:
        return replace(query, exclude_tags=tuple(t for t in query.exclude_tags if t != item.value))
    if item.kind is FilterKind.PUBLISHER:
        return replace(query, publishers=query.publishers - {item.value})
    if item.kind is FilterKind.YEAR:
        return replace(query, years=query.years - {int(item.value)})
    return replace(query, kinds=query.kinds - {item.value})


def toggle(query: Query, item: Filter) -> Query:
    """A second click on an active filter switches it off again, as in a tag browser."""
    return remove(query, item) if is_active(query, item) else add(query, item)


def with_text(query: Query, text: str) -> Query:
    return replace(query, text=text)


def cleared(query: Query) -> Query:
    """Nothing filtered, nothing searched."""
    return Query()
