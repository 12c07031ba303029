"""The side-by-side pages a policy analyst hands on (#16 review 7), read from the laid-out table.

The three shipped cards side by side, laid out by the export's own typesetter on a PDF writer
(no painting): the page count, nothing of the cards lost, labels set a few words a line, and
where a row runs over a page break. What the painter adds (running head, repeated column
heads) is read from the PDF in ``test_cli``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter, QTextBlock, QTextDocument, QTextFrameFormat, QTextTable

from reader.analysis.side_by_side import RowKind, TagsCell, compare
from reader.export.book import comparison_sections
from reader.export.breaks import CONTINUED, line_pages
from reader.export.pdf import RESOLUTION, page_size_of, print_document
from reader.export.rows import KEEP_LABELLED_LINES, MIN_LINES_LEFT
from reader.export.typeset import LaidOut, Typesetter
from reader.render import LIGHT
from tests.conftest import SHIPPED_CARDS
from tests.export.conftest import ISOLATION, LEVERAGE, SANCTIONS, squash
from tests.export.layout import request_for

#: The review's target for these three cards (15 pages before).
MOST_PAGES = 8


@dataclass
class Row:
    """A row of the laid-out table: its label's text, its pages and its tallest cell's lines."""

    label: str
    pages: set[int]
    lines: int


@dataclass
class Laid:
    laid: LaidOut
    doc: QTextDocument
    height: float

    def rows(self) -> list[Row]:
        table = next(f for f in self.doc.rootFrame().childFrames() if isinstance(f, QTextTable))
        layout = self.doc.documentLayout()
        rows = []
        for r in range(table.format().headerRowCount(), table.rows()):
            pages: set[int] = set()
            most = 0
            label = ""
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                if cell.column() != c:
                    continue
                lines = 0
                for block in _blocks(cell.firstCursorPosition().block(), cell.lastPosition()):
                    on = line_pages(layout, block, self.height)
                    if block.text().strip():
                        pages |= set(on)
                        lines += len(on)
                        label += block.text() + "\n" if c == 0 else ""
                most = max(most, lines)
            rows.append(Row(label.strip(), pages, most))
        return rows


def _blocks(block: QTextBlock, last: int) -> list[QTextBlock]:
    found = []
    while block.isValid() and block.position() <= last:
        found.append(block)
        block = block.next()
    return found


@pytest.fixture(scope="module")
def side(qapp: object) -> Laid:
    request = request_for(SHIPPED_CARDS, compare=(LEVERAGE, SANCTIONS, ISOLATION), index=False)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    typesetter = Typesetter(writer, page_size_of("A4"), print_document, LIGHT)
    laid = typesetter.lay_out(comparison_sections(request)[0])
    assert laid.document is not None
    height = typesetter.geometry(laid.section.landscape).body.height()
    return Laid(laid, laid.document, height)


def test_three_shipped_cards_fit_eight_landscape_pages_under_their_running_head(
    side: Laid,
) -> None:
    section = side.laid.section
    assert section.landscape
    assert section.header.startswith("Side by side: ")
    assert side.laid.pages <= MOST_PAGES


def test_nothing_of_the_cards_is_lost(side: Laid) -> None:
    """Every title, thesis, view, recommendation and tag of the three cards is on the pages."""
    text = squash(side.doc.toPlainText()).replace("\u2060", "")  # word joiners in tags
    request = request_for(SHIPPED_CARDS)
    cards = request.cards
    assert len(cards) == 3
    # A tag is printed as its name in the set when it has one (its slug otherwise).
    tags = compare(cards, request.info).rows_of(RowKind.TAGS)[0].cells
    shown = {
        m.tag: getattr(m, "label", m.tag) for c in tags if isinstance(c, TagsCell) for m in c.tags
    }
    for card in cards:
        parts = [card.title, card.thesis, *(p.view for p in card.perspectives)]
        parts += [r.action for r in card.recommendations]
        parts += [shown[t] for t in card.tags]
        for part in parts:
            assert _in_one_or_two_pieces(squash(part), text), (card.id, part)


def _in_one_or_two_pieces(part: str, text: str) -> bool:
    """``part`` is in ``text`` whole, or cut once (a row split) with its tail further on."""
    if part in text:
        return True
    return any(
        (head := text.find(part[:k])) >= 0 and text.find(part[k:], head + k) > head
        for k in range(1, len(part))
    )


def test_topic_labels_set_several_words_a_line(side: Laid) -> None:
    """The label column is wide enough that a topic's question never sets a word a line."""
    layout = side.doc.documentLayout()
    checked = 0
    for block in _blocks(side.doc.begin(), side.doc.characterCount()):
        if not block.text().endswith("?") or len(block.text().split()) < 8:
            continue
        lines = block.layout()
        assert layout.blockBoundingRect(block).width() > 0
        for i in range(lines.lineCount() - 1):  # the last line may hold one word
            line = lines.lineAt(i)
            words = block.text()[line.textStart() : line.textStart() + line.textLength()].split()
            assert len(words) >= 3, (block.text(), words)
        checked += 1
    assert checked >= 8  # every topic's question


def test_rows_split_only_between_pages_under_a_repeated_label(side: Laid) -> None:
    """Every row is on one page: a short one moved whole, a long one split into a part at the
    foot of a page and a part opening the next under its label and "continued"."""
    rows = side.rows()
    continued = 0
    for above, row in itertools.pairwise(rows):
        assert len(row.pages) == 1, row.label
        if row.label.endswith(CONTINUED):
            continued += 1
            assert row.label.removesuffix(CONTINUED).strip() in above.label
            assert min(row.pages) == max(above.pages) + 1, row.label
            assert above.lines >= MIN_LINES_LEFT
            assert above.lines + row.lines > KEEP_LABELLED_LINES
    assert continued >= 2  # the shipped cards' long rows do split


def test_every_comparison_table_has_even_solid_rules(qapp: object) -> None:
    """#16 review 42: Qt's default (outset) border shades the right and bottom rules of each
    table and cell darker, so a printed table's rules looked uneven; all are solid."""
    request = request_for(SHIPPED_CARDS, compare=(LEVERAGE, SANCTIONS), index=False)
    tables = 0
    for section in comparison_sections(request):
        doc = print_document(section.html)
        for frame in doc.rootFrame().childFrames():
            if isinstance(frame, QTextTable) and frame.format().border() > 0:
                tables += 1
                style = frame.format().borderStyle()
                assert style == QTextFrameFormat.BorderStyle.BorderStyle_Solid, section.title
    assert tables >= 4  # side by side, matrix and its key, ledger, timeline
