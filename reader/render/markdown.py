"""Light Markdown for card fields, safe to hand to Qt's rich-text engine.

Card files are untrusted. Raw HTML shows as text; images are switched off so that ``![x](url)``
can never become an ``<img>`` that Qt would fetch; links survive only for http, https and
mailto, and anything else (``javascript:``, ``file:``, ``data:``, relative paths, ``#anchors``)
stays as the literal text the writer typed. Headings are off too: a ``#`` line in a summary
must not outrank the card's own title and section headings.

Text with nothing Markdown would read as syntax (one line of words and plain punctuation, see
:data:`_PLAIN`) is one paragraph whatever the parser: it is wrapped as such without importing
markdown_it or building a parser. The first of those costs ~50 ms of CPU, and the window's
first page, the set's overview, often holds just such a description (#17 §4: the warm open).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.render.html import escape

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.renderer import RendererProtocol
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

#: One paragraph of one text run in CommonMark: it starts with a letter (no list, quote, code
#: or heading can start there) and holds only letters, digits, spaces and punctuation that is
#: neither a block marker nor one of the characters markdown_it's inline rules stop at
#: (``!#$%&*+-:<=>@[\]^_`{}~``, line breaks); it does not end in a space (a paragraph's
#: trailing spaces are dropped).
_PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;?'\"()/’‘“”—–…])*(?<! )\Z")

_SAFE_URL = re.compile(r"^(?:https?://[^\s/?#]+|mailto:[^\s]+@)", re.IGNORECASE)
_DISABLED = ["image", "heading", "lheading", "html_block", "html_inline"]


def is_safe_url(url: str) -> bool:
    """Whether a link may be shown as one: absolute http(s) with a host, or mailto."""
    return bool(_SAFE_URL.match(url))


def _mark(env: EnvType) -> Callable[[str], str]:
    mark = env.get("mark")
    return mark if callable(mark) else escape


def _text(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _mark(env)(tokens[idx].content)


def _code_inline(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return f"<code>{_mark(env)(tokens[idx].content)}</code>"


def _code_block(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Fences lose their info string: a language class means nothing to Qt.
    return f"<pre><code>{_mark(env)(tokens[idx].content)}</code></pre>\n"


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # on first use: see the module docstring

    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.disable(_DISABLED)
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.add_render_rule("text", _text)
    md.add_render_rule("code_inline", _code_inline)
    md.add_render_rule("code_block", _code_block)
    md.add_render_rule("fence", _code_block)
    return md


def markdown_to_html(text: str, *, mark: Callable[[str], str] | None = None) -> str:
    """Render ``text`` as safe HTML block content.

    ``mark`` turns each run of visible text into escaped HTML; the card renderer passes one
    that highlights search matches. It must escape what it returns.
    """
    if _PLAIN.match(text):
        return f"<p>{(mark or escape)(text)}</p>\n"
    # A parser per call: it costs a fraction of a millisecond and keeps no state that the
    # window and a background export could share.
    rendered: str = _parser().render(text, {"mark": mark or escape})
    return rendered
