"""Set-wide changes in the window: tags renamed, merged, deleted or described from the tag
tree's context menu, and set topics (:mod:`reader.ui.topics_dialog`), each one undoable step.

Every change is a :class:`reader.authoring.plan.Plan`: computed off the UI thread (it reads
every card of the set), shown in a preview (:class:`reader.ui.plan_preview.PlanPreview`), and
applied as one step of :class:`reader.ui.set_history.SetHistory` (written off the UI thread),
a window-level ``QUndoStack`` separate from the card editor's. Edit › Undo and Redo act on the
editor's stack while the focus is in the editor and on this one otherwise; while the editor
has the focus, its own Undo/Redo keys (local to it) are the only ones claimed, so a key never
has two owners. The set's live reload shows the rewritten files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QWidget
from shiboken6 import Shiboken

from reader.app.jobs import JobContext, JobFailure, JobRunner
from reader.ui.set_history import SetHistory

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog

    from reader.authoring.plan import Plan
    from reader.ui.main_window import MainWindow
    from reader.ui.plan_preview import PlanPreview
    from reader.ui.topics_dialog import TopicsDialog

#: Makes a plan for the set folder (on the job's thread). The planners, reader.authoring's
#: tags and plan modules (~5 ms), are imported on the UI thread when a change is first asked
#: for, not with the window (tests/ui/test_startup_imports.py).
Planner = Callable[[Path], "Plan"]
MESSAGE_MS = 6000


class SetEdits(QObject):
    """The window's set-wide changes and their undo stack (``window.set_edits``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.history = SetHistory(self)
        self.history.done.connect(lambda text: window.status.showMessage(text, MESSAGE_MS))
        self.history.refused.connect(self._tell)
        self.stack = self.history.stack
        self._jobs = JobRunner("set-edit", self)
        self._jobs.finished.connect(self._planned)
        self._jobs.failed.connect(self._failed)
        self.preview: PlanPreview | None = None
        self.topics_dialog: TopicsDialog | None = None
        window.sidebar.set_tag_context_menu(self._tag_menu)
        self.stack.indexChanged.connect(self._refresh)
        app = QApplication.instance()
        self._following = isinstance(app, QApplication)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # -- the undo keys ------------------------------------------------------------------------

    def _editor(self) -> QWidget | None:
        authoring = getattr(self._window, "authoring", None)
        editor = getattr(authoring, "editor", None)
        return editor if isinstance(editor, QWidget) and editor.isVisible() else None

    def _editor_stack(self) -> QUndoStack | None:
        """The editor's stack while the focus is in the editor."""
        editor = self._editor()
        focus = QApplication.focusWidget()
        if editor is None or focus is None or not editor.isAncestorOf(focus):
            return None
        stack = getattr(editor, "undo_stack", None)
        return stack if isinstance(stack, QUndoStack) else None

    def _alive(self) -> bool:
        """Whether the window's actions and settings still exist (not while the window is
        torn down, when focus moves and the stack empties: the commands' rules read both)."""
        window = self._window
        return Shiboken.isValid(window.commands.undo) and Shiboken.isValid(window.settings.store)

    def _refresh(self) -> None:
        if self._alive():
            self._window.commands.refresh()

    def shutdown(self) -> None:
        """Stop following the focus: the window is closing, and as it is torn down the focus
        moves while its actions are being deleted."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._following:
            app.focusChanged.disconnect(self._focus_moved)
            self._following = False

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """Leave Ctrl+Z to the editor's own actions while it has the focus (two actions with
        one key in reach would make Qt trigger neither)."""
        if not self._alive():
            return
        commands = self._window.commands
        in_editor = self._editor_stack() is not None
        for action, key in (
            (commands.undo, QKeySequence.StandardKey.Undo),
            (commands.redo, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts([] if in_editor else QKeySequence.keyBindings(key))
        commands.refresh()

    def undo(self) -> None:
        if (editor := self._editor_stack()) is not None:
            editor.undo()
        else:
            self.history.undo()

    def redo(self) -> None:
        if (editor := self._editor_stack()) is not None:
            editor.redo()
        else:
            self.history.redo()

    def undo_reason(self) -> str | None:
        stack = self._editor_stack() or self.stack
        if stack is self.stack and self.history.busy:
            return "A set-wide change is being written."
        return None if stack.canUndo() else "Nothing to undo."

    def redo_reason(self) -> str | None:
        stack = self._editor_stack() or self.stack
        if stack is self.stack and self.history.busy:
            return "A set-wide change is being written."
        return None if stack.canRedo() else "Nothing to redo."

    # -- plans ------------------------------------------------------------------------------

    def root(self) -> Path | None:
        catalog = self._window.session.catalog
        return catalog.root if catalog is not None else None

    def propose(self, planner: Planner) -> None:
        """Make the plan in the background, then preview it; Apply applies it."""
        root = self.root()
        if root is None:
            return
        if self._jobs.running is None:  # one busy cursor, however many plans are asked for
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._jobs.start(root, partial(_plan, planner, root))

    def _planned(self, root: object, plan: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        if isinstance(plan, str):
            self._tell(plan)  # a refusal (an unknown tag, a topic in use), said in words
            return
        from reader.authoring.plan import Plan  # loaded: the job made one

        assert isinstance(plan, Plan)
        assert isinstance(root, Path)
        from reader.ui.plan_preview import PlanPreview  # the dialogs load when first shown

        self.preview = PlanPreview(plan, root, self._window)
        self.preview.accepted.connect(lambda p=plan: self.apply(p))
        self.preview.open()

    def _failed(self, _root: object, failure: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        assert isinstance(failure, JobFailure)
        self._tell(f"The change could not be prepared: {failure.message}")

    def apply(self, plan: Plan) -> None:
        """Write ``plan`` (off the UI thread), then put it on the undo stack."""
        if not self.history.apply(plan):
            self._tell("A set-wide change is still being written; try again in a moment.")

    def _tell(self, text: str) -> None:
        text = text[:1].upper() + text[1:]
        from PySide6.QtWidgets import QMessageBox  # on first use: reader/ui/lazy.py

        box = QMessageBox(QMessageBox.Icon.Warning, "Briefing Reader", text, parent=self._window)
        box.setObjectName("set-edit-message")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def show_topics(self) -> None:
        """Edit › Set Topics…: the set's topics, to change."""
        if self.topics_dialog is None:
            from reader.ui.topics_dialog import TopicsDialog

            self.topics_dialog = TopicsDialog(self._window, self)
        self.topics_dialog.refresh()
        self.topics_dialog.open()

    # -- tags -------------------------------------------------------------------------------

    def _tag_menu(self, menu: QMenu, tag: str) -> None:
        """The tag tree's commands for ``tag``."""
        if self.root() is None:
            return
        for text, slot in (
            ("&Rename Tag…", self.rename_tag),
            ("&Merge Into…", self.merge_tag),
            ("&Delete Tag…", self.delete_tag),
            ("Edit &Description…", self.describe_tag),
        ):
            action = menu.addAction(text)
            action.setObjectName(text.replace("&", "").rstrip("…").lower().replace(" ", "-"))
            action.triggered.connect(lambda _=False, s=slot: s(tag))

    def ask(
        self, title: str, label: str, value: str, choices: list[str] | None = None
    ) -> QInputDialog:
        """A one-line question, open (not blocking); ``textValueSelected`` gives the answer."""
        from PySide6.QtWidgets import QInputDialog  # on first use: reader/ui/lazy.py

        dialog = QInputDialog(self._window)
        dialog.setObjectName("set-edit-input")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        if choices is not None:
            dialog.setComboBoxItems(choices)
            dialog.setComboBoxEditable(True)
        dialog.setTextValue(value)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.open()
        return dialog

    def rename_tag(self, tag: str) -> None:
        from reader.authoring.tags import plan_tag_rename

        dialog = self.ask(
            "Rename Tag", f"New name for “{tag}” (the tags inside it move with it):", tag
        )
        dialog.textValueSelected.connect(
            lambda new: self.propose(lambda root: plan_tag_rename(root, tag, new.strip()))
        )

    def merge_tag(self, tag: str) -> None:
        from reader.authoring.tags import plan_tag_merge

        others = [t for t in self.tags() if t != tag]
        dialog = self.ask("Merge Tag", f"Merge “{tag}” into:", "", others)
        dialog.textValueSelected.connect(
            lambda into: self.propose(lambda root: plan_tag_merge(root, tag, into.strip()))
        )

    def delete_tag(self, tag: str) -> None:
        from reader.authoring.tags import plan_tag_delete

        self.propose(lambda root: plan_tag_delete(root, tag))

    def describe_tag(self, tag: str) -> None:
        from reader.authoring.tags import plan_tag_describe

        catalog = self._window.session.catalog
        current = catalog.info.tag_descriptions.get(tag, "") if catalog is not None else ""
        dialog = self.ask("Tag Description", f"Description of “{tag}”:", current)
        dialog.textValueSelected.connect(
            lambda text: self.propose(lambda root: plan_tag_describe(root, tag, text))
        )

    def tags(self) -> list[str]:
        """Every tag of the set and the levels above them, sorted (for Merge Into)."""
        catalog = self._window.session.catalog
        if catalog is None:
            return []
        found = set(catalog.info.tag_descriptions)
        for summary in catalog.summaries():
            found.update(summary.tags)
        levels = {t.rsplit("/", i)[0] for t in found for i in range(t.count("/") + 1)}
        return sorted(found | levels)


def _plan(planner: Planner, root: Path, context: JobContext) -> Plan | str:
    """The plan, or why there is none (TagError, TopicError: the request, not a bug)."""
    context.checkpoint()
    try:
        return planner(root)
    except ValueError as exc:
        return str(exc)
