"""The topic matrix: every topic of the set against every card of the filter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.columns import date_order, distinct_stances
from reader.cards.model import Card, Perspective, SetInfo, Topic


@dataclass(frozen=True, slots=True)
class MatrixRow:
    topic: Topic
    #: One per column; None is a blindspot (the card is silent on the topic).
    cells: tuple[Perspective | None, ...]

    @property
    def addressed(self) -> int:
        return sum(p is not None for p in self.cells)

    @property
    def stances(self) -> tuple[str, ...]:
        return distinct_stances(self.cells)

    @property
    def stances_differ(self) -> bool:
        return len(self.stances) > 1


@dataclass(frozen=True, slots=True)
class TopicMatrix:
    columns: tuple[Card, ...]
    rows: tuple[MatrixRow, ...]

    def blindspots(self, card_id: str) -> tuple[Topic, ...]:
        """The topics a card is silent on."""
        index = next((i for i, c in enumerate(self.columns) if c.id == card_id), None)
        if index is None:
            return ()
        return tuple(r.topic for r in self.rows if r.cells[index] is None)


def topic_matrix(cards: Iterable[Card], info: SetInfo, *, ordered: bool = False) -> TopicMatrix:
    """The matrix of ``cards`` (``ordered``: already in :func:`date_order`, as a view reads
    them, which spares sorting them again)."""
    columns = tuple(cards) if ordered else tuple(date_order(cards))
    rows = tuple(
        MatrixRow(topic, tuple(c.perspective(topic.key) for c in columns)) for topic in info.topics
    )
    return TopicMatrix(columns, rows)
