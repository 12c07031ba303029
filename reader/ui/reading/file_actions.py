"""Reaching a card's file from the window: the external editor, its folder, its path.

Opening a file elsewhere can fail in ways the window cannot see coming (no editor named and
no application registered for ``.yaml``, an editor uninstalled); it then says so in a message
that offers the built-in editor and the path, never silence (UX review, finding #11).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QWidget

from reader.app.settings import Settings
from reader.cards.catalog import Catalog
from reader.cards.positions import PathKey

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from reader.cards.model import Card

#: How long a status line of these actions stays.
MESSAGE_MS = 5000
EDIT_HERE = "Edit in Briefing Reader"


def field_at(card: Card, line: int) -> PathKey | None:
    """The most precise field of ``card`` written on ``line`` (or the last one before it):
    where a problem reported at that line is fixed."""
    best: tuple[tuple[int, int, int], PathKey] | None = None
    for path, (at_line, column) in card.positions.items():
        if not path or at_line > line:
            continue
        key = (at_line, len(path), -column)
        if best is None or key > best[0]:
            best = (key, path)
    return best[1] if best is not None else None


def card_at(catalog: Catalog, path: Path) -> Card | None:
    """The loaded card whose file is ``path`` (None: not a card of the list, e.g. one with
    errors, or the set file)."""
    try:
        relative = path.resolve().relative_to(catalog.root.resolve()).as_posix()
    except ValueError:
        return None
    for summary in catalog.summaries():
        if summary.path == relative:
            return catalog.card(summary.id)
    return None


class FileActions(QObject):
    #: A line for the status bar.
    message = Signal(str)
    #: The reader chose the built-in editor for a file the external one could not open:
    #: the path and the line to go to.
    edit_requested = Signal(Path, int)

    def __init__(self, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self._settings = settings
        self._window = window
        #: The message shown when a file could not be opened (kept for the tests to answer).
        self.failure: QMessageBox | None = None

    def open_external(self, path: Path, line: int = 1) -> bool:
        """Open ``path`` at ``line`` in the external editor; on failure, say why and offer the
        built-in editor. Whether it was opened."""
        why = self._launch(path, line)
        if why is None:
            self.message.emit(f"Opened {path.name} in the external editor")
            return True
        self._offer_built_in(path, line, why)
        return False

    def _launch(self, path: Path, line: int) -> str | None:
        # The editor's command line is read when a file is first opened, not at start-up.
        from reader.app.external_editor import TemplateError, default_template, editor_argv, launch

        template = self._settings.external_editor or default_template()
        if template:
            try:
                return launch(editor_argv(template, path, line))
            except TemplateError as exc:
                return str(exc)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return None
        return f"no application is set to open {path.suffix or 'these'} files"

    def _offer_built_in(self, path: Path, line: int, why: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # on first use: reader/ui/lazy.py

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Cannot Open the File",
            f"{path.name} could not be opened: {why}.",
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("openFailed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        box.setInformativeText(
            "Edit it in Briefing Reader instead, or copy its path. The external editor is "
            "chosen in Edit › Preferences…."
        )
        edit = box.addButton(EDIT_HERE, QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Copy Path", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(edit)

        def chosen(button: QAbstractButton) -> None:
            if button is edit:
                self.edit_requested.emit(path, line)
            elif button is copy:
                self.copy_path(path)

        box.buttonClicked.connect(chosen)
        box.finished.connect(box.deleteLater)
        self.failure = box
        box.open()

    def reveal(self, path: Path) -> None:
        """Open the folder holding ``path``. The folder only: the freedesktop opener
        (``xdg-open``, behind ``QDesktopServices``) has no way to select a file in it."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            self.message.emit(f"Opened the folder {path.parent}")
        else:
            self.message.emit(f"No file manager could open {path.parent}; its path is copied")
            QGuiApplication.clipboard().setText(str(path.parent))

    def copy_path(self, path: Path) -> None:
        QGuiApplication.clipboard().setText(str(path))
        self.message.emit(f"Copied {path}")
