"""Words about numbers of things, the same in the window, the PDF and the command line."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """ "1 card", "3 cards", "10,000 cards"."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"
