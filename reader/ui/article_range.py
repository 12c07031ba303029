"""Where the article sits in its source file, set from the source pane beside the editor.

A web page's capture starts with its menus and ends with other headlines; ``source.lines``
keeps the article's lines only, and paragraphs (so locators) are counted within them
(:class:`reader.verify.source_text.SourceText`). A card made with New Card has no range, so
its first paragraph would be ¶6. While a card is edited beside its source, the pane's context
menu on a paragraph offers **Article Starts Here** and **Article Ends Here**: the editor's
``source.lines`` is set (one undoable change) and the pane reads the source again with that
range, so the locators it shows and captures count within it.

The text read with the new range is pinned in the pane under an id of its own: the window's
card view looks the list's card up by its id, and two cards of one id with different ranges
would each make the other's check stale, over and over.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from reader.cards.model import Card
from reader.ui.capture import SourceCapture
from reader.ui.reading.evidence import Evidence
from reader.ui.reading.source_pane import SourcePane
from reader.ui.reading.stand_in import parse_lines

if TYPE_CHECKING:
    from reader.ui.editor.card_editor import CardEditor

LINES_PATH = ("source", "lines")
#: Ends the card's id in the card shown with a range of its own ("id [3-11]").
_TAG = "\u2009["


def range_hint(lines: tuple[int, int], located: bool) -> str:
    """What the line under the source says once the range is set."""
    first, last = lines
    hint = (
        f"The article is lines {first}–{last} of the file: paragraphs are counted from "
        f"line {first}."
    )
    if located:
        hint += " Locators captured before are counted from the old start: check them."
    return hint


def _located(data: Any) -> bool:
    """Whether the card being edited has items with locators (counted from the old range)."""
    if not isinstance(data, dict):
        return False
    lists = (data.get(key) for key in ("argument", "quotes", "recommendations"))
    return any(
        isinstance(item, dict) and item.get("where")
        for items in lists
        if isinstance(items, list)
        for item in items
    )


class ArticleRange(QObject):
    def __init__(
        self, parent: QObject, pane: SourcePane, evidence: Evidence, capture: SourceCapture
    ) -> None:
        super().__init__(parent)
        self._pane, self._evidence, self._capture = pane, evidence, capture
        #: The card shown with the range chosen, while its source is read again.
        self._ranged: Card | None = None
        self._watched: CardEditor | None = None  # the editor whose changes are followed
        self.start_action = QAction("Article Starts Here", self)
        self.start_action.setToolTip("Count the card's paragraphs from this one (source.lines)")
        self.start_action.triggered.connect(lambda: self.set_bound(start=True))
        self.end_action = QAction("Article Ends Here", self)
        self.end_action.setToolTip("Leave out what follows this paragraph (source.lines)")
        self.end_action.triggered.connect(lambda: self.set_bound(start=False))
        pane.view.set_paragraph_actions([self.start_action, self.end_action])
        evidence.checked.connect(self._on_checked)
        self.show_how(False)

    def show_how(self, editing: bool) -> None:
        """The commands are offered only while a card is edited beside its source."""
        self.start_action.setVisible(editing)
        self.end_action.setVisible(editing)

    def set_bound(self, *, start: bool) -> tuple[int, int] | None:
        """The paragraph right-clicked starts (or ends) the article; the range set, or None
        when nothing is edited beside the source."""
        editor, shown = self._capture.editing(), self._pane.evidence
        paragraph = self._pane.view.context_paragraph
        if editor is None or shown is None or shown.source is None or paragraph is None:
            return None
        paragraphs = shown.source.paragraphs
        first, last = paragraphs[0].lines[0], paragraphs[-1].lines[1]
        if start:
            first = paragraph.lines[0]
        else:
            last = paragraph.lines[1]
        if first <= 0 or last < first:
            return None
        if editor is not self._watched:  # undo, redo or typing in the field: read it again
            editor.form.data_changed.connect(self._on_edited)
            self._watched = editor
        if not editor.set_value(LINES_PATH, f"{first}-{last}"):
            return None
        self._show(shown.card, (first, last))
        self._pane.set_editing_hint(range_hint((first, last), _located(editor.form.value())))
        return first, last

    def _show(self, card: Card, lines: tuple[int, int] | None) -> None:
        """Show ``card``'s source read within ``lines`` (None: the whole file), under an id of
        its own (see the module's docstring)."""
        original_id = card.id.split(_TAG, 1)[0]
        self._ranged = replace(
            card,
            id=f"{original_id}{_TAG}{lines[0]}-{lines[1]}]" if lines else f"{original_id}{_TAG}]",
            source=replace(card.source, lines=lines),
        )
        self._pane.pin(self._evidence.lookup(self._ranged))

    def _on_edited(self) -> None:
        """The range in the editor changed otherwise (undone, typed): follow it."""
        ranged, editor = self._ranged, self._capture.editing()
        if ranged is None or editor is None:
            return
        data = editor.form.value()
        source = data.get("source") if isinstance(data, dict) else None
        lines = parse_lines(source.get("lines") if isinstance(source, dict) else None)
        if lines != ranged.source.lines:
            self._show(ranged, lines)

    def _on_checked(self, card_id: str) -> None:
        """The source has been read with the new range: show it (if still editing)."""
        ranged = self._ranged
        if ranged is None:
            return
        if self._capture.editing() is None:
            self._ranged = None
            return
        if card_id != ranged.id:
            # Sources are checked one at a time, and a newer request replaces the one under
            # way: another card's check (the window's own card) may have replaced this one's.
            # Now that it is done, ask again (answered from the cache if it was done).
            self._evidence.lookup(ranged)
            return
        self._pane.pin(self._evidence.lookup(ranged))
