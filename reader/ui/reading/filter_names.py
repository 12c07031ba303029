"""How the chips and the status bar name a filter: with the tag tree's names ("ECOWAS"), so the
three places that show the filter say the same thing; the slug stays in the tooltips.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.cards.filters import Filter, FilterKind, active_filters
from reader.cards.query import Query

#: A filter's name as the tag tree shows it (:meth:`TagTreeModel.label_of`).
Namer = Callable[[Filter], str]


def plain_name(item: Filter) -> str:
    """The name without a tree to ask: the slug or the facet value."""
    return item.value or "none"


def chip_text(item: Filter, name: Namer) -> str:
    """A chip's words: "ECOWAS", "not US Treasury", "Kind: Report", "2023"."""
    if item.kind is FilterKind.NOT_TAG:
        return f"not {name(Filter(FilterKind.TAG, item.value))}"
    if item.kind is FilterKind.KIND:
        return f"Kind: {name(item)}"
    return name(item)


def quoted(text: str) -> str:
    """``text`` in curly quotes, unless it has quotes of its own (a phrase search), which are
    shown as typed rather than nested (“"cote d'ivoire"”)."""
    return text if '"' in text else f"“{text}”"


def describe(query: Query, name: Namer) -> str:
    """The filter in one line for the status bar: "ECOWAS, not US Treasury, search “mali”"."""
    parts = [chip_text(item, name) for item in active_filters(query)]
    if query.card_ids:
        parts.append(f"{len(query.card_ids)} chosen cards")
    if query.text.strip():
        parts.append(f"search {quoted(query.text.strip())}")
    return ", ".join(parts)
