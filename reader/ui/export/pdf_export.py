"""File > Export to PDF… and File > Print…, as a part the main window plugs in.

The window gives a :class:`PdfExport` a function that says what it is showing (an
:class:`~reader.app.export_request.ExportContext`) and connects two actions::

    export = PdfExport(window, settings.store, window_context)
    commands.export_pdf.triggered.connect(export.export_pdf)
    commands.print.triggered.connect(export.print_preview)
    export.exported.connect(lambda path, pages: status.showMessage(...))

Export asks what to export (:class:`~reader.ui.export.dialog.ExportOptionsDialog`), then
where; then a job (:func:`reader.app.export_request.export_job`) reads the cards, renders and
writes atomically in the background, behind a progress dialog that can cancel it (a cancel
leaves nothing), and opens the file on request. The window stays responsive throughout:
nothing of the export runs on the UI thread but the dialogs. Print… shows Qt's print preview
of the same layout. Choices persist in the QSettings the window passes in.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from reader.app.export_request import (
    ExportChoice,
    ExportContext,
    ExportRefused,
    Scope,
    export_job,
    request_for,
)
from reader.app.jobs import JobFailure, JobRunner
from reader.cards.query import fold
from reader.export.book import SelectionError
from reader.ui.export.dialog import ExportOptionsDialog, saved_flag, saved_paper
from reader.ui.export.folder import export_folder

if TYPE_CHECKING:
    from reader.export.pdf import ExportResult

PathChooser = Callable[[QWidget, Path], Path | None]
FileOpener = Callable[[Path], object]


def suggested_name(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return f"{slug or 'briefing'}.pdf"


def ask_for_path(parent: QWidget, suggestion: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export to PDF", str(suggestion), "PDF documents (*.pdf)"
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfExport(QObject):
    """Export to PDF… and Print… for one window (see the module documentation)."""

    #: The path written and its page count.
    exported = Signal(str, int)
    #: A message for the reader: the export could not be written.
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        settings: QSettings,
        context: Callable[[], ExportContext],
        *,
        choose_path: PathChooser = ask_for_path,
        open_file: FileOpener = open_in_viewer,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC).replace(microsecond=0),
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._settings = settings
        self._context = context
        self._choose_path = choose_path
        self._open_file = open_file
        self._clock = clock
        self._jobs = JobRunner("export", self)
        self._jobs.progressed.connect(self._progressed)
        self._jobs.finished.connect(self._finished)
        self._jobs.failed.connect(self._failed)
        self._jobs.stopped.connect(self._cleanup)
        self._busy = False
        self._open_after = False
        self.options: ExportOptionsDialog | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.preview: QPrintPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        """An export is under way (or cancelled and not yet stopped)."""
        return self._busy

    def shutdown(self) -> None:
        """Cancel an export under way (it writes nothing); never waits for it."""
        self._jobs.shutdown()

    # --- Export to PDF -------------------------------------------------------------------

    @Slot()
    def export_pdf(self) -> None:
        """Ask, then export; returns at once, the work goes on in the background."""
        if self.busy:
            return
        # The PDF pipeline (pypdf included) is imported on the UI thread, since a job's thread
        # must not import (reader.app.jobs): now, with the dialog, rather than on Export….
        importlib.import_module("reader.export.pdf")
        context = self._context()
        self.options = ExportOptionsDialog(context, self._settings, self._window)
        self.options.accepted.connect(lambda: self._chosen(context))
        self.options.open()

    def _chosen(self, context: ExportContext) -> None:
        assert self.options is not None
        choice = self.options.choice()
        folder = export_folder(self._settings)
        suggestion = folder / suggested_name(context.catalog.info.title)
        target = self._choose_path(self._window, suggestion)
        if target is None:
            return
        self._settings.setValue("export/folder", str(target.parent))
        self.start(context, choice, target)

    def start(self, context: ExportContext, choice: ExportChoice, target: Path) -> None:
        """Export ``choice`` of ``context`` to ``target`` in the background, behind a progress
        dialog."""
        progress = QProgressDialog("Preparing the PDF…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle("Export to PDF")
        progress.setAccessibleName("Export progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self._open_after = choice.open_after
        self._busy = True
        from reader.export.pdf import export_pdf  # on the UI thread (export_pdf() did already)

        self._jobs.start("export", export_job(context, choice, self._clock(), target, export_pdf))

    @Slot()
    def cancel(self) -> None:
        """Stop the export at its next step; it writes nothing. Returns at once."""
        self._jobs.cancel()

    def _progressed(self, _key: object, done: int, total: int, label: str) -> None:
        progress = self.progress
        if progress is None:
            return
        progress.setMaximum(total)
        progress.setLabelText(f"{label[:70]}{'…' if len(label) > 70 else ''}")
        # Last: a window-modal dialog's setValue runs pending events, the export's end among
        # them, which closes the dialog and lets it go.
        progress.setValue(done)

    def _finished(self, _key: object, outcome: ExportResult | ExportRefused) -> None:
        self._cleanup()
        if isinstance(outcome, ExportRefused):
            self._show_failure(outcome.message)
            return
        if self._open_after:
            self._open_file(outcome.path)
        self.exported.emit(str(outcome.path), outcome.pages)

    def _failed(self, _key: object, failure: JobFailure) -> None:
        self._cleanup()
        self._show_failure(f"The export failed: {failure.error}. Nothing was written.")

    def _show_failure(self, message: str) -> None:
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Export to PDF", message, parent=self._window)
        box.setAccessibleName("Export failed")
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names files and cards
        self.message = box
        box.open()

    def _cleanup(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    # --- Print ---------------------------------------------------------------------------

    @Slot()
    def print_preview(self) -> None:
        """Qt's print preview of the cards shown, laid out exactly as the PDF export does.

        The cards shown are the filter's, or what the context prefers (the comparison on
        screen, the selected cards). Unlike the export this works on the UI thread: Qt's
        preview paints its pages there, which dwarfs reading the cards.
        """
        context = self._context()
        choice = ExportChoice(
            context.prefer or Scope.FILTER,
            saved_paper(self._settings),
            saved_flag(self._settings, "export/index", True),
            saved_flag(self._settings, "export/comparison", True),
            open_after=False,
            evidence=saved_flag(self._settings, "export/evidence", False),
        )
        try:
            request = request_for(context, choice, self._clock())
        except SelectionError as exc:
            self._show_failure(f"Nothing to print: {exc}.")
            return
        from reader.export.pdf import page_size_of, print_book

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(request.info.title)
        printer.setPageSize(page_size_of(request.page_size))
        dialog = QPrintPreviewDialog(printer, self._window)
        dialog.setWindowTitle("Print Preview")
        dialog.setAccessibleName("Print preview")
        # The preview paints on the UI thread; the paper is whatever its page setup says.
        dialog.paintRequested.connect(lambda device: print_book(request, device))
        dialog.finished.connect(lambda _: setattr(self, "preview", None))
        self.preview = dialog
        dialog.open()
