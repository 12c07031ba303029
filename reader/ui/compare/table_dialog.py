"""Export Table…'s save dialog: where, in which format (its file-type filter), and a BOM.

One dialog rather than a save dialog and then an options dialog: the format is the file type
the reader picks, as in every program's Save As, and the only option, "UTF-8 with BOM (for
Excel)", is a checkbox under it that applies to CSV and TSV alone (Excel reads a CSV without
the mark in the system's code page, and mangles every accented name). A checkbox needs Qt's
own dialog: a platform's native one cannot take widgets. Picking another file type changes
the typed name's suffix with it, and a name typed without the type's suffix gets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QGridLayout, QWidget

from reader.export.tables import TableFormat

#: The file types offered, in this order, each as its filter reads.
FILTERS: dict[TableFormat, str] = {
    TableFormat.CSV: "CSV, comma-separated (*.csv)",
    TableFormat.TSV: "TSV, tab-separated (*.tsv)",
    TableFormat.JSON: "JSON (*.json)",
    TableFormat.MARKDOWN: "Markdown table (*.md)",
    TableFormat.XLSX: "Excel workbook (*.xlsx)",
}
#: The formats a byte-order mark applies to.
WITH_BOM = (TableFormat.CSV, TableFormat.TSV)


@dataclass(frozen=True, slots=True)
class TableChoice:
    """What the dialog was told: the file (with its format's suffix), the format, the BOM."""

    path: Path
    fmt: TableFormat
    bom: bool


def format_of(name_filter: str) -> TableFormat:
    """The format a file-type filter stands for (CSV for one the dialog did not offer)."""
    return next((fmt for fmt, text in FILTERS.items() if text == name_filter), TableFormat.CSV)


def with_suffix(path: Path, fmt: TableFormat) -> Path:
    """``path`` ending in ``fmt``'s suffix: added when missing ("notes" → "notes.csv"), as
    the PDF export does, rather than replacing what the reader typed after a dot."""
    return path if path.suffix.lower() == fmt.suffix else path.with_name(path.name + fmt.suffix)


class TableSaveDialog(QFileDialog):
    """Qt's save dialog with the table formats as file types and the BOM checkbox."""

    def __init__(self, parent: QWidget | None, suggestion: Path, fmt: TableFormat, bom: bool):
        super().__init__(parent, "Export Table", str(suggestion.parent))
        self.setAccessibleName("Export table")
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setFileMode(QFileDialog.FileMode.AnyFile)
        self.setNameFilters(list(FILTERS.values()))
        self.selectNameFilter(FILTERS[fmt])
        self.selectFile(suggestion.name)
        self.bom = QCheckBox("UTF-8 with &BOM (for Excel)", self)
        self.bom.setToolTip(
            "Start the file with a byte-order mark, so that Excel reads its accented letters "
            "right; other programs do not need it"
        )
        self.bom.setChecked(bom)
        grid = self.layout()
        if isinstance(grid, QGridLayout):  # Qt's own dialog lays itself out in a grid
            grid.addWidget(self.bom, grid.rowCount(), 0, 1, grid.columnCount())
        self._fmt = fmt
        self.filterSelected.connect(self._on_filter)
        self.bom.setEnabled(fmt in WITH_BOM)

    def _on_filter(self, name_filter: str) -> None:
        """Another file type: the BOM applies or not, and the typed name follows its suffix."""
        old, self._fmt = self._fmt, format_of(name_filter)
        self.bom.setEnabled(self._fmt in WITH_BOM)
        typed = self.selectedFiles()
        if len(typed) == 1 and (path := Path(typed[0])).suffix.lower() == old.suffix:
            self.selectFile(path.with_suffix(self._fmt.suffix).name)

    def choice(self) -> TableChoice | None:
        """What was chosen, once accepted (None: cancelled, or no name)."""
        files = self.selectedFiles()
        if self.result() != QDialog.DialogCode.Accepted or len(files) != 1:
            return None
        fmt = format_of(self.selectedNameFilter())
        bom = self.bom.isChecked() and fmt in WITH_BOM
        return TableChoice(with_suffix(Path(files[0]), fmt), fmt, bom)


def ask_for_table(
    parent: QWidget, suggestion: Path, fmt: TableFormat, bom: bool
) -> TableChoice | None:
    """Ask where to save, starting at ``suggestion`` in ``fmt``; None when cancelled."""
    dialog = TableSaveDialog(parent, suggestion, fmt, bom)
    try:
        dialog.exec()
        return dialog.choice()
    finally:
        dialog.deleteLater()
