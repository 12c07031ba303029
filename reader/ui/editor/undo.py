"""The editor's undoable steps: a field's new value, and an item added, removed or moved.

Commands name their field by path (``("argument", 2, "claim")``), never by widget: an item
removed and restored by undo gets new widgets, and the commands pushed before must still find
their field. Typing is recorded as it happens (the widget already shows the text), so the
first ``redo`` of an edit does nothing; a burst of typing in one field merges into one step.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from reader.cards.safe_yaml import PathKey
from reader.cards.schema import field_label

_EDIT_ID = 1


class Editable(Protocol):
    """What the commands change: the form, addressed by path."""

    def set_at(self, path: PathKey, value: Any) -> None: ...
    def insert_item(self, path: PathKey, index: int, value: Any) -> None: ...
    def remove_item(self, path: PathKey, index: int) -> Any: ...
    def move_item(self, path: PathKey, source: int, target: int) -> None: ...


class EditValue(QUndoCommand):
    def __init__(self, form: Editable, path: PathKey, old: Any, new: Any, burst: int) -> None:
        super().__init__(f"Edit {field_label(path)}")
        self._form, self.path, self.old, self.new, self.burst = form, path, old, new, burst
        self._shown = True  # the widget holds ``new`` already when the command is pushed

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditValue) or (other.path, other.burst) != (self.path, self.burst):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        if self._shown:
            self._shown = False
            return
        self._form.set_at(self.path, self.new)

    def undo(self) -> None:
        self._form.set_at(self.path, self.old)


class InsertItem(QUndoCommand):
    def __init__(self, form: Editable, path: PathKey, index: int, value: Any, noun: str) -> None:
        super().__init__(f"Add {noun}")
        self._form, self._path, self._index, self._value = form, path, index, value

    def redo(self) -> None:
        self._form.insert_item(self._path, self._index, self._value)

    def undo(self) -> None:
        self._value = self._form.remove_item(self._path, self._index)


class RemoveItem(QUndoCommand):
    def __init__(self, form: Editable, path: PathKey, index: int, noun: str) -> None:
        super().__init__(f"Remove {noun} {index + 1}")
        self._form, self._path, self._index = form, path, index
        self._value: Any = None

    def redo(self) -> None:
        self._value = self._form.remove_item(self._path, self._index)

    def undo(self) -> None:
        self._form.insert_item(self._path, self._index, self._value)


class MoveItem(QUndoCommand):
    def __init__(self, form: Editable, path: PathKey, source: int, target: int, noun: str) -> None:
        super().__init__(f"Move {noun} {source + 1}")
        self._form, self._path, self._source, self._target = form, path, source, target

    def redo(self) -> None:
        self._form.move_item(self._path, self._source, self._target)

    def undo(self) -> None:
        self._form.move_item(self._path, self._target, self._source)
