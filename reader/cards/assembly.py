"""A set put together from its loaded cards: the checks across files and the final order.

Both the plain loader (:func:`reader.cards.load.load_set`) and the index's stored state end
here, the latter without parsing anything (a warm open lists a set before the parser is
imported, #17 §4), so this module imports no parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.cards.model import SET_FILE, Card, CardSet, SetInfo
from reader.cards.problems import Problem, error, warning


def assemble(root: Path, info: SetInfo, loaded: list[Card], problems: list[Problem]) -> CardSet:
    """Cross-file checks (duplicate ids, unused aliases) and the final, sorted set."""
    cards: list[Card] = []
    first_by_id: dict[str, Card] = {}
    for card in sorted(loaded, key=lambda c: c.path):
        first = first_by_id.get(card.id)
        if first is not None:
            line, column = first.position("id")
            problems.append(
                error(
                    card.path,
                    card.position("id"),
                    f"duplicate id '{card.id}': {first.path}:{line}:{column} uses it already; "
                    "this card is left out until one of them is renamed",
                )
            )
            continue
        first_by_id[card.id] = card
        cards.append(card)
    # A card that did not load may be the one using an alias: blaming the set file for it
    # sends the reader to the wrong file (review #12). Checked once every card reads.
    if not any(p.is_error and p.path != SET_FILE for p in problems):
        problems.extend(_unused_aliases(info, cards))
    return CardSet(root=root, info=info, cards=tuple(cards), problems=tuple(sorted(problems)))


def _unused_aliases(info: SetInfo, cards: list[Card]) -> Iterator[Problem]:
    used = {rec.to for card in cards for rec in card.recommendations}
    used |= {actor.name for card in cards for actor in card.actors}
    for canonical, names in info.actor_aliases.items():
        for j, name in enumerate(names):
            if name not in used:
                yield warning(
                    SET_FILE,
                    info.position("actors", canonical, j),
                    f"the alias '{name}' of '{canonical}' is used by no card",
                )
