"""Export to PDF… and Print… as a reader uses them: options, progress, cancel, preview."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.app.export_request import ExportContext, Scope
from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.model import Card
from reader.cards.query import Query
from reader.qt.compat import protect_none
from reader.ui.export import pdf_export
from reader.ui.export.dialog import ExportOptionsDialog
from reader.ui.export.pdf_export import PdfExport
from reader.ui.palette import apply_palette
from tests.conftest import SHIPPED_CARDS
from tests.support.synthetic import write_set

protect_none()  # see reader/qtcompat.py: exports make many void calls

SANCTIONS = "mali-sanctions-2023"
LEVERAGE = "mali-wagner-leverage-2021"
ISOLATION = "crisis-group-mali-isolation-2023"
CATALOG = MemoryCatalog(load_set(SHIPPED_CARDS))


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _context(**kwargs: object) -> ExportContext:
    return ExportContext(CATALOG, **kwargs)  # type: ignore[arg-type]


def _press_ok(dialog: ExportOptionsDialog, qtbot: QtBot) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_options_offer_only_what_the_window_has(qtbot: QtBot, store: QSettings) -> None:
    dialog = ExportOptionsDialog(_context(), store)
    qtbot.addWidget(dialog)
    assert dialog.scope_button(Scope.WHOLE_SET).isEnabled()
    assert dialog.scope_button(Scope.WHOLE_SET).isChecked()
    assert "3 cards" in dialog.scope_button(Scope.WHOLE_SET).text()
    for scope in (Scope.FILTER, Scope.SELECTION, Scope.COMPARISON):
        assert not dialog.scope_button(scope).isEnabled()

    busy = _context(
        query=Query(include_tags=("theme/sanctions",)),
        selected=[SANCTIONS],
        comparison=[LEVERAGE, ISOLATION],
    )
    dialog = ExportOptionsDialog(busy, store)
    qtbot.addWidget(dialog)
    assert all(dialog.scope_button(s).isEnabled() for s in Scope)
    assert dialog.scope_button(Scope.COMPARISON).isChecked()
    assert "tag theme/sanctions (2 cards)" in dialog.scope_button(Scope.FILTER).text()


def test_options_are_remembered(qtbot: QtBot, store: QSettings) -> None:
    dialog = ExportOptionsDialog(_context(), store)
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentText("Letter")
    qtbot.mouseClick(dialog.index, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.open_after, Qt.MouseButton.LeftButton)
    _press_ok(dialog, qtbot)
    choice = dialog.choice()
    assert (choice.page_size, choice.index, choice.open_after) == ("Letter", False, False)
    again = ExportOptionsDialog(_context(), store)
    qtbot.addWidget(again)
    assert again.page_size.currentText() == "Letter"
    assert not again.index.isChecked()
    assert not again.open_after.isChecked()
    assert again.comparison_pages.isChecked()


def test_export_the_current_filter_in_the_background_and_open_it(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "wagner.pdf"
    target.parent.mkdir()
    asked: list[Path] = []
    opened: list[Path] = []

    def choose(parent: QWidget, suggestion: Path) -> Path:
        asked.append(suggestion)
        return target

    export = PdfExport(
        window,
        store,
        lambda: _context(query=Query(include_tags=("theme/sanctions",))),
        choose_path=choose,
        open_file=opened.append,
    )
    export.export_pdf()
    assert export.options is not None
    export.options.scope_button(Scope.FILTER).setChecked(True)
    with qtbot.waitSignal(export.exported, timeout=60_000) as done:
        _press_ok(export.options, qtbot)
    path, pages = done.args
    assert Path(path) == target
    assert asked[0].name == "mali-russia-and-the-west.pdf"
    assert opened == [target]
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    titles = [i.title for i in reader.outline if not isinstance(i, list)]
    assert CATALOG.card(SANCTIONS).title in titles  # type: ignore[union-attr]
    assert CATALOG.card(LEVERAGE).title not in titles  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not export.busy)
    assert store.value("export/folder") == str(target.parent)
    assert sorted(p.name for p in target.parent.iterdir()) == ["wagner.pdf"]


def test_cancel_writes_nothing(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path
) -> None:
    root = tmp_path / "big"
    write_set(root, 120, seed=5)
    big = MemoryCatalog(load_set(root))
    out = tmp_path / "out"
    out.mkdir()
    exported: list[object] = []
    export = PdfExport(
        window,
        store,
        lambda: ExportContext(big),
        choose_path=lambda parent, suggestion: out / "big.pdf",
        open_file=lambda path: None,
    )
    export.exported.connect(lambda *args: exported.append(args))
    export.export_pdf()
    assert export.options is not None
    _press_ok(export.options, qtbot)
    assert export.busy
    progress = export.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.isVisible() and progress.value() > 3, timeout=60_000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not export.busy, timeout=60_000)
    assert exported == []
    assert list(out.iterdir()) == []


class ThreadsReading(MemoryCatalog):
    """A catalog that notes the threads its cards are read on."""

    threads: set[threading.Thread]

    def card(self, card_id: str) -> Card | None:
        self.threads.add(threading.current_thread())
        return super().card(card_id)


def test_the_cards_are_read_off_the_ui_thread(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path
) -> None:
    catalog = ThreadsReading(load_set(SHIPPED_CARDS))
    catalog.threads = set()
    export = PdfExport(
        window,
        store,
        lambda: ExportContext(catalog),
        choose_path=lambda parent, suggestion: tmp_path / "book.pdf",
        open_file=lambda path: None,
    )
    export.export_pdf()
    assert export.options is not None
    with qtbot.waitSignal(export.exported, timeout=60_000) as done:
        _press_ok(export.options, qtbot)
    assert done.args[0] == str(tmp_path / "book.pdf")
    assert catalog.threads  # every card of the book was read ...
    assert threading.main_thread() not in catalog.threads  # ... by the export's job
    qtbot.waitUntil(lambda: not export.busy)


def test_a_failed_write_is_reported(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path
) -> None:
    export = PdfExport(
        window,
        store,
        _context,
        choose_path=lambda parent, suggestion: tmp_path / "missing" / "book.pdf",
        open_file=lambda path: None,
    )
    export.export_pdf()
    assert export.options is not None
    with qtbot.waitSignal(export.failed, timeout=60_000) as failed:
        _press_ok(export.options, qtbot)
    assert "Could not write" in failed.args[0]
    assert "Nothing was written" in failed.args[0]
    assert export.message is not None
    assert export.message.isVisible()
    qtbot.waitUntil(lambda: not export.busy)
    export.message.close()


def test_print_preview_shows_the_same_pages_as_the_pdf(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path
) -> None:
    context = _context(query=Query(card_ids=frozenset({SANCTIONS})))
    export = PdfExport(
        window,
        store,
        lambda: context,
        choose_path=lambda parent, suggestion: tmp_path / "same.pdf",
        open_file=lambda path: None,
    )
    export.export_pdf()
    assert export.options is not None
    export.options.scope_button(Scope.FILTER).setChecked(True)
    with qtbot.waitSignal(export.exported, timeout=60_000) as done:
        _press_ok(export.options, qtbot)
    qtbot.waitUntil(lambda: not export.busy)
    export.print_preview()
    assert export.preview is not None
    preview = export.preview.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=60_000)
    assert preview.pageCount() == done.args[1]
    export.preview.close()


@pytest.mark.screenshots
@pytest.mark.parametrize("mode", [PaletteMode.LIGHT, PaletteMode.DARK])
def test_screenshots_of_the_export_dialogs(
    qtbot: QtBot, window: QWidget, store: QSettings, shots: Path, mode: PaletteMode
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_palette(app, mode)
    try:
        context = _context(
            query=Query(include_tags=("theme/sanctions",)),
            selected=[SANCTIONS, LEVERAGE],
            comparison=[LEVERAGE, ISOLATION],
        )
        export = PdfExport(window, store, lambda: context, open_file=lambda path: None)
        export.export_pdf()
        assert export.options is not None
        qtbot.waitExposed(export.options)
        export.options.grab().save(str(shots / f"{mode}-export-options.png"))
        export.options.reject()
        export.print_preview()
        assert export.preview is not None
        export.preview.resize(1000, 760)
        preview = export.preview.findChild(QPrintPreviewWidget)
        assert preview is not None
        qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=60_000)
        export.preview.grab().save(str(shots / f"{mode}-print-preview.png"))
        export.preview.close()
    finally:
        apply_palette(app, PaletteMode.LIGHT)
    print(f"\nexport dialog screenshots in {shots}")


def test_the_export_may_end_while_its_progress_is_being_shown(
    qtbot: QtBot, window: QWidget, store: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended: list[str] = []
    inside: list[bool] = []

    class EndsInside(QProgressDialog):
        """A window-modal progress dialog runs pending events in setValue: here the export's
        end is among them."""

        def setValue(self, value: int) -> None:
            if not ended and not inside:
                inside.append(True)
                qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
                return  # let go of by then (the test's wait deletes what was let go)
            super().setValue(value)

    monkeypatch.setattr(pdf_export, "QProgressDialog", EndsInside)
    export = PdfExport(
        window,
        store,
        _context,
        choose_path=lambda _parent, _suggestion: tmp_path / "all.pdf",
        open_file=lambda _path: None,
    )
    export.exported.connect(lambda path, _pages: ended.append(path))
    export.export_pdf()
    assert export.options is not None
    _press_ok(export.options, qtbot)
    qtbot.waitUntil(lambda: bool(ended) and not export.busy, timeout=60_000)
    assert inside  # the end came inside a progress update
    assert export.progress is None
    assert (tmp_path / "all.pdf").is_file()
