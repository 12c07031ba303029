"""Whom each card's recommendations address, as a catalog may know it without reading them.

The recommendations ledger lists addressees most-addressed first: which comes first depends
on every card, though its first screenful shows only a few. An index keeps each card's
addressees as written in a column of their own, read in one scan without decoding the cards'
recommendations (:class:`AddresseesKnown`), so the ledger's order and first rows come before
the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable


@runtime_checkable
class AddresseesKnown(Protocol):
    """A catalog that knows its cards' addressees without reading their recommendations."""

    def addressees(self, card_ids: Sequence[str]) -> Mapping[str, Sequence[str]] | None:
        """Each of ``card_ids``' recommendations' addressees, as written and in the card's
        order (cards without recommendations left out); None when it cannot be said."""
        ...
