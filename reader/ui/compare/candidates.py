"""The cards that could join a comparison, and the "Add a card" box that offers them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, QTimer, Signal
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


class AddCardBox(QComboBox):
    """The "Add a card…" box over ``candidates``: typing narrows the list to the cards whose
    publisher, date or title contain what is typed (a set of thousands is no list to scroll
    through); ``chosen`` says which card was picked, from the list or by typing."""

    chosen = Signal(str)
    #: The completer's list is at least this wide: a card's name is publisher, date and title.
    POPUP_WIDTH = 560

    def __init__(self, candidates: CandidatesModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("addCard")
        self.setAccessibleName("Add a card to the comparison")
        self.setModel(candidates)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setPlaceholderText("Add a card…")
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText("Add a card… (type to search)")
        line.setAccessibleName("Find a card to add")  # a screen reader names the text field too
        completer = QCompleter(candidates, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        # As wide as a title needs, not as narrow as the box.
        popup = completer.popup()
        assert popup is not None
        popup.setMinimumWidth(self.POPUP_WIDTH)
        # The overload with the index (the default one gives only the text); PySide's stubs
        # do not know signal overloads by subscript.
        completer.activated[QModelIndex].connect(self._on_completed)  # type: ignore[index]
        self.setCompleter(completer)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activated.connect(self._on_activated)
        self._completed = False  # a completion was just chosen (see _on_activated)

    def reset(self) -> None:
        """Nothing chosen, nothing typed."""
        self.setCurrentIndex(-1)
        self.clearEditText()

    def _on_activated(self, row: int) -> None:
        if self._completed:
            return  # the same Return key, passed on to the box after the completer took it
        self._choose(self.model().index(row, 0))

    def _on_completed(self, index: QModelIndex) -> None:
        self._completed = True
        QTimer.singleShot(0, self._completion_done)
        self._choose(index)

    def _completion_done(self) -> None:
        self._completed = False
        self.reset()  # the box took the Return too and chose a row: undo

    def _choose(self, index: QModelIndex) -> None:
        card_id = index.data(CardIdRole)
        if isinstance(card_id, str):
            self.chosen.emit(card_id)
