"""The rich-text documents the comparison views lay out for their cells and header labels.

A view of thousands of rows lays out a document per cell it shows, in one go for a page of
rows: what a document costs to make is most of what the window stands still for. Made the
ordinary way (:func:`reader.qt.document.make_document`), most of that is Qt parsing the
theme's style sheet, again for every cell. Here each is a clone of one prototype that holds
the parsed sheet, the font and the margins, and is given only its HTML and width: the same
document for a third of the time.

The prototype is a :class:`~reader.qt.document.SafeTextDocument` and the parent of every
clone: a clone asks its parent document for any resource its HTML names, which refuses it,
and a document whose parent is a document never reads files of its own.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from reader.qt.document import SafeTextDocument
from reader.render.theme import Theme, stylesheet


class CellDocuments:
    """Makes cells' documents for one delegate or header, in its theme and point size."""

    def __init__(self) -> None:
        self._prototype: SafeTextDocument | None = None
        self._style: tuple[Theme, float] | None = None

    def make(self, html: str, theme: Theme, point_size: float, width: float) -> QTextDocument:
        """``html`` laid out ``width`` pixels wide, without margins, in the theme's style
        sheet at ``point_size`` (as ``make_document`` would set it)."""
        if self._prototype is None or self._style != (theme, point_size):
            self.release()
            self._prototype = _prototype(theme, point_size)
            self._style = (theme, point_size)
        doc = self._prototype.clone(self._prototype)
        doc.setHtml(html)
        doc.setDocumentMargin(0)
        doc.setTextWidth(width)
        return doc

    def release(self) -> None:
        """Let every document made so far go (with their parent, the prototype), once the
        event loop next turns: call it when dropping them from a cache."""
        if self._prototype is not None:
            self._prototype.deleteLater()
            self._prototype = None


def _prototype(theme: Theme, point_size: float) -> SafeTextDocument:
    doc = SafeTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(point_size)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(stylesheet(theme, point_size))
    doc.setDocumentMargin(0)
    return doc
