"""Card → HTML, shared by the reader window and the PDF export, so both look alike.

Pure strings, no Qt; may import ``reader.analysis``, ``reader.verify``, ``reader.index`` and
``reader.cards``.

The package itself holds what the window's first paint needs (the theme, the Markdown of the
set's description, the links): the card's renderer is :mod:`reader.render.card`, imported
with the first card shown, not with the window (#17 §4).
"""

from reader.render.html import card_href, tag_href
from reader.render.markdown import is_safe_url, markdown_to_html
from reader.render.sections import SECTIONS, CardSection, anchor_name, card_sections
from reader.render.theme import DARK, KEEP_WITH_NEXT, LIGHT, Swatch, Theme, stylesheet

__all__ = [
    "DARK",
    "KEEP_WITH_NEXT",
    "LIGHT",
    "SECTIONS",
    "CardSection",
    "Swatch",
    "Theme",
    "anchor_name",
    "card_href",
    "card_sections",
    "is_safe_url",
    "markdown_to_html",
    "stylesheet",
    "tag_href",
]
