"""The fields of a mapping (a card, its source, a list item) and the nested-object field.

The widget for each child comes from a factory passed in (:func:`reader.ui.editor.factory.
make_field`), so nesting follows the schema to any depth without these modules importing
each other in a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from reader.cards.safe_yaml import PathKey
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec

MakeField = Callable[[FieldSpec, Owner, FormHost], FieldEditor]


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
    """The fields of one mapping and the mapping they hold (anything else is kept as is)."""

    def __init__(
        self, specs: tuple[FieldSpec, ...], owner: Owner, host: FormHost, make: MakeField
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.children_fields = [make(spec, owner, host) for spec in specs]
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

    def editors(self) -> Iterator[FieldEditor]:
        for child in self.children_fields:
            yield from child.editors()

    def focus_first(self) -> None:
        if self.children_fields:
            self.children_fields[0].focus_control()


class GroupField(FieldEditor):
    """A nested object (the source): its fields in a frame under its label."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost, make: MakeField) -> None:
        super().__init__(spec, owner, host)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(10, 8, 10, 8)
        self.fields = ObjectFields(spec.children, self, host, make)
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
        yield from self.fields.editors()

    def focus_control(self) -> None:
        self.fields.focus_first()
