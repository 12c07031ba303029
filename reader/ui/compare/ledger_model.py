"""The ledger's two models: the addressees beside it, and its rows (headings and
recommendations) for a view that lays out only the rows on screen.

Each row is a small piece of the comparison HTML subset, made when the view asks for it (a
row scrolled into sight), never the whole ledger at once: at 10,000 cards that is 30,000
recommendations, seconds of layout for one document.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractListModel, QObject, Qt

from reader.analysis.ledger import LedgerEntry
from reader.analysis.ledger_rows import LedgerRow, LedgerRowKind, ledger_rows
from reader.cards.wording import plural
from reader.qt.models import ROOT, Index
from reader.render.html import escape, inline, locator
from reader.render.tooltips import safe_tooltip
from reader.ui.compare.items import Item
from reader.ui.compare.paged import Paged
from reader.ui.compare.roles import LEAF, CardIdRole, HtmlRole, ItemRole

#: How far a source's lines and its recommendations are set in from the addressee.
INDENT = 14


class AddresseesModel(QAbstractListModel):
    """The addressees, most-addressed first: the name in full (it wraps), then the count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[LedgerEntry, ...] = ()
        self._counts: tuple[int, ...] = ()

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        return self._entries

    def set_entries(self, shown: ShownLedger) -> None:
        """The addressees of ``shown``; the same ones in the same order (a first part's
        whole) change no row, so the current one and the scrolling stay."""
        same = [e.addressee for e in shown.entries] == [e.addressee for e in self._entries]
        if same and shown.counts == self._counts:
            self._entries = shown.entries
            return
        self.beginResetModel()
        self._entries, self._counts = shown.entries, shown.counts
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        entry = self._entries[index.row()]
        n = self._counts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{entry.addressee}\n{plural(n, 'source')}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.addressee}, {plural(n, 'source')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip("Named in the cards as:", *entry.names)
        return None


def row_html(row: LedgerRow) -> str:
    """One row of the ledger as the delegate paints it."""
    kind = row.kind
    if kind is LedgerRowKind.ADDRESSEE:
        meta = plural(row.sources, "source")
        if row.others:
            meta += " · also named " + "; ".join(f"“{escape(o)}”" for o in row.others)
        return f'<p class="label">TO {escape(row.text.upper())}</p><p class="meta">{meta}</p>'
    indent = f'style="margin-left: {INDENT}px;"'
    if kind is LedgerRowKind.SOURCE:
        assert row.card is not None
        src = row.card.source
        return (
            f"<p {indent}><b>{escape(src.publisher)}, {escape(src.published.display())}</b>"
            f'</p><p class="question" {indent}>{inline(row.text)}</p>'
        )
    deeper = f'style="margin-left: {2 * INDENT}px;"'
    if kind is LedgerRowKind.WORDING:
        return f'<p class="question" {deeper}>As “{escape(row.text)}”:</p>'
    assert row.recommendation is not None
    return f"<p {deeper}>• {inline(row.text)}{locator(row.recommendation.where)}</p>"


def row_item(row: LedgerRow) -> Item | None:
    """Where a row drills down to: its recommendation, or its source's card."""
    card = row.card
    if card is None:
        return None
    if row.recommendation is not None:
        return Item(card.id, "recommendations", card.recommendations.index(row.recommendation))
    return Item(card.id, "header" if row.kind is LedgerRowKind.SOURCE else "recommendations")


@dataclass(frozen=True, slots=True)
class ShownLedger:
    """The ledger as its view shows it, made off the UI thread (plain data): the addressees,
    the rows, and where each addressee's rows start (a pass over 30,000 rows at 10,000 cards,
    which the window did when the result came).

    Not ``complete``: a first part (:mod:`.ledger_part`), every addressee with its count but
    only the first one's first sources; the whole continues its rows."""

    entries: tuple[LedgerEntry, ...]
    rows: tuple[LedgerRow, ...]
    #: The first row of each addressee, by its place in the ledger.
    starts: tuple[int, ...]
    #: How many sources address each addressee.
    counts: tuple[int, ...]
    complete: bool = True
    #: A first part's: set once the view has painted it; the rest waits for that (up to
    #: ``PAINT_WAIT``), as the timeline's does.
    shown: threading.Event | None = field(default=None, compare=False)

    @classmethod
    def of(cls, entries: Sequence[LedgerEntry]) -> ShownLedger:
        rows = ledger_rows(entries)
        starts = tuple(i for i, row in enumerate(rows) if row.kind is LedgerRowKind.ADDRESSEE)
        return cls(tuple(entries), rows, starts, tuple(len(e.sources) for e in entries))

    def continues(self, part: ShownLedger) -> bool:
        """Whether these rows are ``part``'s and more, for the same addressees."""
        head = part.rows
        return (
            not part.complete
            and self.counts == part.counts
            and len(self.rows) >= len(head) > 0
            and self.rows[: len(head)] == head
        )


class LedgerRowsModel(Paged, QAbstractListModel):
    """The ledger's rows (:func:`reader.analysis.ledger_rows.ledger_rows`), one item each,
    given to the view a page at a time (:mod:`reader.ui.compare.paged`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LedgerRow, ...] = ()
        self._starts: tuple[int, ...] = ()
        self._shown_ledger: ShownLedger | None = None

    def set_rows(self, shown: ShownLedger) -> bool:
        """Show ``shown``'s rows; False when they only add to a first part's (no reset: the
        rows on screen, the scrolling and the current row stay)."""
        before = self._shown_ledger
        self._shown_ledger = shown
        if before is None or not shown.continues(before):
            self.beginResetModel()
            self._rows = shown.rows
            self._starts = shown.starts
            self._show_first_page()
            self.endResetModel()
            return True
        end = self._shown == len(self._rows)
        self._rows = shown.rows
        self._starts = shown.starts
        if end:  # the reader had every row of the part: the next page now, as a scroll would
            self.load_to(self._shown)
        return False

    def _total(self) -> int:
        return len(self._rows)

    def row(self, number: int) -> LedgerRow:
        return self._rows[number]

    def start_of(self, entry: int) -> int:
        """The heading row of the ``entry``-th addressee, or -1."""
        return self._starts[entry] if 0 <= entry < len(self._starts) else -1

    def entry_of(self, row: int) -> int:
        """The addressee (its place in the ledger) whose rows hold ``row``, or -1."""
        return bisect_right(self._starts, row) - 1

    def first_recommendation(self, entry: int) -> int:
        """The row of the ``entry``-th addressee's first recommendation, or -1."""
        start = self.start_of(entry)
        if start < 0:
            return -1
        kinds = (r.kind for r in self._rows[start:])
        return start + next(i for i, k in enumerate(kinds) if k is LedgerRowKind.RECOMMENDATION)

    def recommendation_rows(self) -> list[int]:
        """The rows shown so far that are recommendations."""
        rows = self._rows[: self._shown]
        return [i for i, r in enumerate(rows) if r.kind is LedgerRowKind.RECOMMENDATION]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self._shown

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Called for every row the view lays out, twice: a constant (see LEAF).
        return LEAF if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind is LedgerRowKind.ADDRESSEE:
                return f"To {row.text}"
            if row.kind is LedgerRowKind.WORDING:
                return f"As “{row.text}”:"
            return row.text
        if role == HtmlRole:
            return row_html(row)
        if role == ItemRole:
            return row_item(row)
        if role == CardIdRole:
            return row.card.id if row.card is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and row.kind is LedgerRowKind.RECOMMENDATION:
            return safe_tooltip("Double-click or Enter: read it in its card")
        return None
