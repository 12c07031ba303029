"""The history of set-wide changes: a ``QUndoStack`` whose steps are written off the UI thread.

A tag on every card of a big set means thousands of files, each written by temporary file,
fsync and rename: far too long to hold the window still. So applying a plan, undoing it and
redoing it are jobs (:mod:`reader.app.jobs`); the stack moves only once the files are written,
and one write runs at a time (a second request while one runs is turned down, not queued
behind a step that may fail). A step whose files changed on disk since (by hand, a
``git pull``) is refused with nothing written, said so, and dropped from the stack rather than
overwriting that change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoStack

from reader.app.jobs import JobContext, JobFailure, JobRunner

if TYPE_CHECKING:
    from reader.authoring.plan import Plan

#: What to do once a write ends: given why it was refused, or None when it was done.
After = Callable[[str | None], None]


class PlanCommand(QUndoCommand):
    """One applied plan on the stack. Its files are written by :class:`SetHistory` before
    the stack moves, so ``undo``/``redo`` write only when the stack is moved another way."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(plan.title)
        self.plan = plan
        self.written = True  # pushed after the plan was applied

    def redo(self) -> None:
        if not self.written:
            self.plan.apply()
        self.written = False

    def undo(self) -> None:
        if not self.written:
            self.plan.inverse().apply()
        self.written = False


class SetHistory(QObject):
    """Applies plans and keeps them undoable; :attr:`done` and :attr:`refused` say how each
    write ended."""

    #: A line for the status bar (done) or a refusal to show (``refused``).
    done = Signal(str)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.stack.setObjectName("set-edits")
        self._writes = JobRunner("set-write", self)
        self._writes.finished.connect(self._written)
        self._writes.failed.connect(self._write_failed)
        self._after: After | None = None

    @property
    def busy(self) -> bool:
        return self._writes.running is not None

    def apply(self, plan: Plan) -> bool:
        """Write ``plan``, then put it on the stack (False: a write is under way already)."""

        def after(refusal: str | None) -> None:
            if refusal is not None:
                self.refused.emit(f"{plan.title}: nothing was changed, {refusal}")
                return
            self.stack.push(PlanCommand(plan))
            self.done.emit(f"{plan.title}: done (Undo takes it back)")

        return self._write(plan, after)

    def undo(self) -> bool:
        index = self.stack.index()
        command = self.stack.command(index - 1) if index > 0 else None
        if not isinstance(command, PlanCommand):
            return False
        return self._write(command.plan.inverse(), partial(self._moved, command, self.stack.undo))

    def redo(self) -> bool:
        index = self.stack.index()
        command = self.stack.command(index) if index < self.stack.count() else None
        if not isinstance(command, PlanCommand):
            return False
        return self._write(command.plan, partial(self._moved, command, self.stack.redo))

    def _moved(self, command: PlanCommand, move: Callable[[], None], refusal: str | None) -> None:
        command.written = True
        if refusal is not None:
            self.refused.emit(f"{command.plan.title}: not undone or redone, {refusal}")
            command.setObsolete(True)  # the stack drops it as it moves past it
        move()

    def _write(self, plan: Plan, after: After) -> bool:
        if self.busy:
            return False
        self._after = after
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._writes.start(plan, partial(_apply, plan))
        return True

    def _written(self, _plan: object, refusal: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        after, self._after = self._after, None
        if after is not None:
            after(refusal if isinstance(refusal, str) else None)

    def _write_failed(self, _plan: object, failure: object) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._after = None
        assert isinstance(failure, JobFailure)
        self.refused.emit(f"The change could not be written: {failure.message}")


def _apply(plan: Plan, context: JobContext) -> str | None:
    """Write the plan; why not, when a file changed on disk or cannot be written."""
    # Not imported with the window (~5 ms of start-up); loaded by now, with the plan, so on
    # this job's thread the import only looks it up.
    from reader.authoring.plan import PlanConflictError

    context.checkpoint()
    try:
        plan.apply()
    except (PlanConflictError, OSError) as exc:
        return str(exc)
    return None
