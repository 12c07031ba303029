"""The export dialog's evidence choice: offered with what it does, remembered, and exported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from reader.app.export_request import ExportContext
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.ui.export.dialog import ExportOptionsDialog
from reader.ui.export.pdf_export import PdfExport
from tests.conftest import DATA


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _press_ok(dialog: ExportOptionsDialog, qtbot: QtBot) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _outline(path: Path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


# The offscreen platform says so whenever a dialog's layout changes its minimum size.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_evidence_choice_is_offered_remembered_and_exported(
    qtbot: QtBot, store: QSettings, tmp_path: Path
) -> None:
    # The set's texts are in a folder the reader chose, outside the set.
    root = tmp_path / "set"
    shutil.copytree(DATA / "evidence", root, ignore=shutil.ignore_patterns("sources"))
    shutil.copytree(DATA / "evidence" / "sources", tmp_path / "texts" / "sources")
    context = ExportContext(MemoryCatalog(load_set(root)), sources=tmp_path / "texts")
    window = QWidget()
    qtbot.addWidget(window)
    target = tmp_path / "book.pdf"
    export = PdfExport(
        window, store, lambda: context, choose_path=lambda *_: target, open_file=lambda _: None
    )
    export.export_pdf()
    dialog = export.options
    assert dialog is not None
    assert dialog.evidence.text() == "Evidence appendix (cited passages)"
    assert "source text" in dialog.evidence.toolTip()
    assert dialog.evidence.isEnabled()
    assert not dialog.evidence.isChecked()  # off until chosen: the book is as it was
    qtbot.mouseClick(dialog.evidence, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(export.exported, timeout=60_000):
        _press_ok(dialog, qtbot)
    assert "Evidence" in _outline(target)
    qtbot.waitUntil(lambda: not export.busy)

    again = ExportOptionsDialog(context, store)
    qtbot.addWidget(again)
    assert again.evidence.isChecked()
    qtbot.mouseClick(again.evidence, Qt.MouseButton.LeftButton)
    _press_ok(again, qtbot)
    assert not again.choice().evidence
    last = ExportOptionsDialog(context, store)
    qtbot.addWidget(last)
    assert not last.evidence.isChecked()
