"""The cards that could join a comparison, for the "Add a card" box."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.cards.catalog import CardSummary
from reader.ui.compare.roles import CardIdRole

Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()


class CandidatesModel(QAbstractListModel):
    """Summaries not yet compared, newest first (the likeliest to be wanted)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CardSummary] = []

    def set_candidates(self, summaries: Sequence[CardSummary], exclude: Collection[str]) -> None:
        self.beginResetModel()
        rows = [s for s in summaries if s.id not in exclude]
        rows.sort(key=lambda s: s.published.sort_key, reverse=True)
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        summary = self._rows[index.row()]
        # The edit role too: an editable box and its completer read that one.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{summary.publisher}, {summary.published.display()} — {summary.title}"
        if role == CardIdRole:
            return summary.id
        return None
