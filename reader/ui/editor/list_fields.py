"""A list of short strings (tags, authors) typed on one line, with completion per item.

Tags are separated by commas, as people write them; other lists (authors' names may hold a
comma: "Smith, J.") by semicolons. The completer completes the item being typed, not the
whole line, from a model the editor shares (the set's tag vocabulary).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from reader.cards.card_file import PLACEHOLDER
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec

_COMMA_LISTS = frozenset({"tags"})


def separator(spec: FieldSpec) -> str:
    return "," if spec.key in _COMMA_LISTS else ";"


def split_items(text: str, sep: str) -> list[str]:
    """The items typed on a line: split at ``sep``, trimmed, empty ones dropped."""
    return [part.strip() for part in text.split(sep) if part.strip()]


class ItemCompleter(QCompleter):
    """Completes the last item of a separated line, keeping the items before it."""

    def __init__(self, model: QAbstractItemModel, sep: str, edit: QLineEdit) -> None:
        super().__init__(model, edit)
        self._sep, self._edit = sep, edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(self._sep, 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        head, found, _ = self._edit.text().rpartition(self._sep)
        chosen = str(index.data())
        return f"{head}{self._sep} {chosen}" if found else chosen


class StringsField(FieldEditor):
    """A list of strings on one line. Untouched, it gives back the list it was given."""

    def __init__(
        self,
        spec: FieldSpec,
        owner: Owner,
        host: FormHost,
        vocabulary: QAbstractItemModel | None = None,
    ) -> None:
        super().__init__(spec, owner, host)
        self._sep = separator(spec)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(spec.title)
        self.edit.setToolTip(f"{spec.description} Separate them with '{self._sep}'.")
        self.edit.setPlaceholderText(f"one{self._sep} another")
        if vocabulary is not None:
            self.edit.setCompleter(ItemCompleter(vocabulary, self._sep, self.edit))
        self.edit.textChanged.connect(self._changed)
        self.box.addWidget(self.edit)
        self.finish_layout()
        self._original: Any = None
        self._shown = ""

    def items(self) -> list[str]:
        return split_items(self.edit.text(), self._sep)

    def value(self) -> Any:
        if self.edit.text() == self._shown or not _is_string_list(self._original):
            return self._original
        items = self.items()
        return items if items or self.spec.required or self._original is not None else None

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._original = value
            shown = (value or []) if _is_string_list(value) else []
            self._shown = f"{self._sep} ".join(shown)
            self.edit.setText(self._shown)
            self.edit.setEnabled(_is_string_list(value))
        finally:
            self._loading = False
        self._last = self.value()
        self.refresh_hint()

    def restore(self, value: Any) -> None:
        if value == self._original:
            self.set_value(value)
            return
        self._loading = True
        try:
            self.edit.setText(f"{self._sep} ".join(value or []))
        finally:
            self._loading = False
        self._last = self.value()
        self.refresh_hint()

    def refresh_hint(self) -> None:
        """Name the tags the set file has no description for (they still work)."""
        if self.spec.key != "tags":
            return
        # A placeholder is no tag (the check names it as text left to replace).
        typed = [item for item in self.items() if not item.startswith(PLACEHOLDER)]
        new = self.host.context.new_tags(typed)
        self.show_hint(
            f"New tag{'s' if len(new) > 1 else ''} without a description in cardset.yaml: "
            + ", ".join(new)
            if new
            else ""
        )

    def _changed(self) -> None:
        self.refresh_hint()
        self.report_change()

    def focus_control(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


def _is_string_list(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(v, str) for v in value))
