"""The recommendations ledger, worked out off the UI thread, its first rows first.

Which addressee comes first depends on every card (the most-addressed first), and reading
every card's recommendations takes seconds at 100,000 cards. A catalog that knows its cards'
addressees without reading them (:class:`~reader.cards.addressed.AddresseesKnown`: the
index keeps them in a column) gives the ledger's order and counts at once
(:func:`~reader.analysis.addressees.group_names`, in the cards' date order from their
summaries); then only the first addressee's first :data:`FIRST_SOURCES` cards are read, and
shown as a first part: every addressee in the list with its count, the first one's first
sources in the ledger. The whole ledger follows and continues those rows without a reset.

Pure Python (no widget): :meth:`reader.ui.compare.ledger.RecommendationsLedgerView.compute`
runs :func:`ledger_result` on a view job's thread.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from typing import Any

from reader.analysis.addressees import Addressees, by_wording, group_names
from reader.analysis.columns import CardProgress, ids_in_date_order
from reader.analysis.ledger import LedgerEntry, LedgerSource, recommendation_ledger
from reader.analysis.ledger_rows import ledger_rows
from reader.analysis.release import let_go
from reader.cards.addressed import AddresseesKnown
from reader.cards.catalog import Catalog
from reader.cards.model import Parts
from reader.ui.compare.ledger_model import ShownLedger
from reader.ui.compare.timeline_rows import PAINT_WAIT

#: Sources of the first addressee in a first part: each is three rows or more, so more
#: than a page (:data:`reader.ui.compare.paged.PAGE`) and a screenful.
FIRST_SOURCES = 20


def ledger_result(
    catalog: Catalog,
    card_ids: Sequence[str],
    progress: CardProgress | None = None,
    first_part: Callable[[Any], None] | None = None,
) -> ShownLedger:
    """The ledger of ``card_ids``; ``first_part`` is given :func:`early_part` before every
    card is read, and the rest waits until it is painted."""
    part = early_part(catalog, card_ids) if first_part is not None else None
    if first_part is not None and part is not None:
        first_part(part)
        assert part.shown is not None
        part.shown.wait(PAINT_WAIT)
    cards = catalog.analysed(card_ids, progress, Parts.RECOMMENDATIONS)
    ledger = ShownLedger.of(recommendation_ledger(cards, catalog.info.actor_aliases))
    let_go(cards)  # its own list (every catalog makes one): freed a step at a time
    return ledger


def early_part(catalog: Catalog, card_ids: Sequence[str]) -> ShownLedger | None:
    """Every addressee with its count, and the first one's first :data:`FIRST_SOURCES`
    sources, read from those cards only; None when the catalog does not know its cards'
    addressees, or the first addressee has no more sources than that (the whole is as quick)."""
    named = catalog.addressees(card_ids) if isinstance(catalog, AddresseesKnown) else None
    if not named:
        return None
    names = Addressees.from_aliases(catalog.info.actor_aliases)
    ordered = ids_in_date_order(catalog, card_ids)
    groups = group_names(((i, named[i]) for i in ordered if i in named), names)
    first = groups[0]
    if len(first.card_ids) <= FIRST_SOURCES:
        return None
    cards = catalog.analysed(first.card_ids[:FIRST_SOURCES], None, Parts.RECOMMENDATIONS)
    key = first.key
    sources = tuple(
        LedgerSource(card, by_wording([r for r in card.recommendations if names.key(r.to) == key]))
        for card in cards
    )
    entries = (
        LedgerEntry(first.display, first.spellings, sources),
        *(LedgerEntry(g.display, g.spellings, ()) for g in groups[1:]),
    )
    counts = tuple(len(g.card_ids) for g in groups)
    heading, *rows = ledger_rows(entries[:1])
    rows.insert(0, dataclasses.replace(heading, sources=counts[0]))
    return ShownLedger(entries, tuple(rows), (0,), counts, False, threading.Event())
