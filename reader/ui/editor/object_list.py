"""A list of mappings (argument points, recommendations, actors…) as a list and one item's form.

A card may have a hundred items (a report's timeline and actors); a form per item would take
seconds to build. So the list is a model/view list of one-line summaries, reordered by drag or
Alt+Up / Alt+Down, and below it one set of fields shows the selected item. Adding, removing
and moving are undoable steps; the drag asks for a move instead of doing one, so undo sees it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.cards.safe_yaml import PathKey
from reader.qt.models import Index
from reader.ui.editor.composite import MakeField, ObjectFields
from reader.ui.editor.context import EditorContext
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec
from reader.ui.editor.item_list_model import ItemListModel
from reader.ui.editor.undo import InsertItem, MoveItem, RemoveItem
from reader.ui.focus import frame_focus
from reader.ui.labels import PlainLabel

#: Rows a list shows at least, and grows to before it scrolls: a card's usual ten points in
#: view at once, the form (not a small box in it) scrolling past them (P11).
_ROWS_SHOWN = (2, 14)
#: What a list says under its buttons while nothing is wrong with it: how its items are
#: best made (quotes come verbatim from the source pane beside the editor, reader.ui.capture).
_HOW_TO_ADD = {
    "quotes": "Select the words in the source pane, then right-click › Add Selection as Quote "
    "(Ctrl+Shift+Q): the text verbatim and its locator."
}


class _LineDelegate(QStyledItemDelegate):
    """Lines as wide as the view, so a long summary is cut with … rather than scrolled to."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(1, super().sizeHint(option, index).height())


class ItemHost(QObject):
    """The host the selected item's fields see: edits update the list's summary line first."""

    def __init__(self, owner: ObjectListField, host: FormHost) -> None:
        super().__init__(owner)
        self._list, self._host = owner, host

    @property
    def context(self) -> EditorContext:
        return self._host.context

    def edited(self, path: PathKey, old: Any, new: Any) -> None:
        self._list.store_current()
        self._host.edited(path, old, new)

    def push(self, command: QUndoCommand) -> None:
        self._host.push(command)

    def adopt(self, control: QWidget) -> None:
        self._host.adopt(control)

    def set_at(self, path: PathKey, value: Any) -> None:
        self._host.set_at(path, value)

    def insert_item(self, path: PathKey, index: int, value: Any) -> None:
        self._host.insert_item(path, index, value)

    def remove_item(self, path: PathKey, index: int) -> Any:
        return self._host.remove_item(path, index)

    def move_item(self, path: PathKey, source: int, target: int) -> None:
        self._host.move_item(path, source, target)


class ObjectListField(FieldEditor):
    #: Another item is shown in the fields (their messages are placed again).
    row_changed = Signal()

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost, make: MakeField) -> None:
        super().__init__(spec, owner, host)
        noun = spec.item_noun
        self.model = ItemListModel(spec, self, host.context.topic_label)
        host.context.changed.connect(self._relabel)
        self.model.move_requested.connect(self._push_move)
        self.view = QListView()
        frame_focus(self.view)
        self.view.setModel(self.model)
        self.view.setAccessibleName(f"{spec.title}: {noun}s")
        self.view.setToolTip(f"{spec.description} Drag to reorder, or Alt+Up / Alt+Down.")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(_LineDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.box.addWidget(self.view)
        self.box.addLayout(self._buttons(noun))
        self.detail = QFrame()
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(self.detail)
        inner.setContentsMargins(10, 6, 10, 8)
        self.detail_title = PlainLabel(accessible_name=f"Selected {noun}")
        inner.addWidget(self.detail_title)
        self.fields = ObjectFields(spec.children, self, ItemHost(self, host), make)
        inner.addWidget(self.fields)
        self.box.addWidget(self.detail)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_current)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move_current(step))
        self.finish_layout()
        self._original: Any = None
        self._row = -1
        self._changing = False

    def _relabel(self) -> None:
        """Another set's topics: the lines name them by its labels."""
        if self.model.items:
            last = self.model.index(len(self.model.items) - 1)
            self.model.dataChanged.emit(self.model.index(0), last)

    def _buttons(self, noun: str) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.clicked.connect(self.add_item)
        row.addWidget(self.add_button)
        self.tool_buttons: dict[str, QToolButton] = {}
        for text, tip, slot in (
            ("Remove", f"Remove the selected {noun} (Delete in the list)", self.remove_current),
            ("↑", "Move up (Alt+Up)", lambda: self.move_current(-1)),
            ("↓", "Move down (Alt+Down)", lambda: self.move_current(1)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.tool_buttons[text] = button
        row.addStretch(1)
        return row

    # Values
    def child_path(self, child: FieldEditor) -> PathKey:
        return (*self.path, self._row, child.spec.key)

    def value(self) -> Any:
        if self._original is not None and not isinstance(self._original, list):
            return self._original
        items = list(self.model.items)
        if 0 <= self._row < len(items):
            items[self._row] = self.fields.value()
        return items if items or self._original is not None or self.spec.required else None

    def set_value(self, value: Any) -> None:
        self._original = value
        foreign = value is not None and not isinstance(value, list)
        with self._model_changing():
            self.model.reset(value if isinstance(value, list) else [])
        self.view.setEnabled(not foreign)
        self.add_button.setEnabled(not foreign)
        self.show_hint(
            "Written here as something other than a list; edit it in the file."
            if foreign
            else _HOW_TO_ADD.get(self.spec.key, "")
        )
        self._row = -1
        self.select(0 if self.model.items else -1)

    def store_current(self) -> None:
        """Keep what the selected item's fields hold in the list (and its summary line)."""
        if 0 <= self._row < len(self.model.items):
            self.model.set_item(self._row, self.fields.value())

    # Selection
    def select(self, row: int) -> None:
        """Show item ``row`` in the fields below the list (-1: none)."""
        if row != self._row:
            self.store_current()
            self._row = row
            if row >= 0:
                self.fields.set_value(self.model.items[row])
            self._sync_view()
            self.row_changed.emit()
        else:
            self._sync_view()

    def _sync_view(self) -> None:
        count = len(self.model.items)
        low, high = _ROWS_SHOWN
        row_height = self.view.sizeHintForRow(0) if count else self.fontMetrics().lineSpacing()
        rows = max(low, min(high, count))
        self.view.setFixedHeight(rows * row_height + 2 * self.view.frameWidth() + 2)
        self.detail.setVisible(self._row >= 0)
        noun = self.spec.item_noun
        self.detail_title.setText(f"{noun[:1].upper()}{noun[1:]} {self._row + 1} of {count}")
        for button in self.tool_buttons.values():
            button.setEnabled(self._row >= 0)
        selection = self.view.selectionModel()
        blocked = selection.blockSignals(True)
        index = self.model.index(self._row) if self._row >= 0 else QModelIndex()
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
        selection.blockSignals(blocked)
        self.view.viewport().update()

    @contextmanager
    def _model_changing(self) -> Iterator[None]:
        self._changing = True
        try:
            yield
        finally:
            self._changing = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The view moves its current row while rows are removed, before the model has; the
        # field says which item is shown itself once the change is done.
        if not self._changing:
            self.select(current.row() if current.isValid() else -1)

    # Undoable steps
    def add_item(self) -> None:
        row = len(self.model.items)
        self.host.push(InsertItem(self.host, self.path, row, {}, self.spec.item_noun))

    def remove_current(self) -> None:
        if self._row >= 0:
            self.host.push(RemoveItem(self.host, self.path, self._row, self.spec.item_noun))

    def move_current(self, step: int) -> None:
        self._push_move(self._row, self._row + step)

    def _push_move(self, source: int, target: int) -> None:
        if source >= 0 and 0 <= target < len(self.model.items) and target != source:
            self.host.push(MoveItem(self.host, self.path, source, target, self.spec.item_noun))

    # What the commands call (through the form)
    def insert_at(self, index: int, value: Any) -> None:
        self.store_current()
        with self._model_changing():
            self.model.insert(index, value)
        if self._row >= index:
            self._row += 1
        self.select(index)
        self.fields.focus_first()

    def remove_at(self, index: int) -> Any:
        self.store_current()
        if index == self._row:
            self._row = -1
        elif index < self._row:
            self._row -= 1
        with self._model_changing():
            value = self.model.remove(index)
        count = len(self.model.items)
        self.select(self._row if self._row >= 0 else min(index, count - 1))
        return value

    def move_to(self, source: int, target: int) -> None:
        """Move an item; when it is the selected one its fields (and the focus) stay."""
        self.store_current()
        with self._model_changing():
            self.model.move(source, target)
        if self._row == source:
            self._row = target
        elif source < self._row <= target:
            self._row -= 1
        elif target <= self._row < source:
            self._row += 1
        self._sync_view()

    # Finding fields
    def field_for(self, rest: PathKey) -> FieldEditor | None:
        if not rest:
            return self
        row = rest[0]
        if not isinstance(row, int) or not 0 <= row < len(self.model.items):
            return None
        self.select(row)
        return self if len(rest) == 1 else self.fields.field_for(rest[1:])

    def editors(self) -> Iterator[FieldEditor]:
        yield self
        if self._row >= 0:
            yield from self.fields.editors()

    def show_item_problems(self, problems: dict[int, list[str]]) -> None:
        self.model.set_problems(problems)

    def focus_control(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
