"""The cards that could join a comparison, and the "Add a card" box that offers them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from reader.cards.catalog import CardSummary
from reader.qt.models import ROOT, Index
from reader.ui.compare.roles import CardIdRole


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

    def rowCount(self, parent: Index = ROOT) -> int:
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


def add_card_box(
    candidates: CandidatesModel, parent: QWidget, completed: Callable[[QModelIndex], None]
) -> QComboBox:
    """The "Add a card…" box over ``candidates``; ``completed`` hears which card was chosen
    by typing (before the box itself hears the same Return: see CompareView)."""
    box = QComboBox(parent)
    box.setObjectName("addCard")
    box.setAccessibleName("Add a card to the comparison")
    box.setModel(candidates)
    # Typing narrows the list to the cards whose publisher, date or title contain what is
    # typed: a set of thousands is no list to scroll through.
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setPlaceholderText("Add a card…")
    line = box.lineEdit()
    assert line is not None
    line.setPlaceholderText("Add a card… (type to search)")
    completer = QCompleter(candidates, box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    # The overload with the index (the default one gives only the text); PySide's stubs
    # do not know signal overloads by subscript.
    completer.activated[QModelIndex].connect(completed)  # type: ignore[index]
    box.setCompleter(completer)
    box.setMinimumContentsLength(28)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return box
