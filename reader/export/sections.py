"""What a briefing book is made of, before any page exists: a list of sections.

Each section is one HTML document that starts on a new page and flows over as many pages as
it needs. The cover, the contents, every card, each comparison view, each card's evidence
and the index are sections alike, so comparison pages (some landscape) slot in without the
typesetter knowing what they show. Everything here is plain data: the typesetter lays it out,
the finisher turns ``outline`` into PDF bookmarks.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field, replace
from enum import Enum


class Kind(Enum):
    COVER = "cover"
    CONTENTS = "contents"
    CARD = "card"
    COMPARISON = "comparison"
    #: A card's cited passages, in the appendix after the comparison pages.
    EVIDENCE = "evidence"
    INDEX = "index"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An outline entry: a label and the anchor name (``<a name>``) it jumps to."""

    title: str
    anchor: str
    children: tuple[Bookmark, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    kind: Kind
    #: Where the contents, the index and the outline point: the first anchor the HTML draws.
    anchor: str
    #: The label in the contents and the outline.
    title: str
    html: str
    landscape: bool = False
    #: Right half of the running header (the left half is the set's title).
    header: str = ""
    #: Left half of the footer: a card's publisher and date.
    footer: str = ""
    #: A second line in the contents under the title (publisher and date for a card).
    subtitle: str = ""
    #: Entries nested under this section's own bookmark (a card's parts).
    bookmarks: tuple[Bookmark, ...] = field(default_factory=tuple)
    #: For card sections: the card's tags, for the index.
    tags: tuple[str, ...] = ()
    #: A later part of a long view (see :func:`reader.export.book.parts_of`): it goes on
    #: from a new page, with no entry of its own in the contents or the outline.
    continued: bool = False
    #: ``html`` compressed (it is then empty), see :meth:`packed_up`.
    packed: bytes = b""

    def markup(self) -> str:
        """The section's HTML, from ``packed`` when it was packed up."""
        return zlib.decompress(self.packed).decode() if self.packed else self.html

    def packed_up(self) -> Section:
        """This section with its HTML compressed: a book of ten thousand cards holds every
        card's HTML (some 20 KB each, twice that as a Python string of non-Latin text) from
        composing to painting; compressed it takes a few kilobytes."""
        if self.packed:
            return self
        return replace(self, html="", packed=zlib.compress(self.html.encode(), 1))

    @property
    def in_contents(self) -> bool:
        return self.kind not in (Kind.COVER, Kind.CONTENTS) and not self.continued

    @property
    def running_header(self) -> bool:
        return self.kind is not Kind.COVER


def page_label(page: int, total: int) -> str:
    return f"Page {page} of {total}"
