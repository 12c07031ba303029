"""What Export to PDF… and Print… start from: the cards the window is showing.

The window reports what is on screen; the rule for which scope that means lives here, with
no widgets, so it is stated (and tested) once. Print… prints the scope preferred here; the
export dialog offers it first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.analysis.compare_rules import MAX_COMPARE, MIN_COMPARE
from reader.app.export_request import ExportContext, Scope
from reader.cards.catalog import Catalog
from reader.cards.query import Query


def shown_context(
    catalog: Catalog,
    query: Query,
    selected: Sequence[str],
    compared: Sequence[str],
    *,
    reading: bool,
    on_compare_view: bool,
    sources: Path | None = None,
) -> ExportContext:
    """The export context of a window showing ``catalog`` filtered by ``query``, with
    ``selected`` cards selected in the list and ``compared`` in its compare view.

    ``reading``: the list and a card are on screen (not the comparison views);
    ``on_compare_view``: the side-by-side view is. The comparison is exported only when it
    holds 2–4 cards; what is on screen is preferred: the comparison when it is shown, several
    cards selected while reading, else the filter (the whole set when nothing is filtered).
    ``sources``: the folder the reader chose for the set's source texts (the evidence appendix
    looks there after the set's own).
    """
    comparison = list(compared) if MIN_COMPARE <= len(compared) <= MAX_COMPARE else []
    if on_compare_view and comparison:
        prefer = Scope.COMPARISON
    elif reading and len(selected) >= MIN_COMPARE:
        prefer = Scope.SELECTION
    else:
        prefer = Scope.WHOLE_SET if query.is_empty() else Scope.FILTER
    return ExportContext(catalog, query, list(selected), comparison, prefer, sources)
