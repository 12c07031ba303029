"""The Export to PDF options: which cards, the paper, the index, the evidence, opening the file.

:class:`ExportOptionsDialog` offers only what the window has (a filter, a selection, a
comparison), picks what it is showing first, and remembers the paper, index and opening
choices in the QSettings it is given; :class:`~reader.ui.export.pdf_export.PdfExport` runs
the export it describes.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.compare_rules import MAX_COMPARE, MIN_COMPARE
from reader.app.export_request import ExportChoice, ExportContext, Scope
from reader.cards.wording import plural
from reader.export.book import PAGE_SIZES


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
            (Scope.WHOLE_SET, f"The whole set ({plural(total, 'card')})", total > 0),
            (
                Scope.FILTER,
                f"The current filter: {filter_text} ({plural(shown, 'card')})",
                not context.query.is_empty() and shown > 0,
            ),
            (
                Scope.SELECTION,
                f"The selected cards ({plural(len(context.selected), 'card')})",
                bool(context.selected),
            ),
            (
                Scope.COMPARISON,
                f"The current comparison ({plural(len(context.comparison), 'card')}, with its "
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
        self.page_size.setCurrentText(saved_paper(settings))
        self.index = QCheckBox("Index of tags at the end", self)
        self.index.setAccessibleName("Index of tags")
        self.index.setChecked(saved_flag(settings, "export/index", True))
        self.comparison_pages = QCheckBox(
            "Comparison pages: topic matrix, recommendations by addressee, timeline", self
        )
        self.comparison_pages.setAccessibleName("Comparison pages")
        self.comparison_pages.setChecked(saved_flag(settings, "export/comparison", True))
        # Always offered: which cards have their source text is known only once the cards are
        # read, which the export does in the background, not this dialog.
        self.evidence = QCheckBox("Evidence appendix (cited passages)", self)
        self.evidence.setAccessibleName("Evidence appendix")
        self.evidence.setToolTip(
            "After the comparison pages, the passage each locator of a card cites, taken from "
            "the card's source text; the locators link to them. Cards whose source text is "
            "not found get no entry."
        )
        self.evidence.setChecked(saved_flag(settings, "export/evidence", False))
        self.open_after = QCheckBox("Open the PDF when it is written", self)
        self.open_after.setAccessibleName("Open the PDF when it is written")
        self.open_after.setChecked(saved_flag(settings, "export/openAfter", True))

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
        for box in (self.index, self.comparison_pages, self.evidence, self.open_after):
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
            self.evidence.isChecked(),
        )

    def accept(self) -> None:
        store = self._settings
        store.setValue("export/pageSize", self.page_size.currentText())
        store.setValue("export/index", self.index.isChecked())
        store.setValue("export/comparison", self.comparison_pages.isChecked())
        store.setValue("export/openAfter", self.open_after.isChecked())
        store.setValue("export/evidence", self.evidence.isChecked())
        super().accept()


def saved_flag(settings: QSettings, key: str, default: bool) -> bool:
    """A check box's saved state (QSettings files keep booleans as text)."""
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() == "true"


def saved_paper(settings: QSettings) -> str:
    """The paper last chosen, else the locale's; one of :data:`PAGE_SIZES`."""
    saved = str(settings.value("export/pageSize", _default_paper()))
    return saved if saved in PAGE_SIZES else "A4"


def _default_paper() -> str:
    # Where US measures are the custom, Letter is the paper in the printer.
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if imperial else "A4"
