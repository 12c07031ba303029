"""Where Export to PDF… first offers to save: the reader's Documents folder (or home), never
the folder the program runs in; afterwards the folder of the last export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from reader.app.export_request import ExportContext
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.ui.export.pdf_export import PdfExport
from tests.conftest import SHIPPED_CARDS


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh account: a home folder, Documents only where a test makes it; the program runs
    in another folder (its checkout)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    documents = home / "Documents"

    def writable(location: QStandardPaths.StandardLocation) -> str:
        assert location == QStandardPaths.StandardLocation.DocumentsLocation
        return str(documents)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable))
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    return home


def _first_suggestion(qtbot: QtBot, settings: QSettings) -> Path:
    """The path the save dialog is opened on, after OK in the options (then cancelled)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    asked: list[Path] = []

    def choose(_parent: QWidget, suggestion: Path) -> None:
        asked.append(suggestion)

    context = ExportContext(MemoryCatalog(load_set(SHIPPED_CARDS)))
    export = PdfExport(parent, settings, lambda: context, choose_path=choose)
    export.export_pdf()
    assert export.options is not None
    buttons = export.options.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    return asked[0]


def test_the_first_export_is_offered_in_documents(qtbot: QtBot, home: Path, tmp_path: Path) -> None:
    (home / "Documents").mkdir()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    suggestion = _first_suggestion(qtbot, settings)
    assert suggestion.parent == home / "Documents"
    assert suggestion.name == "mali-russia-and-the-west.pdf"


def test_without_documents_the_home_folder_and_later_the_last_folder(
    qtbot: QtBot, home: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert _first_suggestion(qtbot, settings).parent == home  # not the checkout (cwd)
    briefs = home / "briefs"
    briefs.mkdir()
    settings.setValue("export/folder", str(briefs))
    assert _first_suggestion(qtbot, settings).parent == briefs
    briefs.rmdir()  # a folder since removed: back to home, not a dialog on nothing
    assert _first_suggestion(qtbot, settings).parent == home
