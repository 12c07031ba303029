"""A whole Markdown document (the card format guide) as safe HTML for the Help window.

A card field's Markdown (:mod:`reader.render.markdown`) switches headings off, as a ``#`` in a
summary must not outrank the card's own headings; a guide is made of headings and tables, so
here they are on. Everything else stays as safe: raw HTML shows as text, no images, links only
to http, https and mailto, plus ``#section`` links inside the guide, which the headings answer
with anchors named as GitHub names them (the guide's own links are written that way).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from reader.render.html import escape
from reader.render.markdown import is_safe_url

_FRAGMENT = re.compile(r"^#[\w-]+$")
_NOT_SLUG = re.compile(r"[^\w\- ]")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return _NOT_SLUG.sub("", heading.strip().lower()).replace(" ", "-")


def _link_ok(url: str) -> bool:
    return is_safe_url(url) or bool(_FRAGMENT.match(url))


def _heading_open(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    inline = tokens[idx + 1]
    name = slug("".join(t.content for t in inline.children or () if t.type != "softbreak"))
    return f'<{tokens[idx].tag}><a name="{escape(name)}"></a>'


def _text(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return escape(tokens[idx].content)


def _code_block(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f"<pre>{escape(tokens[idx].content)}</pre>\n"


def guide_to_html(text: str) -> str:
    """``text`` (CommonMark with tables) as HTML body content Qt's rich text can show safely."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.disable(["image", "html_block", "html_inline"])
    md.validateLink = _link_ok  # type: ignore[method-assign]
    md.add_render_rule("heading_open", _heading_open)
    md.add_render_rule("text", _text)
    md.add_render_rule("code_block", _code_block)
    md.add_render_rule("fence", _code_block)
    rendered: str = md.render(text)
    return rendered
