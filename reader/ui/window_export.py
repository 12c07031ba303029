"""The window's Export to PDF… and Print…, joined to the window only when first used.

This module is the cut between the first window and the PDF export (#17 §4): the window
imports it, and it imports the export — the options dialog, the export request, the book
and what lays it out — inside the functions below, which run on the UI thread when an
export or a print starts (never on a worker thread: see :mod:`reader.app.loading`).
tests/ui/test_startup_imports.py checks that the first window has not imported them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.app.export_request import ExportContext
    from reader.ui.export.pdf_export import PdfExport
    from reader.ui.main_window import MainWindow

#: How long an export's failure stays in the status bar (ms).
FAILURE_MS = 15000


def pdf_export(window: MainWindow) -> PdfExport:
    """The window's export, made and connected to its status bar."""
    from reader.ui.export.pdf_export import PdfExport

    export = PdfExport(window, window.settings.store, window.export_context)
    export.exported.connect(window.status.show_exported)
    export.failed.connect(window.status.timed(FAILURE_MS))
    return export


def shown_context(window: MainWindow) -> ExportContext:
    """What Export to PDF… and Print… start from: what the window is showing."""
    from reader.app.export_scope import shown_context

    s, comparisons = window.session, window.comparisons
    workspace = window.comparison_page.made_workspace  # none made: no comparison to export
    assert s.catalog is not None
    return shown_context(
        s.catalog,
        s.query,
        window.list_pane.selected_ids(),
        workspace.compared_ids() if workspace is not None else [],
        reading=not comparisons.comparing,
        on_compare_view=comparisons.on_compare_view,
        sources=window.sources.evidence.chosen_folder(),
    )
