"""A source text as a document for the source pane: headings and paragraphs, plain text only.

The document is built block by block with a :class:`QTextCursor` and ``insertText``, never
from HTML: a source is someone else's text and may hold anything (``<script>``, ``<img
src=…>``), and inserted text is only ever text. Each paragraph is one block, exactly the
paragraphs locators count (:class:`reader.verify.source_text.SourceText`): the text shown is
the paragraph as the source prints it (``Paragraph.shown``: its own quotation marks) with
spacing folded and footnote numbers glued to sentences left out, as the checks read it, so a
quote found by the checks is at the same offsets. Its locator is painted in the pane's
margin, not written into the text, so that copying a passage copies the source's words only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor

from reader.qt.document import SafeTextDocument
from reader.render import Theme
from reader.verify.source_text import Paragraph, SourceText

#: Line height of the source's paragraphs, per cent of the font's.
LINE_HEIGHT = 140


@dataclass(frozen=True, slots=True)
class SourceLayout:
    """The document, and which block holds which paragraph (headings hold none)."""

    document: SafeTextDocument
    block_of: dict[Paragraph, int]
    paragraph_at: dict[int, Paragraph]


def blend(colour: str, over: str, amount: float) -> QColor:
    """``colour`` laid at ``amount`` (0 to 1) over ``over``: a tint that suits both themes."""
    a, b = QColor(colour), QColor(over)
    return QColor.fromRgbF(
        a.redF() * amount + b.redF() * (1 - amount),
        a.greenF() * amount + b.greenF() * (1 - amount),
        a.blueF() * amount + b.blueF() * (1 - amount),
    )


def source_document(
    source: SourceText, theme: Theme, point_size: float, parent: QObject | None = None
) -> SourceLayout:
    """``source`` typeset plainly in ``theme``'s colours at ``point_size``."""
    document = SafeTextDocument(parent)
    document.setUndoRedoEnabled(False)
    font = QFont(document.defaultFont())
    font.setPointSizeF(point_size)
    document.setDefaultFont(font)
    document.setDocumentMargin(point_size)
    text = QTextCharFormat()
    text.setForeground(QColor(theme.text))
    heading = QTextCharFormat(text)
    heading.setFontWeight(QFont.Weight.DemiBold)
    heading.setFontPointSize(point_size * 1.15)
    heading.setForeground(QColor(theme.accent))
    body = QTextBlockFormat()
    body.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    body.setBottomMargin(point_size * 0.8)
    head = QTextBlockFormat()
    head.setTopMargin(point_size * 1.4)
    head.setBottomMargin(point_size * 0.6)

    titles = dict(source.headings)
    cursor = QTextCursor(document)
    block_of: dict[Paragraph, int] = {}
    section: str | None = None
    first = True
    for paragraph in source.paragraphs:
        if paragraph.section != section and paragraph.section is not None:
            section = paragraph.section
            _insert(cursor, titles.get(section, f"§{section}"), head, heading, first)
            first = False
        _insert(cursor, paragraph.shown or paragraph.text, body, text, first)
        first = False
        block_of[paragraph] = cursor.block().blockNumber()
    return SourceLayout(document, block_of, {n: p for p, n in block_of.items()})


def _insert(
    cursor: QTextCursor,
    text: str,
    block: QTextBlockFormat,
    char: QTextCharFormat,
    first: bool,
) -> None:
    """One block of plain text; the document's first block exists already."""
    if first:
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(char)
    else:
        cursor.insertBlock(block, char)
    cursor.insertText(text, char)
