"""What the set-wide analyses read of a card, stored as one compact row at index time.

The topic matrix, the recommendations ledger, the timeline and the ``table`` command look at
every card of the set, but only at a few of its fields: who published it and when, its
perspectives, recommendations (addressee as written: the set file's aliases apply when the
analysis runs, so editing ``cardset.yaml`` re-parses nothing), timeline events with their
dates' precision, quotes and actors, each with its locator. Parsing a card's YAML for those
costs about 0.85 ms; building them from this row costs about 0.02 ms, so a view of 10,000
cards is ready in a fraction of a second instead of eight.

The row is six JSON texts joined by U+001E (a control character JSON always escapes, so it
never occurs inside one): the card's head (id, title, path, source, tags), then its
perspectives, recommendations, timeline, quotes and actors. A view decodes only the parts it
reads (:class:`~reader.cards.catalog.Parts`): the timeline of 10,000 cards does not decode
their recommendations. The standard library decodes JSON in C, and a damaged row fails to
decode rather than doing anything else. It is written by the worker that parsed the card, in
the same pass, so the cold index pays only the encoding (about 0.02 ms a card). A card built
from it is a :class:`Card` with the head and the parts asked for, the rest empty (no thesis,
summary, argument, notes or positions): :meth:`IndexCatalog.analysed` hands such cards only to
the analyses, and everything that shows a whole card asks :meth:`IndexCatalog.card`.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from reader.cards.dates import PartialDate
from reader.cards.model import (
    Actor,
    Card,
    Parts,
    Perspective,
    Quote,
    Recommendation,
    Source,
    TimelineEvent,
)

#: Between the row's JSON texts.
SEPARATOR = "\x1e"
#: One encoder for every row (``json.dumps`` with options makes a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_RAW_DECODE = json.JSONDecoder().raw_decode
#: Each part's place among the row's JSON texts (the head is the first).
_PLACE = {
    Parts.PERSPECTIVES: 1,
    Parts.RECOMMENDATIONS: 2,
    Parts.TIMELINE: 3,
    Parts.QUOTES: 4,
    Parts.ACTORS: 5,
}
_TEXTS = 1 + len(_PLACE)


def _date(date: PartialDate) -> list[int | None]:
    return [date.year, date.month, date.day]


def encode(card: Card) -> str:
    """The analysed fields of ``card`` as one row (see the module docstring)."""
    src = card.source
    head = [
        card.id,
        card.title,
        card.path,
        [src.publisher, _date(src.published), src.title, src.kind, src.file],
        list(card.tags),
    ]
    lists = (
        [[p.topic, p.stance, p.view] for p in card.perspectives],
        [[r.to, r.action, r.where] for r in card.recommendations],
        [[_date(e.date), e.event] for e in card.timeline],
        [[q.text, q.where] for q in card.quotes],
        [[a.name, a.role] for a in card.actors],
    )
    return SEPARATOR.join([_ENCODE(head), *[_ENCODE(x) if x else "[]" for x in lists]])


def decode(row: str, parts: Parts = Parts.ALL) -> Card:
    """The card :func:`encode` stored, with its head and ``parts``; raises ValueError
    (json's, or on a wrong shape) for a row that is not one."""
    texts = row.split(SEPARATOR)
    if len(texts) != _TEXTS:
        raise ValueError(f"not an analysis row: {len(texts)} parts")
    try:
        return _build(texts, _wanted(parts))
    except (TypeError, IndexError) as exc:
        raise ValueError(f"not an analysis row: {exc}") from exc


@functools.cache
def _wanted(parts: Parts) -> tuple[bool, ...]:
    """Whether each of the row's lists is among ``parts``, in the row's order (asked once per
    kind of request, not per card: a flag's ``in`` is Python code)."""
    return tuple(part in parts for part in _PLACE)


def _load(text: str) -> Any:
    """One JSON text (the decoder's own step: ``json.loads`` adds two regex scans a call)."""
    found, end = _RAW_DECODE(text)
    if end != len(text):
        raise ValueError(f"not an analysis row: extra data at {end}")
    return found


def _build(texts: list[str], wanted: tuple[bool, ...]) -> Card:
    card_id, title, path, src, tags = _load(texts[0])
    publisher, published, src_title, kind, file = src
    persp, recs, events, quotes, actors = (
        _load(text) if want else () for text, want in zip(texts[1:], wanted, strict=True)
    )
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
