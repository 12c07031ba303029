"""The kinds of comparison view, apart from the workspace that shows them.

The window's commands, the reading aids and the history name a view by its kind before any
view, or the workspace itself, exists: the workspace is made on first use (#17 §4,
:mod:`reader.ui.compare_page`), so what names a view must not import it.
"""

from __future__ import annotations

from enum import Enum


class ViewKind(Enum):
    COMPARE = "compare"
    MATRIX = "matrix"
    LEDGER = "ledger"
    TIMELINE = "timeline"
