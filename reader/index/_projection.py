"""What the set-wide analyses read of a card, stored as one compact row at index time.

The topic matrix, the recommendations ledger, the timeline and the ``table`` command look at
every card of the set, but only at a few of its fields: who published it and when, its
perspectives, recommendations (addressee as written: the set file's aliases apply when the
analysis runs, so editing ``cardset.yaml`` re-parses nothing), timeline events with their
dates' precision, quotes and actors, each with its locator. Parsing a card's YAML for those
costs about 0.85 ms; building them from this row costs about 0.02 ms, so a view of 10,000
cards is ready in a fraction of a second instead of eight.

The row is JSON (the standard library decodes it in C, and a damaged row fails to decode
rather than doing anything else). It is written by the worker that parsed the card, in the
same pass, so the cold index pays only the encoding (about 0.02 ms a card). A card built from
it is a :class:`Card` with the analysed fields filled and the rest empty (no thesis, summary,
argument, notes or positions): :meth:`IndexCatalog.analysed` hands such cards only to the
analyses, and everything that shows a whole card asks :meth:`IndexCatalog.card`.
"""

from __future__ import annotations

import json
from typing import Any

from reader.cards.dates import PartialDate
from reader.cards.model import (
    Actor,
    Card,
    Perspective,
    Quote,
    Recommendation,
    Source,
    TimelineEvent,
)

#: Bumped when the row's layout changes (it is also part of the index's fingerprint).
LAYOUT = 1


def _date(date: PartialDate) -> list[int | None]:
    return [date.year, date.month, date.day]


def encode(card: Card) -> str:
    """The analysed fields of ``card`` as one JSON array (see :func:`decode` for its order)."""
    src = card.source
    return json.dumps(
        [
            card.id,
            card.title,
            card.path,
            [src.publisher, _date(src.published), src.title, src.kind, src.file],
            list(card.tags),
            [[p.topic, p.stance, p.view] for p in card.perspectives],
            [[r.to, r.action, r.where] for r in card.recommendations],
            [[_date(e.date), e.event] for e in card.timeline],
            [[q.text, q.where] for q in card.quotes],
            [[a.name, a.role] for a in card.actors],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(row: str) -> Card:
    """The card :func:`encode` stored, with only the analysed fields; raises ValueError
    (json's, or on a wrong shape) for a row that is not one."""
    try:
        return _build(json.loads(row))
    except (TypeError, IndexError) as exc:
        raise ValueError(f"not an analysis row: {exc}") from exc


def _build(fields: list[Any]) -> Card:
    card_id, title, path, src, tags, persp, recs, events, quotes, actors = fields
    publisher, published, src_title, kind, file = src
    return Card(
        id=card_id,
        title=title,
        source=Source(publisher, PartialDate(*published), src_title, kind=kind, file=file),
        thesis="",
        summary="",
        argument=(),
        tags=tuple(tags),
        recommendations=tuple(Recommendation(to, action, where) for to, action, where in recs),
        perspectives=tuple(Perspective(topic, stance, view) for topic, stance, view in persp),
        actors=tuple(Actor(name, role) for name, role in actors),
        timeline=tuple(TimelineEvent(PartialDate(*date), event) for date, event in events),
        quotes=tuple(Quote(text, where) for text, where in quotes),
        path=path,
    )
