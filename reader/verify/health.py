"""What is wrong with each located item of a card, against its source text.

One pass over a card's quotes, argument points and recommendations gives every finding tied
to the item it concerns; :func:`reader.verify.quotes.verify_card` words them as diagnostics
(``check --sources``, the Problems panel) and :func:`card_health` turns them into the mark
each item carries in the card view: verified, suspect (with the reason), or unverifiable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader.cards.model import Card
from reader.verify.marks import Mark as Mark  # named from here by the checks' users
from reader.verify.relevance import relevance_findings
from reader.verify.source_text import SourceText

#: The located lists of a card, in the order the card view shows them.
LOCATED = ("argument", "recommendations", "quotes")


@dataclass(frozen=True, slots=True)
class ItemCheck:
    """A finding about one item: ``part`` is the field it points at ("where" or "text")."""

    field: str
    index: int
    part: str
    is_error: bool
    message: str
    suggestion: str | None = None


def item_checks(card: Card, source: SourceText) -> list[ItemCheck]:
    """Every finding about the card's located items, in the card's order."""
    checks: list[ItemCheck] = []
    for field in LOCATED:
        for index, item in enumerate(getattr(card, field)):
            if item.where is None:
                continue
            named = source.resolve(item.where)
            if isinstance(named, str):
                checks.append(ItemCheck(field, index, "where", True, named))
    for finding in relevance_findings(card, source):
        checks.append(
            ItemCheck(
                finding.field, finding.index, "where", False, finding.message, finding.suggested
            )
        )
    for index, quote in enumerate(card.quotes):
        found = source.find(quote.text)
        if not found:
            checks.append(
                ItemCheck(
                    "quotes",
                    index,
                    "text",
                    True,
                    f"quote {index + 1} is not in the source text word for word; "
                    f"the closest passage is: “{source.closest(quote.text)}”",
                )
            )
            continue
        named = source.resolve(quote.where) if quote.where is not None else []
        if isinstance(named, list) and named and not set(named) & set(found):
            actual = ", ".join(p.locator for p in found)
            checks.append(
                ItemCheck(
                    "quotes",
                    index,
                    "where",
                    True,
                    f"quote {index + 1} is in {actual}, not {quote.where}",
                    actual,
                )
            )
    return checks


@dataclass(frozen=True, slots=True)
class ItemHealth:
    mark: Mark
    #: Why, for a suspect or unverifiable item (shown on hover).
    reason: str = ""


NO_SOURCE = ItemHealth(Mark.UNVERIFIABLE, "the source text is not available")
NO_LOCATOR = ItemHealth(Mark.UNVERIFIABLE, "no locator: nothing says where the source says it")


def card_health(card: Card, source: SourceText | None) -> dict[tuple[str, int], ItemHealth]:
    """The mark of every argument point, recommendation and quote of ``card``.

    A quote found word for word is verified even without a locator; a point or a
    recommendation is verified when its locator resolves and cites its best passage.
    """
    checks: dict[tuple[str, int], list[ItemCheck]] = {}
    for check in item_checks(card, source) if source is not None else ():
        checks.setdefault((check.field, check.index), []).append(check)
    health: dict[tuple[str, int], ItemHealth] = {}
    for field in LOCATED:
        for index, item in enumerate(getattr(card, field)):
            key = (field, index)
            if source is None:
                health[key] = NO_SOURCE
            elif key in checks:
                health[key] = ItemHealth(Mark.SUSPECT, "; ".join(c.message for c in checks[key]))
            elif item.where is None and field != "quotes":
                health[key] = NO_LOCATOR
            else:
                health[key] = ItemHealth(Mark.VERIFIED)
    return health


def totals(healths: Iterable[dict[tuple[str, int], ItemHealth]]) -> Counter[Mark]:
    """How many items of a set carry each mark (the set overview shows these)."""
    return Counter(h.mark for health in healths for h in health.values())
