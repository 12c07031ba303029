"""Fields made of fields: a nested object (source) and a list of objects (argument points…).

:func:`make_field` picks the widget for a schema field; the composites call it for their
children, so nesting follows the schema to any depth. A list item is a framed box with its
number, buttons to move and remove it, Alt+Up / Alt+Down, and a handle to drag it by.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.cards.safe_yaml import PathKey
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec, Kind
from reader.ui.editor.list_fields import StringsField
from reader.ui.editor.text_fields import ChoiceField, ConstantField, LineField, ProseField
from reader.ui.editor.undo import InsertItem, MoveItem, RemoveItem
from reader.ui.labels import PlainLabel

_ITEM_MIME = "application/x-briefing-reader-item"


def make_field(spec: FieldSpec, owner: Owner, host: FormHost) -> FieldEditor:
    """The editor widget for one schema field (special pickers for topics, stances, tags)."""
    context = host.context
    if spec.kind is Kind.GROUP:
        return GroupField(spec, owner, host)
    if spec.kind is Kind.OBJECTS:
        return ObjectListField(spec, owner, host)
    if spec.kind is Kind.STRINGS:
        return StringsField(spec, owner, host, context.tags if spec.key == "tags" else None)
    if spec.kind is Kind.CHOICE:
        return ChoiceField(spec, owner, host)
    if spec.kind is Kind.CONSTANT:
        return ConstantField(spec, owner, host)
    if spec.kind in (Kind.PROSE, Kind.MARKDOWN):
        return ProseField(spec, owner, host)
    if spec.key == "topic":
        return TopicField(spec, owner, host)
    if spec.key == "stance":
        field = LineField(spec, owner, host)
        field.edit.setCompleter(_completer(field.edit, context.stances))
        return field
    return LineField(spec, owner, host)


def _completer(parent: QWidget, model: QAbstractItemModel) -> QCompleter:
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class TopicField(LineField):
    """A topic key, completed from the set's topics; its label and question shown below."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        self.edit.setCompleter(_completer(self.edit, host.context.topics))
        self.edit.textChanged.connect(self.refresh_hint)
        host.context.changed.connect(self.refresh_hint)

    def refresh_hint(self) -> None:
        key = self.edit.text().strip()
        label = self.host.context.topic_label(key) if key else None
        self.show_hint((label or "").split("\n", 1)[0])


def merge_object(original: Any, children: list[FieldEditor]) -> dict[str, Any]:
    """The mapping the children hold, in the file's key order; keys the form does not know
    (reported as unknown by the loader) are kept as they were."""
    by_key = {child.spec.key: child for child in children}
    merged: dict[str, Any] = {}
    keys = list(original) if isinstance(original, dict) else []
    keys += [key for key in by_key if key not in keys]
    for key in keys:
        child = by_key.get(key)
        value = child.value() if child is not None else original[key]
        if value is not None:
            merged[key] = value
    return merged


class ObjectFields(QWidget):
    """The fields of one mapping (a group or a list item) and the mapping they hold."""

    def __init__(self, specs: tuple[FieldSpec, ...], owner: Owner, host: FormHost) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.children_fields = [make_field(spec, owner, host) for spec in specs]
        for child in self.children_fields:
            layout.addWidget(child)
        self._original: Any = None

    def value(self) -> Any:
        if self._original is not None and not isinstance(self._original, dict):
            return self._original
        return merge_object(self._original, self.children_fields)

    def set_value(self, value: Any) -> None:
        self._original = value
        mapping = value if isinstance(value, dict) else {}
        for child in self.children_fields:
            child.set_value(mapping.get(child.spec.key))
            child.setEnabled(value is None or isinstance(value, dict))

    def field_for(self, rest: PathKey) -> FieldEditor | None:
        for child in self.children_fields:
            if child.spec.key == rest[0]:
                return child.field_for(rest[1:])
        return None


class GroupField(FieldEditor):
    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 8, 10, 8)
        self.fields = ObjectFields(spec.children, self, host)
        inner.addWidget(self.fields)
        self.box.addWidget(frame)
        self.finish_layout()

    def child_path(self, child: FieldEditor) -> PathKey:
        return (*self.path, child.spec.key)

    def value(self) -> Any:
        return self.fields.value()

    def set_value(self, value: Any) -> None:
        self.fields.set_value(value)

    def field_for(self, rest: PathKey) -> FieldEditor | None:
        return self if not rest else self.fields.field_for(rest)

    def editors(self) -> Iterator[FieldEditor]:
        yield self
        for child in self.fields.children_fields:
            yield from child.editors()

    def focus_control(self) -> None:
        self.fields.children_fields[0].focus_control()


class ItemBox(QFrame):
    """One item of an object list: a numbered header with its buttons, then its fields."""

    def __init__(self, owner: ObjectListField, value: Any) -> None:
        super().__init__()
        self.list = owner
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(owner.spec.item_noun)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        header = QHBoxLayout()
        self.handle = PlainLabel()
        self.handle.setCursor(Qt.CursorShape.OpenHandCursor)
        self.handle.setToolTip("Drag to reorder (or Alt+Up / Alt+Down)")
        header.addWidget(self.handle, 1)
        for text, tip, slot in (
            ("↑", "Move up (Alt+Up)", lambda: owner.move_by(self, -1)),
            ("↓", "Move down (Alt+Down)", lambda: owner.move_by(self, 1)),
            ("✕", f"Remove this {owner.spec.item_noun}", lambda: owner.remove_box(self)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            header.addWidget(button)
        layout.addLayout(header)
        self.fields = ObjectFields(owner.spec.children, self, owner.host)
        layout.addWidget(self.fields)
        self.fields.set_value(value)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: owner.move_by(self, step))
        self._press: QPoint | None = None
        self.handle.installEventFilter(self)

    def child_path(self, child: FieldEditor) -> PathKey:
        return (*self.list.path, self.list.boxes.index(self), child.spec.key)

    def number(self, index: int) -> None:
        noun = self.list.spec.item_noun
        self.handle.setText(f"⠿ {noun[:1].upper()}{noun[1:]} {index + 1}")

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if isinstance(event, QMouseEvent):
            if event.type() == event.Type.MouseButtonPress:
                self._press = event.position().toPoint()
            elif (
                event.type() == event.Type.MouseMove
                and self._press is not None
                and (event.position().toPoint() - self._press).manhattanLength() > 8
            ):
                self._press = None
                self._drag()
                return True
        return False

    def _drag(self) -> None:
        mime = QMimeData()
        mime.setData(_ITEM_MIME, str(self.list.boxes.index(self)).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self.grab().scaledToWidth(min(300, self.width())))
        drag.exec(Qt.DropAction.MoveAction)


class ObjectListField(FieldEditor):
    """A list of mappings: items added, removed and moved as undoable steps."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        self.boxes: list[ItemBox] = []
        self.items_widget = QWidget()
        self.items_widget.setAcceptDrops(True)
        self.items_widget.installEventFilter(self)
        self.items_layout = QVBoxLayout(self.items_widget)
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.items_layout.setSpacing(6)
        self.box.addWidget(self.items_widget)
        self.add_button = QPushButton(f"Add {spec.item_noun}")
        self.add_button.setToolTip(spec.description)
        self.add_button.clicked.connect(self.add_item)
        self.box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()
        self._original: Any = None

    def value(self) -> Any:
        if self._original is not None and not isinstance(self._original, list):
            return self._original
        items = [box.fields.value() for box in self.boxes]
        return items if items or self._original is not None or self.spec.required else None

    def set_value(self, value: Any) -> None:
        self._original = value
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        foreign = value is not None and not isinstance(value, list)
        for item in value if isinstance(value, list) else []:
            self._place(len(self.boxes), ItemBox(self, item))
        self.add_button.setEnabled(not foreign)
        if foreign:
            self.show_hint("Written here as something other than a list; edit it in the file.")

    def _place(self, index: int, box: ItemBox) -> None:
        self.boxes.insert(index, box)
        self.items_layout.insertWidget(index, box)
        self._renumber()

    def _renumber(self) -> None:
        for i, box in enumerate(self.boxes):
            box.number(i)

    def insert_at(self, index: int, value: Any) -> None:
        box = ItemBox(self, value)
        self._place(index, box)
        box.fields.children_fields[0].focus_control()

    def remove_at(self, index: int) -> Any:
        box = self.boxes.pop(index)
        value = box.fields.value()
        self.items_layout.removeWidget(box)
        box.deleteLater()
        self._renumber()
        if self.boxes:
            self.boxes[min(index, len(self.boxes) - 1)].fields.children_fields[0].focus_control()
        return value

    def move_to(self, source: int, target: int) -> None:
        box = self.boxes.pop(source)
        self.items_layout.removeWidget(box)
        self._place(target, box)
        focused = box.focusWidget()
        (focused or box).setFocus()

    def add_item(self) -> None:
        self.host.push(InsertItem(self.host, self.path, len(self.boxes), {}, self.spec.item_noun))

    def remove_box(self, box: ItemBox) -> None:
        index = self.boxes.index(box)
        self.host.push(RemoveItem(self.host, self.path, index, self.spec.item_noun))

    def move_by(self, box: ItemBox, step: int) -> None:
        source = self.boxes.index(box)
        target = source + step
        if 0 <= target < len(self.boxes):
            self.host.push(MoveItem(self.host, self.path, source, target, self.spec.item_noun))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if isinstance(event, QDragEnterEvent | QDropEvent) and event.mimeData().hasFormat(
            _ITEM_MIME
        ):
            source = event.source()
            if not isinstance(source, ItemBox) or source.list is not self:
                return False
            event.acceptProposedAction()
            if event.type() == event.Type.Drop:
                self._dropped(source, event.position().toPoint().y())
            return True
        return False

    def _dropped(self, box: ItemBox, y: int) -> None:
        source = self.boxes.index(box)
        target = sum(1 for b in self.boxes if b is not box and b.geometry().center().y() < y)
        if target != source:
            self.host.push(MoveItem(self.host, self.path, source, target, self.spec.item_noun))

    def field_for(self, rest: PathKey) -> FieldEditor | None:
        if not rest:
            return self
        index = rest[0]
        if not isinstance(index, int) or not 0 <= index < len(self.boxes):
            return None
        return self if len(rest) == 1 else self.boxes[index].fields.field_for(rest[1:])

    def editors(self) -> Iterator[FieldEditor]:
        yield self
        for box in self.boxes:
            for child in box.fields.children_fields:
                yield from child.editors()

    def focus_control(self) -> None:
        if self.boxes:
            self.boxes[0].fields.children_fields[0].focus_control()
        else:
            self.add_button.setFocus()
