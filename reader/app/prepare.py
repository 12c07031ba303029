"""What the views derive from a catalog, worked out on the loader thread.

A large set's tag tree counts and sort keys take a good part of a second to derive; the
loader (:mod:`reader.app.loading`) derives them next to each catalog it makes, patching what
it derived for the catalog before when few cards changed. The facets are the catalog's own
too (the index's catalog selects with them): :func:`build_facets` answers both with one
object, and patched ones are handed to it for the new summaries; so does :func:`sort_keys`
for the keys. At a warm open both come back from the index's stored state instead of being
derived (see :mod:`reader.index._state`). Pure Python: no Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from reader.cards.catalog import SUMMARY_ID, CardSummary
from reader.cards.facets import Facets, build_facets, remember_facets
from reader.cards.sorting import (
    SortKeys,
    remember_sort_keys,
    sort_keys,
    updated_sort_keys,
    with_first_order,
)

#: Above this many changed cards, :func:`prepare` starts over rather than patch.
PATCH_LIMIT = 500


class Prepared(NamedTuple):
    """What the views derive from a catalog that takes time for a large set."""

    #: The tag browser's nodes and counts.
    tags: Facets
    #: With the list's first order made (:func:`with_first_order`).
    sort_keys: SortKeys
    #: The summaries it was derived from.
    summaries: Mapping[str, CardSummary]


def prepare(summaries: Sequence[CardSummary], previous: Prepared | None = None) -> Prepared:
    """Derive the views' data from a catalog's summaries, patching ``previous`` (derived
    from the catalog before) when few cards changed.

    Patching is what keeps an edit in a 10,000-card set quick: comparing the summaries
    takes 20 ms, where deriving everything again takes 150.
    """
    by_id = dict(zip(map(SUMMARY_ID, summaries), summaries, strict=True))  # in C
    if previous is not None:
        patched = _patched(previous, by_id)
        if patched is not None:
            remember_facets(summaries, patched.tags)
            remember_sort_keys(summaries, patched.sort_keys)
            return patched
    keys = with_first_order(sort_keys(summaries), list(by_id))
    return Prepared(build_facets(summaries), keys, by_id)


def _patched(previous: Prepared, by_id: dict[str, CardSummary]) -> Prepared | None:
    old = previous.summaries
    if abs(len(by_id) - len(old)) > PATCH_LIMIT:
        return None  # at least that many cards came or went (a long build's next catalog)
    gone = [s for i, s in old.items() if i not in by_id]
    changed = [s for i, s in by_id.items() if old.get(i) != s]
    if len(gone) + len(changed) > PATCH_LIMIT:
        return None
    replaced = gone + [old[s.id] for s in changed if s.id in old]
    tags = previous.tags.updated(replaced, changed)
    if tags is None:  # a tag or facet value came or went: the tree's nodes change
        return None
    if list(tags.card_nodes) != list(by_id):
        # Queries select cards by their position in the summaries (Facets.select): a card
        # added, or moved by a new path, goes where the summaries have it.
        nodes = tags.card_nodes
        tags = Facets(tags.filters, {i: nodes[i] for i in by_id}, tags.totals)
    keys = updated_sort_keys(previous.sort_keys, [s.id for s in gone], changed)
    return Prepared(tags, with_first_order(keys, list(by_id)), by_id)
