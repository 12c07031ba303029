"""Authoring in the window: the card editor beside the source pane, and the ways to a card's
file (Edit Card, the external editor, its folder and path, a problem double-clicked).

The editor is a third page of the window's content stack (after the card view and the
comparison views), inside the reading splitter, so it sits where the card was with the source
pane beside it. Leaving it — Close, Escape, another card opened, the window closed — goes
through :meth:`CardEditor.maybe_close`, which asks about unsaved changes. Saving writes the
file; the set's live reload then shows the change in the list. Capture from the source pane
(a selection as a quote, a paragraph clicked into a locator field) is
:class:`reader.ui.capture.SourceCapture`; new cards and sets are
:class:`reader.ui.new_files.NewFiles`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt

from reader.cards.positions import PathKey
from reader.cards.problems import Problem
from reader.ui.commands.conditions import NOT_EDITING
from reader.ui.draft_offer import DraftOffer
from reader.ui.reading.file_actions import MESSAGE_MS, FileActions, card_at, field_at

if TYPE_CHECKING:
    from reader.cards.model import Card
    from reader.ui.article_range import ArticleRange
    from reader.ui.capture import SourceCapture
    from reader.ui.editor.card_editor import CardEditor
    from reader.ui.editor.drafts import Draft
    from reader.ui.main_window import MainWindow
    from reader.ui.new_files import NewFiles

#: The editor's share of the reading splitter, the source pane having the rest: a form of
#: labelled boxes needs more width than the source's running text.
EDITOR_SHARE = 0.58


def _same(a: Path | None, b: Path | None) -> bool:
    """Whether two paths name one file (the set's root is resolved, the editor's path not)."""
    return a is not None and b is not None and a.resolve() == b.resolve()


class Authoring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.files: FileActions = FileActions(window.settings, window)
        self.files.message.connect(window.status.timed(MESSAGE_MS))
        self.files.edit_requested.connect(self.edit_at_line)
        window.problems.problem_chosen.connect(self.open_problem)
        #: Made when first asked for: its form is built from the card schema.
        self.editor: CardEditor | None = None
        self._sidebar_shown = True  # before the editor hid it
        #: The card edited, while it does not load (a new card): its source is pinned.
        self._stand_in: Card | None = None
        #: The list's open card when the editor was shown: a reload keeps it, and only
        #: another card opened leaves the editor (a new card is in no list to be opened).
        self._beside: str | None = None
        window.sources.evidence.checked.connect(self._on_checked)
        #: Capture and the article's range work on the source pane: made with it.
        self._capture: SourceCapture | None = None
        self._article: ArticleRange | None = None
        window.sources.pane_made.connect(self._pane_parts)
        if window.sources.made_pane is not None:
            self._pane_parts()
        self._new_files: NewFiles | None = None  # made on first use, as the editor is
        self.drafts: DraftOffer = DraftOffer(self, window)
        window.session.current_changed.connect(self._on_current)
        window.session.catalog_changed.connect(self._on_catalog)
        window.installEventFilter(self)  # the window's close asks about unsaved changes

    def _pane_parts(self) -> tuple[SourceCapture, ArticleRange]:
        """The capture into the editor and the article's range, which work on the source
        pane: made with it (the pane first, if it has not been), their modules with them."""
        pane = self._window.sources.pane
        if self._capture is None or self._article is None:
            from reader.ui.article_range import ArticleRange
            from reader.ui.capture import SourceCapture

            w = self._window
            self._capture = SourceCapture(self, pane, w.commands, lambda: w.sets.root)
            self._article = ArticleRange(self, pane, w.sources.evidence, self._capture)
            if self.editor is not None:
                self._capture.follow(self.editor)
        return self._capture, self._article

    @property
    def capture(self) -> SourceCapture:
        """Capture from the source pane into the editor (made with the pane)."""
        return self._pane_parts()[0]

    @property
    def article(self) -> ArticleRange:
        """The article's range in its source file, set from the pane (made with the pane)."""
        return self._pane_parts()[1]

    def quote_reason(self) -> str | None:
        """Why Add Selection as Quote cannot run now (None: it can); without a source pane
        nothing is edited beside its source, and asking makes no pane."""
        return NOT_EDITING if self._capture is None else self._capture.reason()

    @property
    def new_files(self) -> NewFiles:
        """New Card… and New Set…, made when first asked for: their dialogs and the card
        skeletons are no part of the first paint (tests/ui/test_startup_imports.py)."""
        if self._new_files is None:
            from reader.ui.new_files import NewFiles

            self._new_files = NewFiles(self, self._window)
        return self._new_files

    # -- the card's file --------------------------------------------------------------------

    def card_path(self) -> Path | None:
        """The open card's file."""
        session = self._window.session
        summary = session.summary(session.current_id) if session.current_id else None
        if summary is None or session.catalog is None:
            return None
        return session.catalog.root / summary.path

    def open_external(self) -> None:
        if (path := self.card_path()) is not None:
            self.files.open_external(path)

    def reveal_file(self) -> None:
        if (path := self.card_path()) is not None:
            self.files.reveal(path)

    def copy_path(self) -> None:
        if (path := self.card_path()) is not None:
            self.files.copy_path(path)

    def open_problem(self, path: Path, problem: Problem) -> None:
        """A problem double-clicked: its file at its line, in the editor the preference says
        (the external one offers the built-in editor if it cannot open the file)."""
        if self._window.settings.problems_open_externally:
            self.files.open_external(path, problem.line)
        else:
            self.edit_at_line(path, problem.line)

    def edit_at_line(self, path: Path, line: int) -> None:
        catalog = self._window.session.catalog
        card = card_at(catalog, path) if catalog is not None else None
        self.edit_card(path, field=field_at(card, line) if card is not None else None)

    def preferences(self) -> None:
        from reader.ui.preferences_dialog import PreferencesDialog  # on first use

        PreferencesDialog(self._window.settings, self._window).exec()

    # -- the editor ---------------------------------------------------------------------------

    def _editor(self) -> CardEditor:
        if self.editor is None:
            # Imported here, when a card is first edited: the editor's form and its fields
            # are not part of the first paint (tests/ui/test_startup_imports.py).
            from reader.ui.editor.card_editor import CardEditor

            w = self._window
            editor = self.editor = CardEditor(w.settings, w.content)
            w.content.addWidget(editor)
            editor.saved.connect(self._on_saved)
            editor.closed.connect(self._on_closed)
            editor.checked.connect(self._on_verdict)
            self.capture.follow(editor)
        return self.editor

    def editing(self) -> bool:
        """Whether the editor is the page shown."""
        return self.editor is not None and self._window.content.currentWidget() is self.editor

    def edit_card(self, path: Path | None = None, *, field: PathKey | None = None) -> None:
        """Open ``path`` (the open card's file when None) in the editor, at ``field``, beside
        its source; the file edited before is closed first (which may ask)."""
        w = self._window
        path = path or self.card_path()
        if path is None:
            w.status.showMessage("Open a card first", MESSAGE_MS)
            return
        editor = self._editor()
        same = _same(editor.path(), path)
        if editor.path() is not None and not same and not editor.maybe_close():
            return
        if not same or field is not None:
            editor.set_context(w.session.catalog)
            editor.open_file(path, field=field)
        self._show(path)

    def restore_draft(self, draft: Draft) -> None:
        """Unsaved edits kept from an earlier run, back in the editor (not saved yet)."""
        editor = self._editor()
        if editor.path() is not None and not editor.maybe_close():
            return
        editor.set_context(self._window.session.catalog)
        editor.restore_draft(draft)
        self._show(draft.card_path)

    def _show(self, path: Path) -> None:
        """The editor in place of the card, and the card's source beside it."""
        w, editor = self._window, self._editor()
        w.comparisons.show_reading()
        card = card_at(w.session.catalog, path) if w.session.catalog is not None else None
        if card is not None:
            w.session.open_card(card.id)  # the source pane shows its source
        self._beside = w.session.current_id
        self.capture.show_how(True)
        self.article.show_how(True)
        w.problems.edited = path  # its errors are at its fields: no panel over the editor
        self._follow_source(path, card)
        if not self.editing():  # the tag tree steps aside: the form and the source need room
            self._sidebar_shown = w.sidebar.isVisible()
            w.sidebar.hide()
            splitter = w.sources.splitter
            if w.sources.pane.isVisible():
                total = sum(splitter.sizes())
                splitter.setSizes([int(total * EDITOR_SHARE), total - int(total * EDITOR_SHARE)])
        w.content.setCurrentWidget(editor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._on_verdict()
        w.commands.refresh()

    def _follow_source(self, path: Path, card: Card | None) -> None:
        """The source pane beside the editor shows the edited card's source: the list's card
        when it loads, else (a new card) a stand-in's, pinned in the pane."""
        w = self._window
        root = w.sets.root
        from reader.ui.reading.stand_in import stand_in  # a new card's, while editing

        self._stand_in = stand_in(path, root) if card is None and root is not None else None
        if self._stand_in is None:
            w.sources.pane.pin(None)
        else:
            w.sources.pane.pin(w.sources.evidence.lookup(self._stand_in))
        shown = card or self._stand_in
        if shown is not None and shown.source.file:
            w.sources.set_open(True)

    def _on_verdict(self) -> None:
        """The status bar counts the edited file as the editor does (N8), by its path in the
        set, as the set's problems name it."""
        editor, w = self.editor, self._window
        path = editor.path() if editor is not None else None
        if editor is None or path is None or not self.editing():
            return
        catalog = w.session.catalog
        root = catalog.root.absolute() if catalog is not None else None
        inside = root is not None and path.absolute().is_relative_to(root)
        rel = path.absolute().relative_to(root).as_posix() if inside and root else path.name
        w.status.show_editing(rel, editor.verdict.problems)

    def _on_saved(self, path: Path) -> None:
        self._window.status.showMessage(f"Saved {path.name}", MESSAGE_MS)
        if self._stand_in is not None:  # its source.file may have been changed
            self._follow_source(path, None)

    def _on_checked(self, card_id: str) -> None:
        """The stand-in's source has been read: show it."""
        if self._stand_in is not None and card_id == self._stand_in.id:
            self._window.sources.pane.pin(self._window.sources.evidence.lookup(self._stand_in))

    def close_editor(self) -> bool:
        """Back to the card (asking about unsaved changes); whether the editor has gone."""
        if self.editor is None or not self.editing():
            return True
        self.editor.request_close()  # emits closed unless the reader chose to stay
        return not self.editing()

    def _on_closed(self) -> None:
        w = self._window
        self._stand_in = None
        w.sources.pane.pin(None)
        self.capture.show_how(False)
        self.article.show_how(False)
        w.problems.edited = None
        w.status.show_editing(None)
        if self.editing():
            w.content.setCurrentWidget(w.card_view)
            w.sidebar.setVisible(self._sidebar_shown)
            w.card_view.setFocus(Qt.FocusReason.OtherFocusReason)
        w.commands.refresh()

    def escape(self) -> bool:
        """Escape while editing closes the editor (asking first); whether it was editing."""
        if not self.editing():
            return False
        self.close_editor()
        return True

    def _on_current(self) -> None:
        """Another card opened while editing: leave the editor (asking), or stay on its card."""
        if not self.editing() or self.editor is None:
            return
        current = self._window.session.current_id
        if _same(self.card_path(), self.editor.path()):
            self._beside = current
            if self._stand_in is not None:  # the new card now loads: the list's card it is
                self._stand_in = None
                self._window.sources.pane.pin(None)
            return
        if current is None or current == self._beside:  # the set reloaded (a save, a new file)
            return
        if self.close_editor():
            return
        w, path = self._window, self.editor.path()
        card = card_at(w.session.catalog, path) if w.session.catalog and path else None
        if card is not None:
            w.session.open_card(card.id)
        else:  # a new card stays in the editor beside the card the reader went to
            self._beside = current

    def _on_catalog(self) -> None:
        if self.editor is not None:
            self.editor.set_context(self._window.session.catalog)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Close
            and self.editor is not None
            and not self.editor.maybe_close()
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)
