"""The card editor: a form over one card file that saves only what was changed.

Public surface for the window (see the package's ``__init__``): open a file, give it the set's
catalog, save, revert, close with a prompt, restore a draft, and the source pane's captures
(a quote with its locator, a locator into the focused ``where`` field). Saving is
``apply_edits(text as read, form data)`` written atomically: a card opened and saved without
a change is the same bytes, and an edit touches only its own lines.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from reader.app.settings import Settings
from reader.authoring.files import ChangedOnDiskError, read_text, save_atomically
from reader.authoring.patch import apply_edits
from reader.cards.catalog import Catalog
from reader.cards.file_reading import UnreadableFileError
from reader.cards.safe_yaml import PathKey, YamlError, read_yaml
from reader.ui.editor.conflict import CompareDialog, ConflictBar
from reader.ui.editor.context import EditorContext
from reader.ui.editor.disk_watch import DiskWatch
from reader.ui.editor.drafts import Draft, discard_draft, drafts_dir, text_hash, write_draft
from reader.ui.editor.form import CardForm
from reader.ui.editor.header import EditorHeader
from reader.ui.editor.text_fields import LineField
from reader.ui.editor.undo import InsertItem
from reader.ui.editor.validation import Verdict, check_in_set

#: How soon after typing stops the card is checked again.
CHECK_MS = 300
#: Whether the Markdown previews are shown (folded with their Preview toggle).
PREVIEW_KEY = "editor/markdownPreview"
#: How often unsaved edits are written to the draft while they change.
DRAFT_MS = 3000


class CardEditor(QWidget):
    """One card file in a form: header (file, buttons, verdict), Changed-on-disk bar, form.

    The window opens a file (:meth:`open_file`, at a field if asked), gives the open set's
    catalog (:meth:`set_context`), and asks :meth:`maybe_close` before it shows something
    else; :attr:`undo_stack` is what its Edit › Undo/Redo act on while the editor has the
    focus. The source pane's captures call :meth:`add_quote`, :meth:`wants_locator` and
    :meth:`fill_locator`; at start-up, :func:`~reader.ui.editor.drafts.pending_drafts` and
    :meth:`restore_draft` bring back what a crash left unsaved.
    """

    #: After a successful save, with the file's path.
    saved = Signal(Path)
    modified_changed = Signal(bool)
    #: Close was chosen and nothing unsaved stood in the way.
    closed = Signal()
    #: The text was checked again: ``verdict`` is what the loader would say of it now.
    checked = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        data_dir: Path | None = None,
        draft_ms: int = DRAFT_MS,
        check_ms: int = CHECK_MS,
    ) -> None:
        """``data_dir`` holds ``drafts/`` (default: :func:`drafts_dir`); ``draft_ms`` is how
        often changed edits are written there, ``check_ms`` how long after the last change
        the card is checked."""
        super().__init__(parent)
        self.setObjectName("card-editor")
        self._settings = settings
        self._drafts = drafts_dir(data_dir)
        self._path: Path | None = None
        self._text = ""  # the file's text the edits apply to
        self._catalog: Catalog | None = None
        self._restored = False  # a draft restored: modified though the history is clean
        self._overwrite_sha: str | None = None  # Keep Mine chosen for this text on disk
        self._drafted: Any = None
        self._locator: LineField | None = None
        self.verdict = Verdict(())
        self.undo_stack = QUndoStack(self)
        self.context = EditorContext(self)
        self.header = EditorHeader(self.undo_stack)
        self.conflict = ConflictBar()
        self.form = CardForm(self.context, self.undo_stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.header, self.conflict, self.form):
            layout.addWidget(widget)
        layout.setStretchFactor(self.form, 1)
        self._add_actions()
        self.form.keep_previews(settings.store, PREVIEW_KEY)
        self._check_timer = QTimer(self, singleShot=True, interval=check_ms)
        self._check_timer.timeout.connect(self.validate)
        self._draft_timer = QTimer(self, interval=draft_ms)
        self._draft_timer.timeout.connect(self.write_draft)
        self._watch = DiskWatch(self)
        self._watch.changed.connect(self._disk_changed)
        self.form.data_changed.connect(self._check_timer.start)
        for field in self.form.lists():
            field.row_changed.connect(self.show_verdict)
        self.form.data_changed.connect(lambda: self.header.show_status(""))
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.header.save_button.clicked.connect(self.save)
        self.header.revert_button.clicked.connect(self.revert)
        self.header.close_button.clicked.connect(self.request_close)
        self.conflict.keep_mine.connect(self.keep_mine)
        self.conflict.take_theirs.connect(self.take_theirs)
        self.conflict.compare.connect(self.compare)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _add_actions(self) -> None:
        """Save (Ctrl+S) while the focus is in the editor. Undo and Redo are the window's Edit
        commands, which act on :attr:`undo_stack` while the editor has the focus (and the
        text boxes hand their own Ctrl+Z to it: :class:`reader.ui.editor.form.UndoKeys`)."""
        save = QAction("Save", self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    # Opening
    def path(self) -> Path | None:
        return self._path

    def open_file(self, path: Path, *, field: PathKey | None = None) -> None:
        """Edit ``path``; focus the field at ``field`` (e.g. ``("argument", 2, "where")``).

        A file that cannot be read, or not as YAML, opens with the form disabled and the
        reason in the header: the external editor is the way to mend its syntax. A file that
        does not exist (deleted meanwhile, or a draft's) opens empty; saving creates it.
        """
        self._path = path.absolute()
        self._restored = False
        self._overwrite_sha = None
        self._drafted = None
        self.conflict.hide()
        self.undo_stack.clear()
        missing = not os.path.lexists(self._path)
        failure = ""
        data: Any = None
        self._text = ""
        if not missing:
            try:
                self._text = read_text(self._path)
                data = read_yaml(self._text.removeprefix("\ufeff")).data
            except (UnreadableFileError, YamlError, OSError) as exc:
                self._text, failure = "", _reason(exc)
        self.form.set_value(data)
        self.form.setEnabled(not failure)
        self.header.show_file(self._path, failure)
        if missing:
            self.header.show_status("There is no such file (any more); saving creates it.")
        self.setWindowTitle(f"{self._path.name}[*]")
        self._watch.watch(self._path)
        self._modified_changed()
        self.validate()
        if field:
            self.form.focus_path(field)

    def set_context(self, catalog: Catalog | None) -> None:
        """The open set's topics, stances and tags for the pickers, and its topics for checks."""
        if catalog is not self._catalog:  # the same snapshot: its vocabulary is known
            self._catalog = catalog
            self.context.load(catalog)
        self.validate()

    # Checking
    def text_to_save(self) -> str:
        """The text a save would write: the file as read, changed only where the form is."""
        return apply_edits(self._text, self.form.value())

    def validate(self) -> None:
        """Show the loader's diagnostics for the text a save would write, at their fields."""
        if self._path is None or not self.form.isEnabled():
            return
        self.verdict = check_in_set(self._catalog, self._path, self.text_to_save())
        self.show_verdict()

    def show_verdict(self) -> None:
        """Put each problem at its field or item, and the rest (and the summary) on top."""
        loose = self.form.show_problems(self.verdict.at)
        self.header.show_verdict(self.verdict, loose)
        self.checked.emit()

    # Saving
    def is_modified(self) -> bool:
        return self._restored or not self.undo_stack.isClean()

    def save(self) -> bool:
        """Write the card (atomically); False when it was not written (the header says why).

        A card with errors is saved too (it is the user's file), and the header then says
        what keeps it out of the list. A file changed on disk is not replaced unless Keep
        Mine was chosen for exactly that change.
        """
        if self._path is None or not self.form.isEnabled():
            return False
        if self.conflict.isVisibleTo(self):
            self.header.show_status("Not saved: the file changed on disk. Choose below.")
            return False
        text = self.text_to_save()
        expected = self._text
        if self._overwrite_sha is not None:
            current = self._on_disk() or ""
            if text_hash(current) == self._overwrite_sha:
                expected = current
        try:
            save_atomically(self._path, text, expected)
        except ChangedOnDiskError:
            self.conflict.show()
            self.header.show_status("Not saved: the file changed on disk. Choose below.")
            return False
        except OSError as exc:
            self.header.show_status(f"Not saved: {exc.strerror or exc}")
            return False
        self._text = text
        self._watch.accept_current()
        self._overwrite_sha = None
        self._restored = False
        self.conflict.hide()
        self.undo_stack.setClean()
        discard_draft(self._drafts, self._path)
        self._drafted = None
        self._modified_changed()
        self.validate()
        errors = self.verdict.errors
        self.header.show_status(
            f"Saved with {len(errors)} error{'s' if len(errors) > 1 else ''}; the card stays "
            f"out of the list until {'they are' if len(errors) > 1 else 'it is'} fixed: "
            + "; ".join(p.message for p in errors[:3])
            + ("; …" if len(errors) > 3 else "")
            if errors
            else "Saved."
        )
        self.saved.emit(self._path)
        return True

    def revert(self) -> None:
        """Drop the unsaved edits and show the file as it is on disk."""
        if self._path is not None:
            discard_draft(self._drafts, self._path)
            self.open_file(self._path)

    def maybe_close(self) -> bool:
        """Whether the editor may close: asks Save / Discard / Cancel about unsaved edits."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            if self._path is not None:
                discard_draft(self._drafts, self._path)
            self._restored = False
            self.undo_stack.setClean()
            return True
        return False

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        name = self._path.name if self._path is not None else "the card"
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved changes", "", buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        box.setText(f"Save the changes to {name}?")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def request_close(self) -> None:
        if self.maybe_close():
            self._draft_timer.stop()
            self._watch.watch(None)
            self.closed.emit()

    # Drafts
    def write_draft(self) -> None:
        """Keep the unsaved edits on disk (only when they changed since the last draft)."""
        if self._path is None or not self.is_modified():
            return
        data = self.form.value()
        if data != self._drafted:
            write_draft(self._drafts, self._path, self._text, data)
            self._drafted = data

    def restore_draft(self, draft: Draft) -> None:
        """Open the draft's card with the draft's data (unsaved); the Changed-on-disk bar
        shows when the file is no longer the text the draft started from."""
        self.open_file(draft.card_path)
        self.form.set_value(draft.data)
        self._restored = True
        self._drafted = draft.data
        if not draft.matches(self._text):
            self.conflict.show()
        self._modified_changed()
        self.validate()

    def _clean_changed(self, _clean: bool) -> None:
        if Shiboken.isValid(self.undo_stack):  # the stack says so again while it is destroyed
            self._modified_changed()

    def _modified_changed(self) -> None:
        modified = self.is_modified()
        self.header.show_modified(modified)
        self.setWindowModified(modified)
        if modified and not self._draft_timer.isActive():
            self._draft_timer.start()
        elif not modified:
            self._draft_timer.stop()
            if self._drafted is not None and self._path is not None:
                discard_draft(self._drafts, self._path)  # undone back to the file: no draft
                self._drafted = None
        self.modified_changed.emit(modified)

    # Conflicts
    def _disk_changed(self) -> None:
        if self._path is None or self._on_disk() == self._text:
            return
        if not self.is_modified():
            self.open_file(self._path)
            self.header.show_status("Reloaded: the file changed on disk.")
            return
        self.conflict.show()

    def _on_disk(self) -> str | None:
        """The file's text now (None: gone or unreadable)."""
        try:
            return read_text(self._path) if self._path is not None else None
        except (UnreadableFileError, YamlError, OSError):
            return None

    def keep_mine(self) -> None:
        self._overwrite_sha = text_hash(self._on_disk() or "")
        self.conflict.hide()
        self.header.show_status("Keeping your version: the next save replaces the file.")

    def take_theirs(self) -> None:
        self.revert()

    def compare(self) -> int:
        """Show both versions side by side; the choice made there is carried out."""
        if self._path is None:
            return 0
        theirs = self._on_disk()
        if theirs is None:
            theirs = "(the file is gone, or cannot be read)"
        dialog = CompareDialog(self.text_to_save(), theirs, self)
        choice = self.run_compare(dialog)
        if choice == CompareDialog.KEEP_MINE:
            self.keep_mine()
        elif choice == CompareDialog.TAKE_THEIRS:
            self.take_theirs()
        return choice

    def run_compare(self, dialog: CompareDialog) -> int:
        return dialog.exec()

    # Capture from the source pane
    def add_quote(self, text: str, locator: str) -> None:
        """Add a quote (the words verbatim) with its locator, as one undoable step."""
        quotes = self.form.field_at(("quotes",))
        if quotes is None or not self.form.isEnabled():
            return
        item = {"text": text, "where": locator} if locator else {"text": text}
        index = len(self.form.value().get("quotes") or [])
        self.undo_stack.push(InsertItem(self.form, ("quotes",), index, item, "quote"))
        self.form.focus_path(("quotes", index, "text"))

    def set_value(self, path: PathKey, text: str) -> bool:
        """Put ``text`` in the field at ``path`` (``("source", "lines")``) as one undoable
        change, as if typed; whether the form has that field."""
        field = self.form.field_at(path)
        if field is None or not self.form.isEnabled():
            return False
        old = field.value()
        if old != text:
            self.form.set_at(path, text)
            self.form.edited(path, old, text)
        return True

    def wants_locator(self) -> bool:
        """Whether a locator field was the last field in focus (the source pane has it now)."""
        return self._locator is not None and self._locator.isVisible()

    def fill_locator(self, locator: str) -> None:
        """Put ``locator`` in the locator field last in focus (an undoable edit)."""
        if self._locator is not None:
            self._locator.edit.setText(locator)
            self._locator.focus_control()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isAncestorOf(new):
            return  # focus left the editor (the source pane): the locator field is kept
        field = new.parentWidget()
        self._locator = field if isinstance(field, LineField) and field.spec.is_locator else None


def _reason(exc: Exception) -> str:
    if isinstance(exc, YamlError):
        line, column = exc.position
        return f"line {line}, column {column}: {exc.message}"
    return str(exc)
