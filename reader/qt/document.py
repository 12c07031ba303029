"""A QTextDocument that never loads anything, for showing and printing untrusted cards.

QTextDocument asks ``loadResource`` for images and style sheets named in the HTML, and the base
implementation (or a QTextBrowser parent) will read local files and follow ``file:`` URLs. The
renderer emits no ``<img>``, but this is the second lock on the door: whatever reaches Qt, no
file or network resource is read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from reader.render.theme import Theme, print_stylesheet, stylesheet


class SafeTextDocument(QTextDocument):
    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        """Refuse every resource: an empty result, so Qt draws nothing in its place."""
        return None


def make_document(
    html: str,
    theme: Theme,
    base_point_size: float,
    width: float | None = None,
    *,
    for_print: bool = False,
) -> SafeTextDocument:
    """A document holding ``html`` with the theme's style sheet and base font size applied.

    The style sheet has to be in place before the HTML is parsed; a window that keeps its own
    QTextBrowser does the same steps on a SafeTextDocument it installs with ``setDocument``.
    ``for_print`` adds what the print typesetter reads (:func:`print_stylesheet`).
    """
    doc = SafeTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(base_point_size)
    doc.setDefaultFont(font)
    sheet = print_stylesheet if for_print else stylesheet
    doc.setDefaultStyleSheet(sheet(theme, base_point_size))
    doc.setHtml(html)
    if width is not None:
        doc.setTextWidth(width)
    return doc
