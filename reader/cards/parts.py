"""Which lists of a card a set-wide analysis reads (:class:`Parts`).

Apart from the card model (:mod:`reader.cards.model`), which a window's warm open does not
import before it has listed the set (#17 §4): a catalog's methods take these as defaults.
"""

from __future__ import annotations

from enum import Flag, auto


class Parts(Flag):
    """Which lists of a card a set-wide analysis reads, beyond its id, title, path, source and
    tags (``Catalog.analysed``): the index decodes only those."""

    PERSPECTIVES = auto()
    RECOMMENDATIONS = auto()
    TIMELINE = auto()
    QUOTES = auto()
    ACTORS = auto()
    ALL = PERSPECTIVES | RECOMMENDATIONS | TIMELINE | QUOTES | ACTORS
