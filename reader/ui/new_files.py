"""File › New Card… and File › New Set…: the dialogs around the editing core's skeletons.

A new card is made from a source text — the one open in the source pane, or one picked — or
blank; the core (:func:`reader.authoring.skeleton.new_card`) gives it ``source.file``, a title,
a unique id made from the title and the required fields, and it opens in the editor. The title
is chosen here from the source's opening lines (a web page's capture opens with menus and
captions), since the id and the file's name are made from it and stay when it is edited later.
Its placeholder text keeps it out of the list until it is replaced (the editor's diagnostics
say which fields are left); once it loads, it is opened in the list as well.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from reader.authoring.files import ChangedOnDiskError, save_atomically
from reader.authoring.skeleton import (
    NewCardError,
    new_card,
    new_set,
    read_source,
    source_title,
    title_candidates,
)
from reader.cards.model import SET_FILE
from reader.ui.reading.file_actions import MESSAGE_MS, card_at

if TYPE_CHECKING:
    from reader.ui.authoring import Authoring
    from reader.ui.main_window import MainWindow

SOURCE_FILTER = "Text files (*.txt *.md);;All files (*)"


class Blank(Enum):
    """The reader asked for a card without a source text."""

    CARD = "blank"


def ask_card_source(parent: QWidget, shown: Path | None, folder: Path) -> Path | Blank | None:
    """Which source text the new card summarises: ``shown`` (the pane's), one picked in
    ``folder``, or none (:attr:`Blank.CARD`); None when the reader cancelled."""
    box = QMessageBox(QMessageBox.Icon.Question, "New Card", "", parent=parent)
    box.setText("Which source text does the new card summarise?")
    box.setInformativeText(
        "Next you choose its title from the source's opening lines; its id and file name are "
        "made from the title. The fields to fill in are marked TODO."
    )
    use_shown = box.addButton(f"{shown.name}", QMessageBox.ButtonRole.AcceptRole) if shown else None
    pick = box.addButton("Choose a Source Text…", QMessageBox.ButtonRole.ActionRole)
    blank = box.addButton("Blank Card", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if use_shown is not None and clicked is use_shown:
        return shown
    if clicked is blank:
        return Blank.CARD
    if clicked is pick:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Source Text for the New Card", str(folder), SOURCE_FILTER
        )
        return Path(chosen) if chosen else None
    return None


def ask_card_title(parent: QWidget, text: str) -> str | None:
    """The new card's title: one of the source's opening lines (the likeliest offered first),
    edited or typed; None when the reader cancelled."""
    likely = source_title(text)
    candidates = title_candidates(text)
    if likely is not None:
        candidates = [likely, *(line for line in candidates if line != likely)]
    title, ok = QInputDialog.getItem(
        parent,
        "New Card",
        "The card's title (its id and file name are made from it); edit it if need be:",
        candidates,
        0,
        True,
    )
    return (title.strip() or None) if ok else None


def ask_set_folder(parent: QWidget, start: Path) -> Path | None:
    """A folder for a new set (the dialog can make one); None when cancelled."""
    folder = QFileDialog.getExistingDirectory(
        parent, "New Card Set: Choose or Make a Folder", str(start)
    )
    return Path(folder) if folder else None


class NewFiles(QObject):
    def __init__(self, authoring: Authoring, window: MainWindow) -> None:
        super().__init__(authoring)
        self._authoring = authoring
        self._window = window
        #: A new card not yet read into the list: opened there once it is.
        self._pending: Path | None = None
        window.session.catalog_changed.connect(self._open_pending)

    def new_card(self) -> None:
        w = self._window
        catalog = w.session.catalog
        if catalog is None:
            w.status.showMessage("Open a set first, or make one with New Set…", MESSAGE_MS)
            return
        evidence = w.sources.pane.evidence
        shown = evidence.status.path if evidence is not None and evidence.source else None
        folders = [f for f in w.sources.evidence.folders() if f.is_dir()]
        answer = ask_card_source(w, shown, folders[-1] if folders else catalog.root)
        if answer is None:
            return
        source = None if isinstance(answer, Blank) else answer
        try:
            title = ask_card_title(w, read_source(source)) if source is not None else None
            if source is not None and title is None:
                return
            taken = [summary.id for summary in catalog.summaries()]
            path, text = new_card(source, catalog.root, None, taken, title)
            save_atomically(path, text, expected="")  # never over a file
        except (NewCardError, ChangedOnDiskError, OSError) as exc:
            w.status.showMessage(f"The new card could not be written: {exc}", 10000)
            return
        self._pending = path
        self._authoring.edit_card(path)
        w.status.showMessage(f"New card {path.name}: replace the text marked TODO", MESSAGE_MS)

    def _open_pending(self) -> None:
        catalog, path = self._window.session.catalog, self._pending
        if catalog is None or path is None:
            return
        card = card_at(catalog, path)
        if card is not None:
            self._pending = None
            self._window.session.open_card(card.id)

    def new_set(self) -> None:
        w = self._window
        start = w.session.catalog.root.parent if w.session.catalog else Path.home()
        folder = ask_set_folder(w, start)
        if folder is None:
            return
        if not (folder / SET_FILE).exists():
            try:
                new_set(folder, folder.name)
            except OSError as exc:
                w.status.showMessage(f"The set could not be made: {exc}", 10000)
                return
        w.open_set(folder)
