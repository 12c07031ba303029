"""Where a card's timeline starts, as a number an index can store and SQL can compare.

The merged timeline of a set lists events oldest first; to show its first screenful before
reading every card, a view asks which cards have events early enough to be on it. An index
that stores each card's earliest event date as :func:`date_number` answers that without
reading the cards' timelines (:class:`EventOrdered`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from reader.cards.dates import PartialDate

if TYPE_CHECKING:
    from reader.cards.model import Card


def date_number(date: PartialDate) -> int:
    """``date`` as YYYYMMDD, a missing month or day 00: numbers compare as
    :attr:`PartialDate.sort_key` does ("2021" before "2021-09" before "2021-09-01")."""
    return date.year * 10_000 + (date.month or 0) * 100 + (date.day or 0)


def first_event(card: Card) -> int | None:
    """The :func:`date_number` of ``card``'s earliest timeline event; None without one."""
    return min((date_number(e.date) for e in card.timeline), default=None)


@runtime_checkable
class EventOrdered(Protocol):
    """A catalog that knows each card's :func:`first_event` without reading the card."""

    def first_events(self, card_ids: Sequence[str]) -> Mapping[str, int] | None:
        """The :func:`first_event` of each of ``card_ids`` that has a timeline (the others
        are left out); None when it cannot be said (the caller reads the cards instead)."""
        ...
