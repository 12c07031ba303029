"""Export Table… in the topic matrix, the recommendations and the timeline.

Writes the rows of the view on screen — the cards it shows, as the workspace filled it
(:meth:`~reader.ui.compare.workspace.ComparisonWorkspace.shown_cards`) — in the format of the
file type chosen (:mod:`reader.ui.compare.table_dialog`): the same rows ``briefing-reader
table <view>`` writes for the same filter, since both are
:data:`reader.analysis.tables.TABLES` of ``catalog.analysed`` of those cards. The dialog
opens in the last export's folder or the reader's Documents folder (the PDF export's
:func:`~reader.ui.export.folder.export_folder`) with a name such as
"Mali – topic matrix.csv", and remembers the format and the BOM choice.

The writing is a job (:mod:`reader.app.table_export`) on its own runner: thousands of cards
take seconds to read and lay out. Success is a status-bar message naming the file and the
row count; a failure or a refused target (a card, the set file, a source text) a message
box in words, and nothing written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from reader.analysis.tables import TABLES
from reader.app.jobs import JobFailure, JobRunner
from reader.app.table_export import (
    TableRefused,
    TableRequest,
    TableWritten,
    load_writer,
    table_job,
)
from reader.cards.wording import plural
from reader.export.tables import TableFormat
from reader.ui.compare.pane import SetWideView
from reader.ui.compare.table_dialog import TableChoice, ask_for_table
from reader.ui.export.folder import export_folder

if TYPE_CHECKING:
    from reader.ui.compare.workspace import ComparisonWorkspace

#: Asks where and how to save: (parent, suggested path, format, BOM) -> choice or None.
TableChooser = Callable[[QWidget, Path, TableFormat, bool], TableChoice | None]
#: Each table's name in file names and messages.
VIEW_NAMES = {"matrix": "topic matrix", "ledger": "recommendations", "timeline": "timeline"}
#: How long the status bar shows the outcome.
MESSAGE_MS = 10000
#: Characters no file name may hold on some system, and control characters.
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_name(title: str, view: str, fmt: TableFormat) -> str:
    """ "Mali and Wagner – topic matrix.csv": the set's title as the reader knows it, made
    safe for any file system."""
    safe = " ".join(UNSAFE.sub(" ", title).split()).strip(". ") or "Briefing"
    return f"{safe} – {VIEW_NAMES[view]}{fmt.suffix}"


class TableExport(QObject):
    """Export Table… for one comparison workspace (see the module documentation)."""

    def __init__(
        self, workspace: ComparisonWorkspace, *, choose: TableChooser = ask_for_table
    ) -> None:
        super().__init__(workspace)
        self._workspace = workspace
        #: Asks where to save; tests put their answer here.
        self.choose = choose
        #: Where the folder, format and BOM choices persist (the window's settings).
        self.store: QSettings | None = None
        self._jobs = JobRunner("table-export", self)
        self._jobs.progressed.connect(self._progressed)
        self._jobs.finished.connect(self._finished)
        self._jobs.failed.connect(self._failed)
        self._jobs.stopped.connect(lambda _key: self._refresh())
        self.message: QMessageBox | None = None
        workspace.view_changed.connect(self._refresh)

    @property
    def busy(self) -> bool:
        return self._jobs.running is not None

    def unavailable_reason(self) -> str | None:
        """Why Export Table… cannot run now (None: it can)."""
        kind = self._workspace.current_kind()
        if kind is None or kind.value not in TABLES:
            return "Only the topic matrix, the recommendations and the timeline are tables"
        if self.busy:
            return "A table is being exported"
        return None

    def export_current(self) -> None:
        """Ask where, then write the view on screen's rows there, in the background."""
        kind = self._workspace.current_kind()
        if kind is None or self.unavailable_reason() is not None:
            return
        view, shown = self._workspace.view(kind), self._workspace.shown_cards(kind)
        if shown is None or (isinstance(view, SetWideView) and view.loading):
            self._say("The view is still being worked out: export its table once it shows")
            return
        catalog, card_ids = shown
        if not card_ids:
            self._say("The view shows no cards: there is no table to export")
            return
        fmt, bom = self._saved_format(), self._saved_flag("export/table_bom")
        folder = export_folder(self.store) if self.store is not None else Path.home()
        suggestion = folder / suggested_name(catalog.info.title, kind.value, fmt)
        choice = self.choose(self._workspace, suggestion, fmt, bom)
        if choice is None:
            return
        self._remember(choice)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # openpyxl: 0.3 s, once
        try:
            load_writer(choice.fmt)
        finally:
            QApplication.restoreOverrideCursor()
        request = TableRequest(catalog, kind.value, card_ids, choice.fmt, choice.path, choice.bom)
        self._jobs.start(kind.value, table_job(request))
        self._refresh()

    def shutdown(self) -> None:
        """Stop an export under way (it writes nothing); never waits for it."""
        self._jobs.shutdown()

    # -- internals ------------------------------------------------------------------------

    def _progressed(self, view: object, done: int, total: int, label: str) -> None:
        """Where the export is, until the outcome replaces it: the matrix of 10,000 cards
        as XLSX takes 12 s."""
        doing = label or f"{done:,} of {plural(total, 'card')} read"
        self._say(f"Exporting the {VIEW_NAMES.get(str(view), 'table')}: {doing}…", 0)

    def _finished(self, view: object, outcome: TableWritten | TableRefused) -> None:
        self._refresh()
        if isinstance(outcome, TableRefused):
            self._fail(outcome.message)
            return
        name = VIEW_NAMES.get(str(view), "table")
        self._say(
            f"Exported {plural(outcome.rows, 'row')} of the {name} "
            f"({plural(outcome.cards, 'card')}) to {outcome.path}"
        )

    def _failed(self, _view: object, failure: JobFailure) -> None:
        self._refresh()
        self._fail(f"The table could not be exported: {failure.error}. Nothing was written.")

    def _fail(self, message: str) -> None:
        self._say(message)
        if self.message is not None:
            self.message.deleteLater()  # the last failure's, read and closed
        box = QMessageBox(QMessageBox.Icon.Warning, "Export Table", message, parent=self._workspace)
        box.setAccessibleName("Export failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names files
        self.message = box
        box.open()

    def _say(self, text: str, ms: int = MESSAGE_MS) -> None:
        """Show ``text`` in the window's status bar for ``ms`` (0: until replaced); a
        workspace on its own has none."""
        window = self._workspace.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, ms)

    def _refresh(self) -> None:
        self._workspace.commands.refresh()

    def _saved_format(self) -> TableFormat:
        value = str(self.store.value("export/table_format", "")) if self.store is not None else ""
        return next((f for f in TableFormat if f.value == value), TableFormat.CSV)

    def _saved_flag(self, key: str) -> bool:
        return self.store is not None and str(self.store.value(key, "false")).lower() == "true"

    def _remember(self, choice: TableChoice) -> None:
        if self.store is not None:
            self.store.setValue("export/folder", str(choice.path.parent))
            self.store.setValue("export/table_format", choice.fmt.value)
            self.store.setValue("export/table_bom", choice.bom)
