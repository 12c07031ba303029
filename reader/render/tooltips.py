"""Tooltips for untrusted text.

Qt shows a tooltip that merely looks like HTML as rich text, so a card title such as
``<img src="file:///…">`` would be rendered — and the image loaded. Every tooltip built from
card or set text goes through :func:`safe_tooltip`: escaped, and explicitly rich so that Qt
also wraps long lines; its spaces are kept as written.
"""

from __future__ import annotations

from reader.render.html import escape


def safe_tooltip(*lines: str) -> str:
    """``lines`` (empty ones left out, line breaks kept) as a tooltip showing them as written."""
    body = "<br />".join(escape(line).replace("\n", "<br />") for line in lines if line)
    return f'<p style="white-space: pre-wrap;">{body}</p>'
