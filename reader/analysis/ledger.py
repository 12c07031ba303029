"""Recommendations by addressee, then by source: what everyone says each actor should do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.analysis.addressees import Addressees, group_by_addressee
from reader.analysis.columns import date_order
from reader.cards.model import Card, Recommendation


@dataclass(frozen=True, slots=True)
class LedgerSource:
    card: Card
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    addressee: str
    #: Every name the cards used for this addressee, as written, first use first.
    names: tuple[str, ...]
    #: Oldest source first.
    sources: tuple[LedgerSource, ...]


def recommendation_ledger(
    cards: Iterable[Card], aliases: Mapping[str, Sequence[str]]
) -> tuple[LedgerEntry, ...]:
    """Every recommendation, grouped by addressee, then by source (oldest first).

    Addressees that more sources speak to come first, ties by name, so the ledger opens on
    the comparisons that have the most to compare.
    """
    groups = group_by_addressee(date_order(cards), Addressees.from_aliases(aliases))
    return tuple(
        LedgerEntry(
            group.display,
            group.spellings,
            tuple(LedgerSource(card, recs) for card, recs in group.by_card),
        )
        for group in groups
    )
