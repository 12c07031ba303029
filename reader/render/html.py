"""The small pieces of markup every renderer builds with, written once so they look alike.

The card, the comparison views and the overview are made of the same parts: escaped text
with the writer's line breaks, a locator after the text it belongs to, a coloured pill (a
stance badge, a tag chip), a link to a tag or a card, a page around it all. Built here, a
badge or a locator reads the same in the card view, in a comparison and on paper.

Paper needs two things the screen does not (``for_print``): an anchor at a view's title for
the contents and the outline to point at, and table heads in ``<thead>``, which Qt repeats
at the top of every page a table continues on. The renderers emit them; the export never
edits their HTML.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import quote

from reader.render.theme import Swatch, Theme

#: Turns plain card text into HTML: :func:`escape`, or a search highlighter that escapes.
Mark = Callable[[str], str]


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def inline(text: str, mark: Mark = escape) -> str:
    """Plain card text for use inside a block; the writer's line breaks survive."""
    return mark(text.strip()).replace("\n", "<br />")


def unbroken(text: str) -> str:
    """Non-breaking spaces keep a short label such as a stance badge in one piece."""
    return text.replace(" ", "\u00a0")


def locator(where: str | None, mark: Mark = escape) -> str:
    """A locator ("¶4") in small type, an em space after the text it belongs to."""
    return f'&#8195;<span class="loc">{mark(where)}</span>' if where else ""


def swatch_style(swatch: Swatch) -> str:
    return f"background-color:{swatch.background}; color:{swatch.text};"


def pill(css: str, style: str, inner: str) -> str:
    """A coloured run of text; ``inner`` is HTML already."""
    # Non-breaking spaces pad the coloured run: Qt draws inline backgrounds tight to glyphs.
    return f'<span class="{css}" style="{style}">&nbsp;{inner}&nbsp;</span>'


def stance_badge(stance: str, theme: Theme, mark: Mark = escape) -> str:
    """The stance pill, in the theme's colour for it (see :meth:`Theme.stance`), in one piece."""
    return pill("badge", swatch_style(theme.stance(stance)), mark(unbroken(stance.strip())))


def tag_href(tag: str) -> str:
    return "tag:" + quote(tag, safe="")


def card_href(card_id: str) -> str:
    return "card:" + quote(card_id, safe="")


def tag_chip(
    tag: str, style: str, *, link: bool, mark: Mark = escape, label: str | None = None
) -> str:
    """A tag as a pill, a ``tag:`` link when ``link`` (on paper such a link goes nowhere).

    With a ``label`` (the name the sidebar gives the tag) the pill shows the name and the slug
    is its tooltip: the reader clicks "The Wagner Group" and should find that, not
    ``actor/wagner``; an author typing tags into a card still finds the slug on hover."""
    shown = tag if label is None else label
    # A word joiner after each '/', '-' and space keeps a chip on one line: Qt would break there.
    joined = shown.replace("/", "/\u2060").replace("-", "-\u2060").replace(" ", "\u00a0")
    chip = pill("chip", style, mark(joined))
    if label is not None:
        chip = f'<span title="{escape(tag)}">{chip}</span>'
    return f'<a href="{escape(tag_href(tag))}">{chip}</a>' if link else chip


def anchor(name: str) -> str:
    """A named anchor; Qt keeps it only when text follows it in the same block."""
    return f'<a name="{escape(name)}"></a>'


def view_title(title: str, name: str, *, for_print: bool) -> str:
    """A whole view's ``<h2>`` title; on paper it opens with the anchor ``name``."""
    return f"<h2>{anchor(name) if for_print else ''}{escape(title)}</h2>"


def head_row(cells: str, *, for_print: bool) -> str:
    """A table's row of column heads (``<th>`` cells); on paper its ``<thead>``."""
    row = f"<tr>{cells}</tr>"
    return f"<thead>{row}</thead>" if for_print else row


def document(title: str, body: str) -> str:
    """A complete document; ``title`` becomes its title (Qt's DocumentTitle)."""
    return f"<html><head><title>{escape(title)}</title></head><body>{body}</body></html>"
