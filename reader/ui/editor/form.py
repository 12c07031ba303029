"""The card form: every schema field of a card, addressed by path, with one undo history.

It is the :class:`~reader.ui.editor.field_base.FormHost` its fields report edits to, and the
:class:`~reader.ui.editor.undo.Editable` the undo commands change. Edits of one field made
without leaving it merge into one undo step; moving the focus elsewhere starts a new one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from reader.cards.problems import Problem
from reader.cards.safe_yaml import PathKey
from reader.ui.editor.composite import merge_object
from reader.ui.editor.context import EditorContext
from reader.ui.editor.factory import make_field
from reader.ui.editor.field_base import FieldEditor
from reader.ui.editor.fields import card_fields
from reader.ui.editor.object_list import ObjectListField
from reader.ui.editor.text_fields import ProseField
from reader.ui.editor.undo import EditValue

#: The leading technical fields, set side by side.
_ONE_LINE = ("format", "id")


class UndoKeys(QObject):
    """Undo and redo typed in a text box act on the whole form's history.

    Line and text edits keep their own undo and claim Ctrl+Z before any shortcut sees it, so
    their keys are taken here: the form's history holds every edit, items moved included.
    """

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self._stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        undo, redo = (
            event.matches(QKeySequence.StandardKey.Undo),
            event.matches(QKeySequence.StandardKey.Redo),
        )
        if not (undo or redo):
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            (self._stack.undo if undo else self._stack.redo)()
        return True


class CardForm(QScrollArea):
    #: Any change of the data the form holds (typing, undo, an item moved).
    data_changed = Signal()

    def __init__(self, context: EditorContext, undo_stack: QUndoStack) -> None:
        super().__init__()
        self._context, self._undo = context, undo_stack
        self._burst = 0
        self._original: Any = None
        self._keys = UndoKeys(undo_stack, self)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("card-form")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 10, 12, 16)
        layout.setSpacing(12)
        self.fields = [make_field(spec, self, self) for spec in card_fields()]
        # The schema's order, with the format and id on one line: the title, what a reader
        # fills in first, is in view when the form opens (P12).
        first = QHBoxLayout()
        first.setSpacing(16)
        layout.addLayout(first)
        for field in self.fields:
            if field.spec.key in _ONE_LINE:
                first.addWidget(field, 0 if field.spec.key == "format" else 1)
            else:
                layout.addWidget(field)
        layout.addStretch(1)
        self.setWidget(inner)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._new_burst)

    # FormHost
    @property
    def context(self) -> EditorContext:
        return self._context

    def edited(self, path: PathKey, old: Any, new: Any) -> None:
        self._undo.push(EditValue(self, path, old, new, self._burst))
        self.data_changed.emit()

    def push(self, command: QUndoCommand) -> None:
        self._undo.push(command)

    def adopt(self, control: QWidget) -> None:
        control.installEventFilter(self._keys)

    def child_path(self, child: FieldEditor) -> PathKey:
        return (child.spec.key,)

    # Editable
    def set_at(self, path: PathKey, value: Any) -> None:
        field = self.field_at(path)
        if field is not None:
            field.restore(value)
            field.focus_control()
        for length in range(len(path) - 1, 0, -1):  # the lists holding it show the change
            holder = self.field_at(path[:length])
            if isinstance(holder, ObjectListField):
                holder.store_current()
        self._burst += 1  # an undone edit is not continued by the next keystroke
        self.data_changed.emit()

    def insert_item(self, path: PathKey, index: int, value: Any) -> None:
        self._list(path).insert_at(index, value)
        self.data_changed.emit()

    def remove_item(self, path: PathKey, index: int) -> Any:
        value = self._list(path).remove_at(index)
        self.data_changed.emit()
        return value

    def move_item(self, path: PathKey, source: int, target: int) -> None:
        self._list(path).move_to(source, target)
        self.data_changed.emit()

    def _list(self, path: PathKey) -> ObjectListField:
        field = self.field_at(path)
        if not isinstance(field, ObjectListField):
            raise LookupError(f"no list at {path}")
        return field

    # The data
    def value(self) -> Any:
        """The card as the form holds it: the loaded mapping with the form's changes."""
        if self._original is not None and not isinstance(self._original, dict):
            return self._original
        return merge_object(self._original, self.fields)

    def set_value(self, value: Any) -> None:
        """Show ``value`` (a card's data; anything else is kept as it is and not editable)."""
        self._original = value
        mapping = value if isinstance(value, dict) else {}
        for field in self.fields:
            field.set_value(mapping.get(field.spec.key))
        inner = self.widget()
        if inner is not None:
            inner.setEnabled(value is None or isinstance(value, dict))
        self._burst += 1

    def field_at(self, path: PathKey) -> FieldEditor | None:
        """The field (or list item's list) shown for ``path``, or None when there is none."""
        for field in self.fields:
            if path and field.spec.key == path[0]:
                return field.field_for(path[1:])
        return None

    def editors(self) -> Iterator[FieldEditor]:
        """Every field shown (of the lists, the selected item's)."""
        for field in self.fields:
            yield from field.editors()

    def show_problems(self, at: Mapping[PathKey, list[Problem]]) -> list[Problem]:
        """Show each problem under its field, or on its item's line in a list; return those
        that belong to no field shown (a missing key, a syntax error)."""
        placed: set[PathKey] = set()
        for editor in self.editors():
            editor.show_messages([p.message for p in at.get(editor.path, [])])
            placed.add(editor.path)
        for field in self.lists():
            base = field.path
            rows: dict[int, list[str]] = {}
            for path, found in at.items():
                row = path[len(base)] if len(path) > len(base) else None
                if path[: len(base)] == base and isinstance(row, int):
                    rows.setdefault(row, []).extend(p.message for p in found)
                    placed.add(path)
            field.show_item_problems(rows)
        return [p for path, found in at.items() if path not in placed for p in found]

    def keep_previews(self, store: QSettings, key: str) -> None:
        """Open or fold the Markdown previews as the reader last left them (``key``)."""
        shown = str(store.value(key, "false")).lower() == "true"  # folded at first (P11)
        for editor in self.editors():
            if isinstance(editor, ProseField) and editor.preview is not None:
                editor.preview_toggle.setChecked(shown)
                editor.preview_toggle.toggled.connect(partial(store.setValue, key))

    def lists(self) -> Iterator[ObjectListField]:
        return (e for e in self.editors() if isinstance(e, ObjectListField))

    def focus_path(self, path: PathKey) -> FieldEditor | None:
        """Show and focus the field at ``path``, or the nearest field above it that exists."""
        for length in range(len(path), 0, -1):
            field = self.field_at(path[:length])
            if field is not None:
                field.focus_control()
                self.ensureWidgetVisible(field, 20, 40)
                # Again once the layout has settled: showing another item resizes the form.
                QTimer.singleShot(0, partial(self._reveal, field))
                return field
        return None

    def _reveal(self, field: FieldEditor) -> None:
        if Shiboken.isValid(field) and field.isVisible():
            self.ensureWidgetVisible(field, 20, 40)

    def _new_burst(self) -> None:
        self._burst += 1
