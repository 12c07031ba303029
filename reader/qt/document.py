"""A QTextDocument that never loads anything, for showing and printing untrusted cards.

QTextDocument asks ``loadResource`` for images and style sheets named in the HTML, and the base
implementation (or a QTextBrowser parent) will read local files and follow ``file:`` URLs. The
renderer emits no ``<img>``, but this is the second lock on the door: whatever reaches Qt, no
file or network resource is read.

Answering "nothing" (``None``, an invalid QVariant) is not enough. Qt's image handler takes a
null answer as "not found here" and loads the image itself, by its file name (a ``file:`` URL,
a ``qrc:`` path or a name relative to the working directory), so ``<img src="file:///…">``
was drawn in spite of the override. Every request therefore gets an empty resource of its kind
(a blank image, an empty style sheet), which Qt takes as the answer.

PySide6 (6.11) does not expose ``QTextDocument.setResourceProvider`` or the process-wide
``setDefaultResourceProvider``, so this class is the one hook; clones are covered by
:meth:`SafeTextDocument.clone`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from reader.render.theme import Theme, print_stylesheet, stylesheet

_IMAGE = QTextDocument.ResourceType.ImageResource.value


def blank_resource(kind: int) -> QImage | str:
    """What a document is given for any resource of ``kind``: valid, so Qt looks no further,
    and empty, so nothing is shown (an image slot keeps any size the HTML gave it, blank)."""
    if kind != _IMAGE:
        return ""  # an empty style sheet, page or Markdown text
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


class SafeTextDocument(QTextDocument):
    def loadResource(self, type: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt override
        """Refuse every resource, ``data:`` URLs included (they read nothing, but nothing the
        app shows has a picture in it, and a card that draws one could pass for the app's own
        interface): an empty one, so that Qt neither draws nor fetches anything in its place."""
        return blank_resource(int(type))

    def clone(self, parent: QObject | None = None) -> QTextDocument:
        """A copy of this document that refuses resources too.

        Qt makes every clone a plain QTextDocument, which asks its parent's ``loadResource``
        and, when that parent is not a document, reads files itself. So a clone's parent is
        always a SafeTextDocument: ``parent`` if it is one, this document if none is given (the
        clone then lives until this document goes).
        """
        owner = self if parent is None else parent
        if not isinstance(owner, SafeTextDocument):
            raise TypeError("a clone of a SafeTextDocument must belong to a SafeTextDocument")
        return super().clone(owner)


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
