"""Drafts offered back: unsaved edits a crash or a kill left behind, found once the first set
has loaded at start-up (on the turn after it is listed), each offered in turn (Restore into
the editor, or Discard; Later keeps it for the next start).
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton

from reader.app.loading import Snapshot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.authoring import Authoring
    from reader.ui.editor.drafts import Draft
    from reader.ui.main_window import MainWindow


def age(saved: float, now: float) -> str:
    """How long ago a draft was kept, in words."""
    minutes = max(0, int(now - saved) // 60)
    if minutes < 1:
        return "less than a minute ago"
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    hours = minutes // 60
    return f"{hours} hours ago" if hours < 48 else f"{hours // 24} days ago"


class DraftOffer(QObject):
    def __init__(self, authoring: Authoring, window: MainWindow) -> None:
        super().__init__(authoring)
        self._authoring = authoring
        self._window = window
        self._queue: list[Draft] = []
        #: The offer on screen (kept for the tests to answer).
        self.box: QMessageBox | None = None
        window.sets.ready.connect(self._on_ready)

    def _on_ready(self, snapshot: Snapshot, _fresh: bool) -> None:
        if not snapshot.final:
            return
        self._window.sets.ready.disconnect(self._on_ready)  # once, at start-up
        # On the next turn: after the window has listed the set (its handler comes later),
        # so the drafts' module and their folder are no part of the first paint.
        QTimer.singleShot(0, self, self._look)

    def _look(self) -> None:
        from reader.ui.editor.drafts import pending_drafts

        self._queue = pending_drafts()
        self._offer_next()

    def _offer_next(self) -> None:
        if not self._queue:
            self.box = None
            return
        draft = self._queue.pop(0)
        from PySide6.QtWidgets import QMessageBox  # on first use: reader/ui/lazy.py

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Unsaved Edits Found",
            f"Edits to {draft.card_path.name} were not saved when Briefing Reader last "
            f"closed (kept {age(draft.saved, time.time())}).",
            parent=self._window,
        )
        box.setObjectName("draftOffer")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        box.setInformativeText(f"{draft.card_path}\nRestore them into the editor?")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)

        def chosen(button: QAbstractButton) -> None:
            if button is restore:
                self._authoring.restore_draft(draft)
            elif button is discard:
                with contextlib.suppress(OSError):
                    draft.file.unlink()
            self._offer_next()

        box.buttonClicked.connect(chosen)
        box.finished.connect(box.deleteLater)
        self.box = box
        box.open()
