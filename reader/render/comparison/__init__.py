"""The comparison views as HTML: the compare table, the topic matrix, the ledger, the timeline.

One module per view, as :mod:`reader.analysis` computes them and :mod:`reader.ui.compare`
shows them. The window's views paint single cells and headers with the ``*_cell_html`` and
``*_label_html`` functions; the PDF export lays out whole pages with the ``*_html`` document
functions, ``for_print=True``: each page's title then carries the view's anchor (``*_ANCHOR``)
and its tables' column heads are ``<thead>``, repeated on every page. Both use the card
renderer's style sheet (:func:`reader.render.theme.stylesheet`) and the same stance colours
and pieces (:mod:`reader.render.html`), so a badge means the same thing in the card view, the
comparison and on paper. Everything from a card is escaped: card files are untrusted.
"""

from reader.render.comparison.common import NOT_ADDRESSED, PART, ROW_LABEL
from reader.render.comparison.ledger import (
    LEDGER_ANCHOR,
    LEDGER_TITLE,
    ledger_anchor,
    ledger_html,
    ledger_sources_html,
)
from reader.render.comparison.matrix import (
    MATRIX_ANCHOR,
    MATRIX_COLUMNS_PER_TABLE,
    MATRIX_TITLE,
    WIDE_MATRIX,
    matrix_column_html,
    matrix_detail_html,
    matrix_row_label_html,
    topic_matrix_html,
)
from reader.render.comparison.side_by_side import (
    COMPARE_ANCHOR,
    NO_RECOMMENDATION,
    STANCES_DIFFER,
    WIDE_COMPARE,
    argument_cell_html,
    cell_html,
    comparison_html,
    recommendations_cell_html,
    row_label_html,
    source_cell_html,
    tags_cell_html,
    topic_cell_html,
)
from reader.render.comparison.timeline import (
    TIMELINE_ANCHOR,
    TIMELINE_TITLE,
    timeline_event_html,
    timeline_html,
    timeline_sources_html,
)
from reader.render.html import stance_badge

__all__ = [
    "COMPARE_ANCHOR",
    "LEDGER_ANCHOR",
    "LEDGER_TITLE",
    "MATRIX_ANCHOR",
    "MATRIX_COLUMNS_PER_TABLE",
    "MATRIX_TITLE",
    "NOT_ADDRESSED",
    "NO_RECOMMENDATION",
    "PART",
    "ROW_LABEL",
    "STANCES_DIFFER",
    "TIMELINE_ANCHOR",
    "TIMELINE_TITLE",
    "WIDE_COMPARE",
    "WIDE_MATRIX",
    "argument_cell_html",
    "cell_html",
    "comparison_html",
    "ledger_anchor",
    "ledger_html",
    "ledger_sources_html",
    "matrix_column_html",
    "matrix_detail_html",
    "matrix_row_label_html",
    "recommendations_cell_html",
    "row_label_html",
    "source_cell_html",
    "stance_badge",
    "tags_cell_html",
    "timeline_event_html",
    "timeline_html",
    "timeline_sources_html",
    "topic_cell_html",
    "topic_matrix_html",
]
