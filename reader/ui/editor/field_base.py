"""The frame every field of the card form shares: its label, its messages, its place by path.

A field knows its path only through its owner (the form, a group, a list item), because items
move: the third argument point becomes the second when the first is removed, and the undo
history and the diagnostics must follow. Values are the card's plain data: text, a list, a
mapping, or None for a field that is absent from the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from reader.cards.safe_yaml import PathKey
from reader.ui.editor.alert import AlertLabel
from reader.ui.editor.context import EditorContext
from reader.ui.editor.fields import FieldSpec
from reader.ui.editor.undo import Editable
from reader.ui.labels import MutedLabel, PlainLabel


class FormHost(Editable, Protocol):
    """What a field asks of the form it sits in (which the undo commands also change)."""

    @property
    def context(self) -> EditorContext: ...

    def edited(self, path: PathKey, old: Any, new: Any) -> None:
        """The user changed the field at ``path`` from ``old`` to ``new`` (already shown)."""

    def push(self, command: QUndoCommand) -> None:
        """Do ``command`` as one undoable step."""

    def adopt(self, control: QWidget) -> None:
        """Route ``control``'s undo and redo keys to the form's history (not its own)."""


class Owner(Protocol):
    def child_path(self, child: FieldEditor) -> PathKey: ...


class FieldEditor(QWidget):
    """A label, the control(s) for one field, a muted hint line and a red message line."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__()
        self.spec, self._owner, self.host = spec, owner, host
        self.setObjectName(f"field-{spec.key}")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.title = PlainLabel(accessible_name=spec.title)
        marker = " *" if spec.required else ""
        self.title.setText(spec.title + marker)
        self.title.setToolTip(spec.description)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.box.addWidget(self.title)
        self.hint = MutedLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.message = AlertLabel(accessible_name=f"{spec.title}: problems")
        self.message.hide()
        self.setToolTip(spec.description)
        #: The value last reported to the form, and whether a value is being shown (loading,
        #: undo, redo) rather than typed: see :meth:`report_change`.
        self._last: Any = None
        self._loading = False

    def finish_layout(self) -> None:
        """Put the hint and message lines below the controls a subclass has added."""
        for control in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            self.host.adopt(control)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.message)

    @property
    def path(self) -> PathKey:
        return self._owner.child_path(self)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` without recording an undo step (loading, undo, redo)."""
        raise NotImplementedError

    def restore(self, value: Any) -> None:
        """Show ``value`` from an undo or redo step."""
        self.set_value(value)

    def focus_control(self) -> None:
        self.setFocus()

    def report_change(self) -> None:
        """Tell the form the user changed the value (one undo step per change), unless the
        change is this field showing a value itself."""
        if self._loading:
            return
        new = self.value()
        if new != self._last:
            old, self._last = self._last, new
            self.host.edited(self.path, old, new)

    def field_for(self, rest: PathKey) -> FieldEditor | None:
        """The field at ``rest`` below this one (this one for an empty path)."""
        return self if not rest else None

    def editors(self) -> Iterator[FieldEditor]:
        """This field and every field nested in it."""
        yield self

    def show_messages(self, messages: list[str]) -> None:
        self.message.show_text("\n".join(messages), alert=True)
        self.message.setVisible(bool(messages))

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
