"""Tooltips for untrusted text.

Qt shows a tooltip that merely looks like HTML as rich text, so a card title such as
``<img src="file:///…">`` would be rendered — and the image loaded. Every tooltip built from
card or set text goes through :func:`safe_tooltip`: escaped, and explicitly rich so that Qt
also wraps long lines.
"""

from __future__ import annotations

from reader.render.highlight import escape


def safe_tooltip(*lines: str) -> str:
    body = "<br />".join(escape(line).replace("\n", "<br />") for line in lines if line)
    return f"<p>{body}</p>"
