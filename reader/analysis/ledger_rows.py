"""The recommendations ledger as a flat sequence of rows, for a view that draws only the rows
on screen.

One HTML page of 30,000 recommendations takes seconds to lay out and freezes the window while
it does; a list of row records costs a few bytes a row and the view measures and paints only
what is scrolled into sight. The records are plain data made from
:class:`reader.analysis.ledger.LedgerEntry` (today worked out from the cards; the index may
answer the same entries later), in the order the printed ledger reads:

    TO <ADDRESSEE>            (ADDRESSEE: how many sources, the other names used)
      <source>, <date>        (SOURCE: the card's title beneath)
        As “<wording>”:       (WORDING: where the card named the addressee otherwise)
        • <recommendation>    (RECOMMENDATION)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from reader.analysis.ledger import LedgerEntry
from reader.cards.model import Card, Recommendation
from reader.cards.query import fold


class LedgerRowKind(Enum):
    ADDRESSEE = "addressee"
    SOURCE = "source"
    WORDING = "wording"
    RECOMMENDATION = "recommendation"


@dataclass(frozen=True, slots=True)
class LedgerRow:
    kind: LedgerRowKind
    #: Which addressee (the entry's place in the ledger) the row belongs to.
    entry: int
    #: The addressee, the wording, or the recommendation's action; a source's title.
    text: str
    #: The card of a source, wording or recommendation row.
    card: Card | None = None
    recommendation: Recommendation | None = None
    #: An addressee's count of sources; the other names it goes by, as written.
    sources: int = 0
    others: tuple[str, ...] = ()


def ledger_rows(entries: Sequence[LedgerEntry]) -> tuple[LedgerRow, ...]:
    """Every heading and recommendation of the ledger, one row each, in reading order."""
    rows: list[LedgerRow] = []
    folded: dict[str, str] = {}  # each wording folded once (thousands of rows, few wordings)

    def fold_once(text: str) -> str:
        found = folded.get(text)
        if found is None:
            found = folded[text] = fold(text)
        return found

    for number, entry in enumerate(entries):
        addressee = fold_once(entry.addressee)
        others = tuple(name for name in entry.names if fold_once(name) != addressee)
        rows.append(
            LedgerRow(
                LedgerRowKind.ADDRESSEE,
                number,
                entry.addressee,
                sources=len(entry.sources),
                others=others,
            )
        )
        for source in entry.sources:
            card = source.card
            rows.append(LedgerRow(LedgerRowKind.SOURCE, number, card.title, card))
            current: str | None = None
            for rec in source.recommendations:
                name = " ".join(rec.to.split())
                if name != current and fold_once(name) != addressee:
                    rows.append(LedgerRow(LedgerRowKind.WORDING, number, name, card))
                current = name
                rows.append(LedgerRow(LedgerRowKind.RECOMMENDATION, number, rec.action, card, rec))
    return tuple(rows)
