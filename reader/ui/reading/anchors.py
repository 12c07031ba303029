"""Places in a rendered card: where a named anchor is (to scroll to an item or a section),
and which ranges the search highlighted."""

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


def highlighted_ranges(doc: QTextDocument, colour: str) -> list[tuple[int, int]]:
    """The (start, end) document ranges whose background is ``colour`` (the renderer's search
    highlight), in reading order; touching fragments make one range."""
    found: list[tuple[int, int]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == colour:
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][1] == start:
                    start = found.pop()[0]
                found.append((start, end))
            it += 1
        block = block.next()
    return found
