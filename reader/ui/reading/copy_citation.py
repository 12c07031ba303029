"""Copy with Citation: the point, quote or recommendation the reader points at, with its source.

Which item that is comes from the card's own markup: each opens with its anchor
``item-{field}-{index}`` (:func:`reader.render.located.item_anchor`), and an item is what
shares that anchor's table row (an argument point, number and text; a quote's box) or, outside
a table, its block (a recommendation's list item). The words and the citation are
:func:`reader.render.citation.citation`'s; the clipboard gets them as plain text and as
Markdown in one QMimeData, so a Markdown editor takes the formatting and anything else the
words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument, QTextTable

from reader.cards.catalog import Catalog
from reader.render.located import item_anchor, parse_cite

if TYPE_CHECKING:
    from reader.render.citation import Citation
    from reader.ui.reading.card_view import CardView

MARKDOWN = "text/markdown"
NO_ITEM = (
    "Right-click a point, quote or recommendation (or put the cursor in one) to copy it "
    "with its citation."
)
COPIED = "Copied with its citation"


def item_at(doc: QTextDocument, position: int) -> tuple[str, int] | None:
    """The item (field, 0-based index) of the card in ``doc`` at ``position``, or None."""
    cursor = QTextCursor(doc)
    cursor.setPosition(max(0, min(position, doc.characterCount() - 1)))
    table: QTextTable | None = cursor.currentTable()  # None outside a table (the stubs omit it)
    if table is None:
        block = cursor.block()
        return _item_within(doc, block.position(), block.position() + block.length())
    row = table.cellAt(cursor).row()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        found = _item_within(doc, cell.firstPosition(), cell.lastPosition())
        if found is not None:
            return found
    return None


def _item_within(doc: QTextDocument, start: int, end: int) -> tuple[str, int] | None:
    """The first item anchor between the document positions ``start`` and ``end``."""
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if start <= fragment.position() <= end:
                for name in fragment.charFormat().anchorNames():
                    item = _parse_item(name)
                    if item is not None:
                        return item
            fragments += 1
        block = block.next()
    return None


def _parse_item(name: str) -> tuple[str, int] | None:
    """(field, index) of an item anchor's name, or None for any other anchor."""
    field, _, number = name.removeprefix("item-").rpartition("-")
    item = parse_cite(f"{field}/{number}")
    return item if item is not None and item_anchor(*item) == name else None


def mime_data(cited: Citation) -> QMimeData:
    """The citation as ``text/plain`` and ``text/markdown``."""
    data = QMimeData()
    data.setText(cited.text)
    data.setData(MARKDOWN, cited.markdown.encode("utf-8"))
    return data


def copy_pointed(view: CardView, catalog: Catalog | None) -> str:
    """Put the item ``view`` points at (:meth:`CardView.pointed_item`) on the clipboard with
    its citation; what to tell the reader."""
    # Imported on the first copy (the command's one use of it), not with the window: the
    # card view imports this module for :func:`item_at` (#17 §4).
    from reader.render.citation import citation

    card_id, item = view.card_id, view.pointed_item()
    card = catalog.card(card_id) if catalog is not None and card_id is not None else None
    cited = citation(card, *item) if card is not None and item is not None else None
    if cited is None:
        return NO_ITEM
    QGuiApplication.clipboard().setMimeData(mime_data(cited))
    return COPIED
