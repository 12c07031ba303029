"""What the comparison views share: their sources' lines, dates that never break, ruled tables."""

from __future__ import annotations

from reader.cards.dates import PartialDate
from reader.cards.model import Card
from reader.render.html import escape
from reader.render.theme import Theme

NOT_ADDRESSED = "Not addressed"


def date_html(date: PartialDate) -> str:
    """A date that never breaks across lines ("9 February" / "2023" reads as two facts)."""
    return escape(date.display()).replace(" ", "&nbsp;")


def source_html(card: Card) -> str:
    """:func:`reader.analysis.compare.source_label` as HTML, its date unbreakable."""
    return f"{escape(card.source.publisher)}, {date_html(card.source.published)}"


def ruled_table(theme: Theme) -> str:
    """The opening tag of a table with a rule around every cell."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="5" border="1" '
        f'style="border-collapse: collapse; border-color: {theme.quote_rule};">'
    )
