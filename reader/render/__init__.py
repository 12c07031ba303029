"""Card → HTML, shared by the reader window and the PDF export, so both look alike.

Pure strings, no Qt; may import ``reader.analysis``, ``reader.verify``, ``reader.index`` and
``reader.cards``.
"""

from reader.render.card import SECTIONS, CardSection, anchor_name, card_sections, render_card
from reader.render.html import card_href, tag_href
from reader.render.markdown import is_safe_url, markdown_to_html
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
    "render_card",
    "stylesheet",
    "tag_href",
]
