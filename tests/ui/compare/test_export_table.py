"""Export Table… in the window: the rows of the matrix, ledger or timeline on screen, to a file.

The save dialog is replaced by an answer (``TableExport.choose``) except in the dialog's own
tests; the files are read back as a spreadsheet program would (csv, openpyxl, json).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.analysis.tables import TABLES
from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.cli import main
from reader.export.tables import TableFormat
from reader.ui.compare.table_dialog import TableChoice, TableSaveDialog
from reader.ui.compare.workspace import ViewKind
from reader.ui.main_window import MainWindow
from tests.ui.conftest import CRISIS_GROUP, SANCTIONS, MakeWindow, save_window

Asked = list[tuple[Path, TableFormat, bool]]


def export(qtbot: QtBot, window: MainWindow, choice: TableChoice | None) -> Asked:
    """Trigger Export Table… answering the dialog with ``choice``; wait for the outcome.
    Returns what the dialog was offered (the suggested file, format and BOM)."""
    asked: Asked = []

    def choose(_parent: QWidget, suggestion: Path, fmt: TableFormat, bom: bool) -> TableChoice:
        asked.append((suggestion, fmt, bom))
        assert choice is not None
        return choice

    window.workspace.tables.choose = choose
    said.clear()
    window.statusBar().messageChanged.connect(said.append)
    window.workspace.commands.export_table.trigger()
    qtbot.waitUntil(lambda: not window.workspace.tables.busy)
    window.statusBar().messageChanged.disconnect(said.append)
    return asked


#: What the status bar said during the last :func:`export`.
said: list[str] = []


def expected(root: Path, view: str, ids: Sequence[str]) -> list[list[str]]:
    """The view's table as the analysis makes it from the parsed cards (not the index)."""
    catalog = MemoryCatalog(load_set(root))
    table = TABLES[view](catalog.analysed(ids), catalog.info)
    return [list(table.headers), *(list(row) for row in table.rows)]


def test_each_view_exports_the_rows_it_shows(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, tmp_path: Path
) -> None:
    window = make_window(card_set)
    every = window.session.matched
    title = window.session.catalog.info.title  # type: ignore[union-attr]

    window.comparisons.show_matrix()
    action = window.workspace.commands.export_table
    buttons = window.workspace.findChildren(QToolButton)
    assert any(b.defaultAction() is action and b.isVisible() for b in buttons)  # beside the tabs
    target = tmp_path / "matrix.csv"
    asked = export(qtbot, window, TableChoice(target, TableFormat.CSV, bom=True))
    suggestion, fmt, bom = asked[0]
    assert suggestion.name == f"{title} – topic matrix.csv"
    assert (fmt, bom) == (TableFormat.CSV, False)  # the first time: CSV, no BOM
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM asked for
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == expected(card_set, "matrix", every)
    shown = f"Exported {len(rows) - 1} rows of the topic matrix (3 cards) to {target}"
    assert window.statusBar().currentMessage() == shown
    assert f"Exporting the topic matrix: writing {len(rows) - 1} rows…" in said  # meanwhile

    window.comparisons.show_ledger()
    target = tmp_path / "ledger.xlsx"
    asked = export(qtbot, window, TableChoice(target, TableFormat.XLSX, bom=False))
    assert asked[0] == (tmp_path / f"{title} – recommendations.csv", TableFormat.CSV, True)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert values == expected(card_set, "ledger", every)

    window.comparisons.show_timeline()
    target = tmp_path / "timeline.json"
    asked = export(qtbot, window, TableChoice(target, TableFormat.JSON, bom=False))
    assert asked[0][0].name == f"{title} – timeline.xlsx"  # the last format chosen
    headers, *rows = expected(card_set, "timeline", every)
    assert json.loads(target.read_text(encoding="utf-8")) == [
        dict(zip(headers, row, strict=True)) for row in rows
    ]

    # The compare view is no table: the command says so.
    window.workspace.compare([CRISIS_GROUP, SANCTIONS])
    assert window.workspace.current_kind() is ViewKind.COMPARE
    assert not action.isEnabled()
    assert "topic matrix" in action.toolTip()


def test_a_filtered_view_exports_its_cards_as_the_command_line_does(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, tmp_path: Path
) -> None:
    window = make_window(card_set)
    window.comparisons.show_matrix()
    window.session.set_query(Query(include_tags=("actor/us-treasury",)))
    assert window.session.matched == [SANCTIONS]
    ours = tmp_path / "window.md"
    export(qtbot, window, TableChoice(ours, TableFormat.MARKDOWN, bom=False))
    assert "(1 card)" in window.statusBar().currentMessage()

    theirs = tmp_path / "cli.md"
    args = ["table", "matrix", str(card_set), "--tag", "actor/us-treasury", "--format", "markdown"]
    assert main([*args, "-o", str(theirs)]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    assert SANCTIONS in ours.read_text(encoding="utf-8")
    assert "mali-wagner" not in ours.read_text(encoding="utf-8")


def test_a_card_of_the_set_is_never_the_target(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.comparisons.show_timeline()
    card = card_set / f"{SANCTIONS}.yaml"
    before = card.read_bytes()
    export(qtbot, window, TableChoice(card, TableFormat.CSV, bom=False))
    message = window.statusBar().currentMessage()
    assert "it is a card of the set being exported" in message
    assert message.endswith("Nothing was written.")
    box = window.workspace.tables.message
    assert box is not None
    assert box.isVisible()
    assert box.text() == message
    box.close()
    assert card.read_bytes() == before

    missing = card_set / "gone" / "t.csv"  # a folder that is not there: said, not raised
    export(qtbot, window, TableChoice(missing, TableFormat.CSV, bom=False))
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Could not write {missing}: ")
    assert message.endswith(". Nothing was written.")
    assert "Traceback" not in message


def test_a_view_still_being_worked_out_is_not_exported_yet(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    window = make_window(card_set)
    window.workspace.background_from = 1  # every view is a job
    window.comparisons.show_ledger()  # its job's result has not arrived yet
    window.workspace.tables.choose = lambda *_: pytest.fail("no dialog while it loads")
    window.workspace.commands.export_table.trigger()
    assert "still being worked out" in window.statusBar().currentMessage()


def test_the_dialog_offers_the_formats_and_the_bom_for_csv_and_tsv(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = TableSaveDialog(None, tmp_path / "Mali – topic matrix.csv", TableFormat.CSV, False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.bom.isEnabled()
    dialog.bom.click()
    types = next(c for c in dialog.findChildren(QComboBox) if c.count() == 5)
    qtbot.keyClick(types, Qt.Key.Key_End)  # the last: "Excel workbook"
    assert types.currentText() == "Excel workbook (*.xlsx)"
    assert not dialog.bom.isEnabled()  # no BOM in a workbook
    assert Path(dialog.selectedFiles()[0]).name == "Mali – topic matrix.xlsx"
    dialog.selectFile("notes")  # typed without a suffix
    dialog.accept()
    assert dialog.choice() == TableChoice(tmp_path / "notes.xlsx", TableFormat.XLSX, bom=False)


@pytest.mark.screenshots
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_screenshots_of_the_command_and_the_dialog(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path, shots: Path, mode: PaletteMode
) -> None:
    window = make_window(card_set)
    window.appearance.set_palette_mode(mode)
    window.comparisons.show_matrix()
    for width, height in ((1280, 800), (1024, 700)):
        window.resize(width, height)
        qtbot.wait(20)
        save_window(window, shots, f"{mode.value}-export-table-{width}")
    suggestion = shots / "Mali – topic matrix.csv"
    dialog = TableSaveDialog(window, suggestion, TableFormat.CSV, True)
    dialog.show()
    qtbot.waitExposed(dialog)
    path = shots / f"{mode.value}-export-table-dialog.png"
    assert dialog.grab().save(str(path))
    print(path)
    dialog.reject()
