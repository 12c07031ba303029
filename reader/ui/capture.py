"""Capture from the source pane into the card editor: *Add Selection as Quote* (the words
selected, verbatim, with their locator) and a paragraph clicked while a locator field of the
editor has the focus (its locator; shift-click: the range from the paragraph clicked before).

Clicking the source takes the keyboard focus from the editor; the editor remembers its
locator field (:meth:`CardEditor.wants_locator`), and this module notes that the focus came
straight from the editor (:meth:`SourceCapture._on_focus`), so that a paragraph clicked after
visiting the list or the card fills nothing. The editor gives the focus back to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import Shiboken

from reader.ui.actions import key_text
from reader.ui.commands import Actions
from reader.ui.commands.conditions import NOT_EDITING
from reader.ui.reading.quote_capture import paragraph_locator, selected_quote
from reader.ui.reading.source_pane import SourcePane
from reader.verify.source_text import Paragraph

if TYPE_CHECKING:
    from reader.ui.editor.card_editor import CardEditor


class SourceCapture(QObject):
    def __init__(
        self, parent: QObject, pane: SourcePane, commands: Actions, root: Callable[[], Path | None]
    ) -> None:
        super().__init__(parent)
        self._root = root
        self._pane = pane
        self._commands = commands
        self._editor: CardEditor | None = None
        #: The editor's field that had the focus just before the source pane took it.
        self._return_to: QWidget | None = None
        #: The paragraph clicked last into a locator: where a shift-click's range starts.
        self._anchor: Paragraph | None = None
        view = pane.view
        view.set_selection_actions([commands.add_quote])
        view.selectionChanged.connect(commands.refresh)
        view.paragraph_clicked.connect(self._on_paragraph)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)

    def follow(self, editor: CardEditor) -> None:
        self._editor = editor

    def show_how(self, editing: bool) -> None:
        """While editing, the line under the source says how to capture from it (nothing
        else in the window does, and the reading hint names the card view's links)."""
        quote = key_text(self._commands.add_quote)
        self._pane.set_editing_hint(
            f"Select words, then right-click › Add Selection as Quote ({quote}); with a Where "
            "field in focus, click a paragraph to fill in its locator (Shift+click: a range)."
            if editing
            else None
        )

    def editing(self) -> CardEditor | None:
        """The editor, while it is shown beside the source of the card it edits (the pane
        shows the list's card: a new card is not in the list until its TODOs are replaced)."""
        editor = self._editor
        if editor is None or not Shiboken.isValid(editor):  # the window is being destroyed
            return None
        evidence, root = self._pane.evidence, self._root()
        if not editor.isVisible() or evidence is None or root is None:
            return None
        path = editor.path()
        shows_its_source = (
            path is not None and path.resolve() == (root / evidence.card.path).resolve()
        )
        return editor if shows_its_source else None

    def reason(self) -> str | None:
        """Why Add Selection as Quote cannot run now (None: it can)."""
        if self.editing() is None:
            return NOT_EDITING
        if selected_quote(self._pane.view) is None:
            return "Select the words to quote in the source pane first."
        return None

    def add_quote(self) -> None:
        editor, captured = self.editing(), selected_quote(self._pane.view)
        if editor is None or captured is None:
            return
        editor.add_quote(captured.text, captured.locator)
        self._commands.refresh()

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """Note the editor's field the focus left for the source pane (a click there takes
        it); any other move forgets it, so a paragraph clicked to read fills nothing."""
        editor = self.editing()
        if editor is None or new is None:
            return
        if editor.isAncestorOf(new):
            self._return_to = new
        elif not self._pane.isAncestorOf(new) or (
            old is not None and not editor.isAncestorOf(old) and not self._pane.isAncestorOf(old)
        ):
            self._return_to = None

    def _on_paragraph(self, paragraph: Paragraph) -> None:
        """A paragraph clicked straight after a locator field had the focus fills it (with
        shift: the range from the paragraph clicked before)."""
        editor = self.editing()
        if editor is None or self._return_to is None or not editor.wants_locator():
            return
        ranged = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        anchor = self._anchor if ranged else None
        editor.fill_locator(paragraph_locator(self._pane.view, anchor, paragraph))
        if not ranged:
            self._anchor = paragraph
