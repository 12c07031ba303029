"""Who recommendations are addressed to: names resolved through the set's aliases, and the
one grouping of recommendations by addressee that the side-by-side view and the ledger share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.analysis.release import let_go
from reader.cards.model import Card, Recommendation
from reader.cards.query import fold


def name_key(name: str) -> str:
    return " ".join(fold(name).split())


def _clean(name: str) -> str:
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class Addressees:
    """Resolves the names cards give addressees to the set's canonical actor names.

    Names match after trimming, collapsing spaces and folding case and accents, so
    "Western partners" and "western  partners " are one addressee even without an alias.
    """

    canonical_by_key: Mapping[str, str]

    @classmethod
    def from_aliases(cls, aliases: Mapping[str, Sequence[str]]) -> Addressees:
        table: dict[str, str] = {}
        for canonical, names in aliases.items():
            table[name_key(canonical)] = _clean(canonical)
            for name in names:
                table.setdefault(name_key(name), _clean(canonical))
        return cls(table)

    def key(self, name: str) -> str:
        """The grouping key: the canonical name's, or the folded name itself."""
        canonical = self.canonical_by_key.get(name_key(name))
        return name_key(canonical if canonical is not None else name)

    def display(self, name: str) -> str:
        return self.canonical_by_key.get(name_key(name), _clean(name))


@dataclass(frozen=True, slots=True)
class AddresseeGroup:
    """Every recommendation made to one addressee, card by card."""

    key: str
    #: The canonical name, or the name as first written.
    display: str
    #: Every name the cards used for this addressee, as written, first use first.
    spellings: tuple[str, ...]
    #: (card, its recommendations to this addressee), in the order the cards were given.
    by_card: tuple[tuple[Card, tuple[Recommendation, ...]], ...]

    def of(self, card: Card) -> tuple[Recommendation, ...]:
        """``card``'s recommendations to this addressee (none when it makes none)."""
        return next((recs for c, recs in self.by_card if c.id == card.id), ())


class _Resolved(dict[str, tuple[str, str, str]]):
    """Each way of writing an addressee resolved once to (key, display, as written cleaned):
    a set of 10,000 cards has some 15,000 recommendations to a few hundred spellings, and
    resolving one folds it three times."""

    def __init__(self, names: Addressees) -> None:
        super().__init__()
        self._names = names

    def __missing__(self, to: str) -> tuple[str, str, str]:
        found = self[to] = (self._names.key(to), self._names.display(to), _clean(to))
        return found


def group_by_addressee(cards: Sequence[Card], names: Addressees) -> tuple[AddresseeGroup, ...]:
    """Recommendations grouped by addressee; addressees that more cards speak to come first
    ("what does everyone say Bamako should do?"), ties by name."""
    display: dict[str, str] = {}
    spellings: dict[str, dict[str, None]] = {}
    grouped: dict[str, dict[str, tuple[Card, list[Recommendation]]]] = {}
    resolved = _Resolved(names)
    for card in cards:
        for rec in card.recommendations:
            key, shown, written = resolved[rec.to]
            display.setdefault(key, shown)
            spellings.setdefault(key, {})[written] = None
            grouped.setdefault(key, {}).setdefault(card.id, (card, []))[1].append(rec)
    ordered = sorted(grouped, key=lambda k: (-len(grouped[k]), fold(display[k])))
    groups = tuple(
        AddresseeGroup(
            key,
            display[key],
            tuple(spellings[key]),
            tuple((card, by_wording(recs)) for card, recs in grouped[key].values()),
        )
        for key in ordered
    )
    let_go(grouped)  # one addressee's cards at a time (see reader.analysis.release)
    return groups


@dataclass(frozen=True, slots=True)
class NamedGroup:
    """An addressee as :func:`group_by_addressee` orders and names it, with its cards' ids
    only: worked out from the names the cards use, without their recommendations."""

    key: str
    display: str
    spellings: tuple[str, ...]
    #: The cards that address it, in the order given.
    card_ids: tuple[str, ...]


def group_names(
    named: Iterable[tuple[str, Sequence[str]]], names: Addressees
) -> tuple[NamedGroup, ...]:
    """:func:`group_by_addressee`'s groups, in its order, from each card's id and the
    addressees its recommendations name (as written, in its order), cards in date order."""
    display: dict[str, str] = {}
    spellings: dict[str, dict[str, None]] = {}
    holders: dict[str, dict[str, None]] = {}
    resolved = _Resolved(names)
    for card_id, addressees in named:
        for to in addressees:
            key, shown, written = resolved[to]
            display.setdefault(key, shown)
            spellings.setdefault(key, {})[written] = None
            holders.setdefault(key, {})[card_id] = None
    ordered = sorted(holders, key=lambda k: (-len(holders[k]), fold(display[k])))
    return tuple(
        NamedGroup(key, display[key], tuple(spellings[key]), tuple(holders[key])) for key in ordered
    )


def by_wording(recs: Sequence[Recommendation]) -> tuple[Recommendation, ...]:
    """``recs`` with those naming the addressee the same way together, first wording first.

    A card may call one addressee "Bamako", "Mali" and "the Malian authorities" in turn; the
    views head each run of one wording with it ("As “Bamako”:"), so interleaved wordings
    would repeat the same heading. The order within a wording stays the card's.
    """
    first: dict[str, int] = {}
    for rec in recs:
        first.setdefault(_clean(rec.to), len(first))
    return tuple(sorted(recs, key=lambda rec: first[_clean(rec.to)]))
