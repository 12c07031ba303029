"""File > Export to PDF… and File > Print…, as parts the main window plugs in.

The window gives a :class:`PdfExport` a function that says what it is showing (an
:class:`ExportContext`) and connects two actions::

    export = PdfExport(window, settings.store, window_context)
    commands.export_pdf.triggered.connect(export.export_pdf)
    commands.print.triggered.connect(export.print_preview)
    export.exported.connect(lambda path, pages: status.showMessage(...))

Export asks what to export (the whole set, the current filter, the selected cards or the
current comparison), the paper and the index, then where; it renders in a worker thread
behind a progress dialog that can be cancelled, writes atomically (a cancel leaves nothing),
and opens the file on request. Print… shows Qt's print preview of the same layout. Choices
persist in the QSettings the window passes in.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLocale,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QThread,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.side_by_side import MAX_COMPARE, MIN_COMPARE
from reader.cards.catalog import Catalog
from reader.cards.query import Query, fold
from reader.export.book import PAGE_SIZES, BookRequest, SelectionError, select
from reader.export.progress import ExportCancelledError, Progress

if TYPE_CHECKING:
    from reader.export.pdf import ExportResult

#: Renders a book to a file: :func:`reader.export.pdf.export_pdf`. The window imports the PDF
#: pipeline (pypdf included, a seventh of its start-up) only when an export is asked for.
ExportFunction = Callable[[BookRequest, Path, Callable[[Progress], None]], "ExportResult"]


class Scope(Enum):
    WHOLE_SET = "set"
    FILTER = "filter"
    SELECTION = "selection"
    COMPARISON = "comparison"


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What the window shows when the reader asks for a PDF."""

    catalog: Catalog
    #: The filter of the card list (an empty Query when nothing is filtered).
    query: Query = field(default_factory=Query)
    #: Ids of the cards selected in the list.
    selected: Sequence[str] = ()
    #: Ids of the cards in the open comparison (2–4), or none.
    comparison: Sequence[str] = ()
    #: What the window is showing, offered first (and printed by Print…); None: the dialog's
    #: own order (comparison, selection, filter, whole set).
    prefer: Scope | None = None


@dataclass(frozen=True, slots=True)
class ExportChoice:
    scope: Scope
    page_size: str
    index: bool
    comparison_pages: bool
    open_after: bool


def _plural(n: int) -> str:
    return f"{n} card" if n == 1 else f"{n} cards"


class ExportOptionsDialog(QDialog):
    """What to put in the PDF; remembers the paper, index and opening choices."""

    def __init__(
        self, context: ExportContext, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export to PDF")
        self.setAccessibleName("Export to PDF options")
        self._settings = settings
        total = len(context.catalog.summaries())
        shown = len(context.catalog.matching(context.query))
        comparing = MIN_COMPARE <= len(context.comparison) <= MAX_COMPARE

        scope_box = QGroupBox("Cards", self)
        scope_layout = QVBoxLayout(scope_box)
        self._scopes = QButtonGroup(self)
        self._buttons: dict[Scope, QRadioButton] = {}
        filter_text = context.query.describe()
        entries = [
            (Scope.WHOLE_SET, f"The whole set ({_plural(total)})", total > 0),
            (
                Scope.FILTER,
                f"The current filter: {filter_text} ({_plural(shown)})",
                not context.query.is_empty() and shown > 0,
            ),
            (
                Scope.SELECTION,
                f"The selected cards ({_plural(len(context.selected))})",
                bool(context.selected),
            ),
            (
                Scope.COMPARISON,
                f"The current comparison ({_plural(len(context.comparison))}, with its "
                "side-by-side page)",
                comparing,
            ),
        ]
        for scope, text, enabled in entries:
            button = QRadioButton(text, scope_box)
            button.setAccessibleName(text)
            button.setEnabled(enabled)
            self._scopes.addButton(button)
            self._buttons[scope] = button
            scope_layout.addWidget(button)
        preferred = [Scope.COMPARISON, Scope.SELECTION, Scope.FILTER, Scope.WHOLE_SET]
        if len(context.selected) < 2:
            preferred.remove(Scope.SELECTION)
            preferred.insert(2, Scope.SELECTION)
        if context.prefer is not None:
            preferred.insert(0, context.prefer)
        first = next((s for s in preferred if self._buttons[s].isEnabled()), Scope.WHOLE_SET)
        self._buttons[first].setChecked(True)

        self.page_size = QComboBox(self)
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setAccessibleName("Paper size")
        self.page_size.setCurrentText(_saved_paper(settings))
        self.index = QCheckBox("Index of tags at the end", self)
        self.index.setAccessibleName("Index of tags")
        self.index.setChecked(_flag(settings, "export/index", True))
        self.comparison_pages = QCheckBox(
            "Comparison pages: topic matrix, recommendations by addressee, timeline", self
        )
        self.comparison_pages.setAccessibleName("Comparison pages")
        self.comparison_pages.setChecked(_flag(settings, "export/comparison", True))
        self.open_after = QCheckBox("Open the PDF when it is written", self)
        self.open_after.setAccessibleName("Open the PDF when it is written")
        self.open_after.setChecked(_flag(settings, "export/openAfter", True))

        form = QFormLayout()
        paper_label = QLabel("&Paper:", self)
        paper_label.setBuddy(self.page_size)
        form.addRow(paper_label, self.page_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Export…")
        ok.setAccessibleName("Export")
        ok.setEnabled(total > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addLayout(form)
        for box in (self.index, self.comparison_pages, self.open_after):
            layout.addWidget(box)
        layout.addWidget(buttons)

    def scope_button(self, scope: Scope) -> QRadioButton:
        return self._buttons[scope]

    def choice(self) -> ExportChoice:
        scope = next(s for s, b in self._buttons.items() if b.isChecked())
        return ExportChoice(
            scope,
            self.page_size.currentText(),
            self.index.isChecked(),
            self.comparison_pages.isChecked(),
            self.open_after.isChecked(),
        )

    def accept(self) -> None:
        store = self._settings
        store.setValue("export/pageSize", self.page_size.currentText())
        store.setValue("export/index", self.index.isChecked())
        store.setValue("export/comparison", self.comparison_pages.isChecked())
        store.setValue("export/openAfter", self.open_after.isChecked())
        super().accept()


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() == "true"


def _saved_paper(settings: QSettings) -> str:
    """The paper last chosen, else the locale's; one of :data:`PAGE_SIZES`."""
    saved = str(settings.value("export/pageSize", _default_paper()))
    return saved if saved in PAGE_SIZES else "A4"


def _default_paper() -> str:
    # Where US measures are the custom, Letter is the paper in the printer.
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"


def request_for(context: ExportContext, choice: ExportChoice, exported: datetime) -> BookRequest:
    """The book the choice describes, built on the UI thread (the catalog belongs to it)."""
    query, compare_ids = Query(), tuple(context.comparison)
    if choice.scope is Scope.FILTER:
        query = context.query
    elif choice.scope is Scope.SELECTION:
        query = Query(card_ids=frozenset(context.selected))
    elif choice.scope is Scope.COMPARISON:
        query = Query(card_ids=frozenset(context.comparison))
    if choice.scope is not Scope.COMPARISON:
        compare_ids = ()
    return select(
        context.catalog,
        query,
        compare_ids=compare_ids,
        exported=exported,
        page_size=choice.page_size,
        index=choice.index,
        comparison=choice.comparison_pages,
    )


def suggested_name(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return f"{slug or 'briefing'}.pdf"


class ExportWorker(QObject):
    """Renders and writes one PDF in a worker thread; touches no widget."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: BookRequest, target: Path, export: ExportFunction) -> None:
        super().__init__()
        self._request = request
        self._target = target
        self._export = export
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the export stops at its next step and writes nothing."""
        self._stop.set()

    def _report(self, progress: Progress) -> None:
        if self._stop.is_set():
            raise ExportCancelledError
        self.progressed.emit(progress.done, progress.total, progress.label)

    @Slot()
    def run(self) -> None:
        try:
            result = self._export(self._request, self._target, self._report)
        except ExportCancelledError:
            self.cancelled.emit()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.failed.emit(f"Could not write {self._target}: {reason}. Nothing was written.")
        except Exception as exc:  # a bug must not leave the thread and dialog hanging
            self.failed.emit(f"The export failed: {exc}. Nothing was written.")
        else:
            self.succeeded.emit(result)


PathChooser = Callable[[QWidget, Path], Path | None]
FileOpener = Callable[[Path], object]


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
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None
        self._open_after = False
        self.options: ExportOptionsDialog | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.preview: QPrintPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None

    # --- Export to PDF -------------------------------------------------------------------

    @Slot()
    def export_pdf(self) -> None:
        """Ask, then export; returns at once, the work goes on in a worker thread."""
        if self.busy:
            return
        context = self._context()
        self.options = ExportOptionsDialog(context, self._settings, self._window)
        self.options.accepted.connect(lambda: self._chosen(context))
        self.options.open()

    def _chosen(self, context: ExportContext) -> None:
        assert self.options is not None
        choice = self.options.choice()
        try:
            request = request_for(context, choice, self._clock())
        except SelectionError as exc:
            self._show_failure(f"Nothing to export: {exc}.")
            return
        folder = Path(
            str(
                self._settings.value(
                    "export/folder",
                    QStandardPaths.writableLocation(
                        QStandardPaths.StandardLocation.DocumentsLocation
                    ),
                )
            )
        )
        target = self._choose_path(self._window, folder / suggested_name(request.info.title))
        if target is None:
            return
        self._settings.setValue("export/folder", str(target.parent))
        self.start(request, target, open_after=choice.open_after)

    def start(self, request: BookRequest, target: Path, *, open_after: bool) -> None:
        """Render ``request`` to ``target`` in a worker thread behind a progress dialog."""
        progress = QProgressDialog("Preparing the PDF…", "Cancel", 0, 0, self._window)
        progress.setWindowTitle("Export to PDF")
        progress.setAccessibleName("Export progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        # Imported here, on the UI thread: the worker thread must not import (see loading.py).
        from reader.export.pdf import export_pdf

        thread = QThread(self)
        worker = ExportWorker(request, target, export_pdf)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._progressed)
        self._open_after = open_after
        # Bound slots of this UI-thread object, never lambdas: a lambda has no thread and
        # would run in the worker's, touching widgets there.
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._show_failure)
        for signal in (worker.succeeded, worker.failed, worker.cancelled):
            signal.connect(thread.quit)
        thread.finished.connect(self._cleanup)
        # Not worker.cancel directly: the worker's thread is busy rendering and would only
        # run a queued call once the export is over. The flag is safe to set from here.
        progress.canceled.connect(self.cancel)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"{label[:70]}{'…' if len(label) > 70 else ''}")

    @Slot(object)
    def _succeeded(self, result: ExportResult) -> None:
        if self._open_after:
            self._open_file(result.path)
        self.exported.emit(str(result.path), result.pages)

    @Slot(str)
    def _show_failure(self, message: str) -> None:
        self.failed.emit(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Export to PDF", message, parent=self._window)
        box.setAccessibleName("Export failed")
        self.message = box
        box.open()

    @Slot()
    def _cleanup(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self._worker is not None:
            self._worker.deleteLater()
        if self._thread is not None:
            self._thread.deleteLater()
        self._worker = None
        self._thread = None

    # --- Print ---------------------------------------------------------------------------

    @Slot()
    def print_preview(self) -> None:
        """Qt's print preview of the cards shown, laid out exactly as the PDF export does.

        The cards shown are the filter's, or what the context prefers (the comparison on
        screen, the selected cards).
        """
        context = self._context()
        choice = ExportChoice(
            context.prefer or Scope.FILTER,
            _saved_paper(self._settings),
            _flag(self._settings, "export/index", True),
            _flag(self._settings, "export/comparison", True),
            open_after=False,
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
