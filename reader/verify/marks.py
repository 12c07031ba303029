"""The mark each located item carries: verified, suspect or unverifiable.

On its own so that what only names the marks (the set overview's totals, a mark's tooltip)
does not import the checks that give them (:mod:`reader.verify.health`): the window's first
paint shows the overview, and no card (#17 §4).
"""

from __future__ import annotations

from enum import Enum


class Mark(Enum):
    VERIFIED = "verified"
    SUSPECT = "suspect"
    UNVERIFIABLE = "unverifiable"
