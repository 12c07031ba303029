"""What the comparison views share: their sources' lines, dates that never break, ruled tables."""

from __future__ import annotations

from reader.cards.dates import PartialDate
from reader.cards.model import Card
from reader.render.html import escape, head_row
from reader.render.theme import KEEP_WITH_NEXT, Theme

NOT_ADDRESSED = "Not addressed"
#: ``QTextBlock.userState`` of a row label's paragraphs that paper repeats, with "continued",
#: above the part of a row carried over to the next page (the question under a topic is not
#: repeated: it is on the page before). (``KEEP_WITH_NEXT + 1`` is the export's spacer.)
ROW_LABEL = KEEP_WITH_NEXT + 2


#: Between the parts of a long view on paper (a matrix's tables, the ledger's addressees),
#: where the export may start a new page and lay out the rest as a document of its own.
PART = "<!--part-->"


#: Rows of a long table on paper before it goes on as another table (a part of its own).
ROWS_PER_PART = 60


def ruled_tables(theme: Theme, head: str, rows: list[str], *, for_print: bool) -> str:
    """A ruled table of ``rows`` under the column heads ``head`` (``<th>`` cells); on paper, a
    long one as tables of :data:`ROWS_PER_PART` rows, :data:`PART` between them, each with
    its heads: Qt draws every page of a table by walking all of its rows, so a thousand rows
    on a hundred pages cost a hundred thousand row visits."""
    size = ROWS_PER_PART if for_print else max(len(rows), 1)
    tables = [
        ruled_table(theme) + head_row(head, for_print=for_print) + "".join(rows[i : i + size])
        for i in range(0, max(len(rows), 1), size)
    ]
    return f"</table><p></p>{PART}".join(tables) + "</table>"


def repeated(paragraph: str) -> str:
    """``paragraph`` (``<p class=...>``) marked :data:`ROW_LABEL`."""
    return paragraph.replace("<p ", f'<p style="-qt-user-state: {ROW_LABEL};" ', 1)


def date_html(date: PartialDate) -> str:
    """A date that never breaks across lines ("9 February" / "2023" reads as two facts)."""
    return escape(date.display()).replace(" ", "&nbsp;")


def source_html(card: Card) -> str:
    """:func:`reader.analysis.compare.source_label` as HTML, its date unbreakable."""
    return f"{escape(card.source.publisher)}, {date_html(card.source.published)}"


def ruled_table(theme: Theme) -> str:
    """The opening tag of a table with a rule around every cell, all alike: solid, since Qt's
    default border style (outset) shades a table's and each cell's right and bottom edges
    darker, and the rules of a printed table then look uneven."""
    return (
        '<table width="100%" cellspacing="0" cellpadding="5" border="1" '
        f'style="border-collapse: collapse; border-style: solid; '
        f'border-color: {theme.quote_rule};">'
    )
