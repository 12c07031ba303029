"""The model of an item list in the editor: one summary line per item, its problems marked.

A list's line names an item by its required fields ("3  claim…"; a perspective by its topic's
label and its stance), so a hundred items cost a hundred strings, not a hundred forms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QObject, Qt, Signal
from PySide6.QtGui import QBrush

from reader.qt.models import ROOT, Index
from reader.render.tooltips import safe_tooltip
from reader.ui.editor.alert import error_colour
from reader.ui.editor.fields import FieldSpec

_MOVABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


class ItemListModel(QAbstractListModel):
    """The items of one list, shown as "3  claim…" lines; problems mark their rows."""

    #: A drag asked to move ``source`` to ``target`` (the move is left to an undo command).
    move_requested = Signal(int, int)

    def __init__(
        self,
        spec: FieldSpec,
        parent: QObject | None = None,
        topic_label: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._topic_label = topic_label
        self.items: list[Any] = []
        self.problems: dict[int, list[str]] = {}
        required = [c.key for c in spec.children if c.required]
        self._summary_keys = required or [c.key for c in spec.children[:1]]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def summary(self, row: int) -> str:
        item = self.items[row]
        if not isinstance(item, dict):
            return str(item)
        parts = [self._name(k, item[k]) for k in self._summary_keys if isinstance(item.get(k), str)]
        return " — ".join(" ".join(part.split()) for part in parts if part.strip()) or "(empty)"

    def _name(self, key: str, value: str) -> str:
        """A topic by the set's label ("Why Mali turned to Russia"), not its slug (P12); a
        key the set does not know stays as written."""
        label = self._topic_label(value.strip()) if key == "topic" and self._topic_label else None
        return label.split("\n", 1)[0] if label else value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⚠ " if row in self.problems else ""
            return f"{row + 1}  {mark}{self.summary(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe_tooltip("\n".join(self.problems.get(row, [])) or self.summary(row))
        if role == Qt.ItemDataRole.ForegroundRole and row in self.problems:
            return QBrush(error_colour())  # the palette in force, read as the row is drawn
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _MOVABLE if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def moveRows(
        self, source_parent: Index, source: int, count: int, parent: Index, child: int
    ) -> bool:
        """What the view calls on a drop: a request, carried out by the undo command."""
        if source_parent.isValid() or parent.isValid() or count != 1:
            return False
        target = child if child < source else child - 1
        if target != source:
            self.move_requested.emit(source, target)
        return True

    def reset(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items, self.problems = list(items), {}
        self.endResetModel()

    def insert(self, row: int, value: Any) -> None:
        self.beginInsertRows(ROOT, row, row)
        self.items.insert(row, value)
        self.endInsertRows()
        self._renumbered(row)

    def remove(self, row: int) -> Any:
        self.beginRemoveRows(ROOT, row, row)
        value = self.items.pop(row)
        self.endRemoveRows()
        self._renumbered(row)
        return value

    def move(self, source: int, target: int) -> None:
        self.beginMoveRows(ROOT, source, source, ROOT, target + (target > source))
        self.items.insert(target, self.items.pop(source))
        self.endMoveRows()
        self._renumbered(min(source, target))

    def set_item(self, row: int, value: Any) -> None:
        if self.items[row] != value:
            self.items[row] = value
            self.dataChanged.emit(self.index(row), self.index(row))

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        if problems != self.problems:
            self.problems = problems
            self._renumbered(0)

    def _renumbered(self, first: int) -> None:
        if first < len(self.items):
            self.dataChanged.emit(self.index(first), self.index(len(self.items) - 1))
