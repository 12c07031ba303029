"""The status bar: how many cards are shown, what filters them, and how many problems.

Its parts are set apart by thin rules (run together, "tag ecowas 1 of 3 cards" read as one
phrase), and name the filter as the tree and the chips do. A search's "Match 2 of 6 in this
card" goes as soon as it no longer holds: when the search is cleared, or nothing matches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QStatusBar, QStyle, QToolButton, QWidget

from reader.app import parser_gate
from reader.cards.problems import Problem, count
from reader.cards.query import Query
from reader.cards.set_walk import shown_name
from reader.cards.wording import plural
from reader.render.tooltips import safe_tooltip
from reader.ui.labels import PlainLabel
from reader.ui.reading.filter_names import Namer, describe, plain_name
from reader.ui.recent_sets import set_title

#: How long a search's "Match 2 of 6" stays, in milliseconds.
MATCH_MS = 4000


class StatusBar(QStatusBar):
    problems_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setAccessibleName("Status")
        self.shown = PlainLabel(self, accessible_name="Cards shown")
        self.shown.setObjectName("statusShown")
        self.filters = PlainLabel(self, accessible_name="Active filters")
        self.filters.setObjectName("statusFilters")
        self.filters.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.problems = QToolButton(self)
        self.problems.setObjectName("statusProblems")
        self.problems.setAutoRaise(True)
        self.problems.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems.setAccessibleName("Problems")
        self.problems.setToolTip("Show or hide the Problems panel")
        self.problems.clicked.connect(self.problems_clicked)
        self._name: Namer = plain_name
        self._problems: tuple[Problem, ...] = ()
        #: While a card is edited: its file (relative to the set) and the editor's verdict.
        self._editing: tuple[str, tuple[Problem, ...]] | None = None
        self._match = ""
        self._shown_count = 0
        #: The "Loading …" line last shown, which :meth:`name_loading` may name better.
        self._loading = ""
        for label in (self.filters, self.shown):
            label.setContentsMargins(6, 0, 6, 0)
        self._rule = self._separator()
        self.addPermanentWidget(self.filters, 0)
        self.addPermanentWidget(self._rule, 0)
        self.addPermanentWidget(self.shown, 0)
        self.addPermanentWidget(self._separator(), 0)
        self.addPermanentWidget(self.problems, 0)

    def _separator(self) -> QFrame:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.VLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        return rule

    def set_namer(self, name: Namer) -> None:
        """Name filters with ``name`` (the tag tree's names)."""
        self._name = name

    def show_match(self, text: str) -> None:
        """A search's place in the open card; with no card matching at all, says so instead."""
        if not self._shown_count and text.startswith("No match"):
            text = "No card matches the search"
        self._match = text
        self.showMessage(text, MATCH_MS)

    def timed(self, ms: int) -> Callable[[str], None]:
        """A slot that shows its message for ``ms`` milliseconds."""
        return lambda text: self.showMessage(text, ms)

    def show_hover(self, text: str) -> None:
        """A link's address while the pointer is on it; nothing once it leaves."""
        if text:
            self.showMessage(text)
        else:
            self.clearMessage()

    def show_loading(self, folder: str) -> None:
        """The set by its title, as Open Recent names it: not a (maybe temporary) path.

        Until the card parser is ready, by its folder's name: reading the title would import
        YAML, which a window's first load does only after it has listed a warm set (#17 §4).
        The set's first catalog then names it (:meth:`name_loading`).
        """
        path = Path(folder)
        if parser_gate.READY.is_set() and path.is_dir():
            title = set_title(path)
        else:
            title = shown_name(path.name) or folder
        self._loading = f"Loading “{title}”…"
        self.showMessage(self._loading)

    def name_loading(self, title: str) -> None:
        """A catalog's set title, for the "Loading …" line if it is still shown."""
        if self._loading and self.currentMessage() == self._loading:
            self._loading = f"Loading “{title}”…"
            self.showMessage(self._loading)

    def show_failed(self, message: str) -> None:
        self.showMessage(f"Could not load the set: {message}", 15000)

    def show_exported(self, path: str, pages: int) -> None:
        self.showMessage(f"Exported {plural(pages, 'page')} to {path}", 10000)

    def show_loaded(self, cards: int, seconds: float, note: str | None) -> None:
        """A set has loaded; ``note``: what the reader should know (a temporary index, an
        index worker that failed), shown longer."""
        loaded = f"Loaded {cards} cards in {seconds:.2f} s"
        if note:
            self.showMessage(f"{loaded}; note: {note}", 15000)
        else:
            self.showMessage(loaded, 4000)

    def show_results(self, shown: int, total: int, query: Query) -> None:
        self._shown_count = shown
        self.shown.setText(f"{shown:,} of {plural(total, 'card')}")
        described = "" if query.is_empty() else describe(query, self._name)
        self.filters.setText(f"Filter: {described}" if described else "")
        self.filters.setToolTip(safe_tooltip(query.describe()))  # escaped: tags are set text
        self.filters.setAccessibleDescription(query.describe())  # not the tooltip's markup
        self.filters.setVisible(bool(described))
        self._rule.setVisible(bool(described))
        if self._match and (not query.text.strip() or not shown):
            if self.currentMessage() == self._match:
                self.clearMessage()  # it was about a search that is gone
            self._match = ""

    def show_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self._problems = tuple(problems)
        self._show_problems()

    def show_editing(self, path: str | None, problems: Sequence[Problem] = ()) -> None:
        """While the card file ``path`` is edited, its count is the editor's (what a save would
        write), not the file's on disk: "✓ No problems" beside an editor listing 7 errors
        contradicted it (N8). ``None``: editing ended."""
        self._editing = None if path is None else (path, tuple(problems))
        self._show_problems()

    def _show_problems(self) -> None:
        if self._editing is None:
            self._set_count(self._problems, "", self._problems)
            return
        path, editing = self._editing
        others = tuple(p for p in self._problems if p.path != path)
        self._set_count(editing, "Editing: ", editing + others)
        if others:
            errors, warnings = count(others)
            rest = [plural(n, w) for n, w in ((errors, "error"), (warnings, "warning")) if n]
            self.problems.setText(f"{self.problems.text()} · other files: {', '.join(rest)}")
        self.problems.setAccessibleName(f"Problems: {self.problems.text()}")

    def _set_count(
        self, problems: tuple[Problem, ...], prefix: str, all_problems: tuple[Problem, ...]
    ) -> None:
        """``problems`` counted after ``prefix``; the icon is the worst of ``all_problems``."""
        errors, warnings = count(problems)
        worst_errors, worst_warnings = count(all_problems)
        style = self.style()
        if worst_errors:
            self.problems.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
        elif worst_warnings:
            self.problems.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        else:
            self.problems.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        parts = []
        if errors:
            parts.append(plural(errors, "error"))
        if warnings:
            parts.append(plural(warnings, "warning"))
        none = "no problems" if prefix else "No problems"
        self.problems.setText(prefix + (", ".join(parts) if parts else none))
        self.problems.setAccessibleName(f"Problems: {self.problems.text()}")
