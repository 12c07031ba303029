"""What the source pane gives the card editor: the words selected, as a quote with its locator,
and the locator of a paragraph clicked (a range with shift-click).

The text comes from the pane's document, whose blocks are the paragraphs exactly as the
checks count and read them (:mod:`reader.ui.reading.source_document`), and the locator is
written by the checks' own :func:`reader.verify.relevance.compact_locator` from the
paragraphs the selection spans: a quote captured here is found word for word in the
paragraphs its locator names, so it passes the health check by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCursor

from reader.ui.reading.source_view import SourceView
from reader.verify.relevance import compact_locator
from reader.verify.source_text import Paragraph

#: What QTextCursor.selectedText puts between blocks (paragraphs).
_BLOCK_BREAK = "\u2029"


@dataclass(frozen=True, slots=True)
class Captured:
    """A quote taken from the source: its words and where they are."""

    text: str
    locator: str


def selected_quote(view: SourceView) -> Captured | None:
    """The words selected in ``view`` and the paragraphs they span; None when nothing of a
    paragraph is selected (no selection, or only a heading)."""
    layout = view.source_layout
    cursor = view.textCursor()
    if layout is None or not cursor.hasSelection():
        return None
    text = " ".join(cursor.selectedText().replace(_BLOCK_BREAK, " ").split())
    if not text:
        return None
    document = layout.document
    first = document.findBlock(cursor.selectionStart()).blockNumber()
    last = document.findBlock(_last_selected(cursor)).blockNumber()
    spanned = [layout.paragraph_at[n] for n in range(first, last + 1) if n in layout.paragraph_at]
    if not spanned:
        return None
    return Captured(text, compact_locator(spanned))


def _last_selected(cursor: QTextCursor) -> int:
    """The position of the last selected character (a selection ending at a block's start
    selects nothing of that block)."""
    return max(cursor.selectionStart(), cursor.selectionEnd() - 1)


def paragraph_locator(view: SourceView, anchor: Paragraph | None, clicked: Paragraph) -> str:
    """The locator of ``clicked``, or of every paragraph from ``anchor`` to it (either way
    round) when a range is asked for: ``¶3–5``, ``§III ¶6–§IV ¶1`` as ``§III ¶6, §IV ¶1``."""
    layout = view.source_layout
    if anchor is None or layout is None or anchor not in layout.block_of:
        return clicked.locator
    start, end = sorted((layout.block_of[anchor], layout.block_of[clicked]))
    spanned = [layout.paragraph_at[n] for n in range(start, end + 1) if n in layout.paragraph_at]
    return compact_locator(spanned)
