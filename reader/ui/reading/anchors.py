"""Named anchors in a rendered card: where one is, for scrolling to an item."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument


def anchor_position(doc: QTextDocument, name: str) -> int | None:
    """Where the anchor ``name`` is in ``doc``, or None (Qt keeps anchor names in the char
    format of the text that follows them; there is no lookup by name)."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if name in fragment.charFormat().anchorNames():
                return fragment.position()
            it += 1
        block = block.next()
    return None
