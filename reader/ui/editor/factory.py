"""Which widget edits which schema field, with the set's pickers for topics, stances and tags."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.ui.editor.composite import GroupField
from reader.ui.editor.context import TOPIC_TEXT_ROLE
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec, Kind
from reader.ui.editor.list_fields import StringsField
from reader.ui.editor.object_list import ObjectListField
from reader.ui.editor.text_fields import ChoiceField, LineField, ProseField


def make_field(spec: FieldSpec, owner: Owner, host: FormHost) -> FieldEditor:
    """The editor widget for one schema field; nested fields are made the same way."""
    context = host.context
    if spec.kind is Kind.GROUP:
        return GroupField(spec, owner, host, make_field)
    if spec.kind is Kind.OBJECTS:
        return ObjectListField(spec, owner, host, make_field)
    if spec.kind is Kind.STRINGS:
        return StringsField(spec, owner, host, context.tags if spec.key == "tags" else None)
    if spec.kind in (Kind.CHOICE, Kind.CONSTANT):  # a wrong constant can be picked right
        return ChoiceField(spec, owner, host)
    if spec.kind in (Kind.PROSE, Kind.MARKDOWN):
        return ProseField(spec, owner, host)
    if spec.key == "topic":
        return TopicField(spec, owner, host)
    field = LineField(spec, owner, host)
    if spec.key == "stance":
        offer_all(field.edit, _completer(field.edit, context.stances), "stances")
    return field


def _completer(parent: QWidget, model: QAbstractItemModel) -> QCompleter:
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


def offer_all(edit: QLineEdit, completer: QCompleter, noun: str) -> QAction:
    """Complete ``edit`` as it is typed in, and list every choice from a ▾ at its end (for
    a reader who does not know the set's keys yet)."""
    edit.setCompleter(completer)
    icon = edit.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
    action = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(f"Show the set's {noun}")
    action.setObjectName("offer-all")

    def show_all() -> None:
        # QLineEdit takes a completer's choice only while it has the focus.
        edit.setFocus(Qt.FocusReason.PopupFocusReason)
        completer.setCompletionPrefix("")
        completer.complete()

    action.triggered.connect(show_all)
    return action


class TopicDelegate(QStyledItemDelegate):
    """The topic picker's lines: the topic's label, its key after it (P12: keys alone, like
    "security-impact", meant nothing to a reader new to the set). Typing still matches keys."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        text = index.data(TOPIC_TEXT_ROLE)
        if isinstance(text, str) and text:
            label = text.split("\n", 1)[0]
            option.text = f"{label}  ({index.data()})"


class TopicField(LineField):
    """A topic key, completed from the set's topics; the topic's label shown below it."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        completer = _completer(self.edit, host.context.topics)
        offer_all(self.edit, completer, "topics")
        popup = completer.popup()
        if popup is not None:
            popup.setItemDelegate(TopicDelegate(popup))
        self.edit.textChanged.connect(self.refresh_hint)
        host.context.changed.connect(self.refresh_hint)

    def refresh_hint(self) -> None:
        key = self.edit.text().strip()
        label = self.host.context.topic_label(key) if key else None
        self.show_hint((label or "").split("\n", 1)[0])
