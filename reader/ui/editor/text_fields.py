"""Fields holding one piece of text: a line, prose, Markdown with a preview, a choice, a date.

Each shows the value it was given and hands back exactly that value until the user changes
the text, so a card opened and saved untouched is the same data (and the same bytes). A value
of the wrong shape (a list where text belongs) is kept as written and the field is disabled
with a note: the loader reports it, and the file is where it must be fixed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QToolButton,
)

from reader.qt.document import SafeTextDocument
from reader.render import stylesheet
from reader.render.markdown import markdown_to_html
from reader.ui.editor.field_base import FieldEditor, FormHost, Owner
from reader.ui.editor.fields import FieldSpec, Kind
from reader.ui.labels import PlainLabel
from reader.ui.palette import card_theme

#: Lines a prose box shows at least and grows to before it scrolls: enough for a card's
#: longest usual text, so the form scrolls, not a dozen small boxes inside it (P11).
_PROSE_LINES = (2, 30)
_MARKDOWN_LINES = (4, 30)
_PREVIEW_MS = 300


class TextField(FieldEditor):
    """A field typed as text. Subclasses provide the control; this class keeps the value."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        self._original: Any = None
        self._shown = ""

    def text(self) -> str:
        raise NotImplementedError

    def show_text(self, text: str) -> None:
        raise NotImplementedError

    def control(self) -> Any:
        raise NotImplementedError

    def value(self) -> Any:
        text = self.text()
        if text == self._shown or not isinstance(self._original, str | None):
            return self._original
        if text == "" and not self.spec.required:
            return None
        return text

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self._original = value
            foreign = value is not None and not isinstance(value, str)
            self._shown = "" if value is None else str(value)
            self.show_text(self._shown)
            self.control().setEnabled(not foreign)
            if foreign:
                self.show_hint("Written here as something other than text; edit it in the file.")
        finally:
            self._loading = False
        self._last = self.value()

    def restore(self, value: Any) -> None:
        """Show ``value`` from undo/redo while keeping the loaded original to compare with."""
        if value == self._original:
            self.set_value(value)
            return
        self._loading = True
        try:
            self.show_text("" if value is None else str(value))
        finally:
            self._loading = False
        self._last = self.value()

    def focus_control(self) -> None:
        self.control().setFocus(Qt.FocusReason.OtherFocusReason)


#: What an empty locator field says: typed, or picked in the source pane beside the editor
#: (reader.ui.capture), which a reader would not otherwise guess.
LOCATOR_HINT = "¶3 or §II ¶2 — or click its paragraph in the source (Shift+click: a range)"


class LineField(TextField):
    def __init__(
        self, spec: FieldSpec, owner: Owner, host: FormHost, completer: QCompleter | None = None
    ) -> None:
        super().__init__(spec, owner, host)
        self.edit = QLineEdit()
        self.edit.setAccessibleName(spec.title)
        self.edit.setToolTip(spec.description)
        if spec.is_locator:  # the capture from the source pane is found where it is used
            self.edit.setPlaceholderText(LOCATOR_HINT)
            self.edit.setToolTip(f"{spec.description} {LOCATOR_HINT}.")
        if spec.kind is Kind.DATE:
            self.edit.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
            self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0000-00-00") * 2)
        if completer is not None:
            self.edit.setCompleter(completer)
        self.edit.textChanged.connect(self.report_change)
        self.box.addWidget(self.edit)
        self.finish_layout()

    def text(self) -> str:
        return self.edit.text()

    def show_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edit.setCursorPosition(0)  # a long value shows its beginning

    def control(self) -> QLineEdit:
        return self.edit


class ProseEdit(QPlainTextEdit):
    """A plain-text box that grows with its text between a few lines and a dozen."""

    def __init__(self, lines: tuple[int, int]) -> None:
        super().__init__()
        self._lines = lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.textChanged.connect(self._fit)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # lays the text out at the new width first
        self._fit()  # the lines a text wraps into depend on the width it has

    def _lines_needed(self) -> int:
        """The lines the text wraps into at the current width. The plain-text layout lays out
        only the blocks in view, so each block is laid out here first (asking for its
        bounding rectangle does that)."""
        layout = self.document().documentLayout()
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout.blockBoundingRect(block)
            lines += max(1, block.layout().lineCount())
            block = block.next()
        return lines

    def _fit(self) -> None:
        low, high = self._lines
        needed = self._lines_needed()
        shown = max(low, min(high, needed))
        # A scroll bar only when the box stops growing: one that comes and goes would change
        # the width, and with it the lines the text wraps into.
        policy = Qt.ScrollBarPolicy
        self.setVerticalScrollBarPolicy(
            policy.ScrollBarAsNeeded if needed > high else policy.ScrollBarAlwaysOff
        )
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(shown * self.fontMetrics().lineSpacing() + frame + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()


class FittedPreview(QTextBrowser):
    """A read-only view as tall as its text at its width: no scroll box inside the form."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        frame = 2 * self.frameWidth()
        height = int(doc.size().height()) + frame + 2
        if height != self.height():
            self.setFixedHeight(height)


class ProseField(TextField):
    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        markdown = spec.kind is Kind.MARKDOWN
        self.edit = ProseEdit(_MARKDOWN_LINES if markdown else _PROSE_LINES)
        self.edit.setAccessibleName(spec.title)
        self.edit.setToolTip(spec.description)
        self.edit.textChanged.connect(self.report_change)
        self.box.addWidget(self.edit)
        self.preview: FittedPreview | None = None
        if markdown:
            self._add_preview()
        self.finish_layout()

    def _add_preview(self) -> None:
        preview = FittedPreview()
        preview.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        preview.setDocument(SafeTextDocument(preview))
        preview.setOpenLinks(False)
        preview.setAccessibleName(f"{self.spec.title}: preview")
        preview.setToolTip("Preview: the text as the card shows it")
        preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview = preview
        toggle = self.preview_toggle = QToolButton()
        toggle.setText("Preview")
        toggle.setToolTip("Show or hide the text as the card shows it")
        toggle.setCheckable(True)
        toggle.setChecked(False)  # folded: the box above shows the same text already (P11)
        toggle.setAutoRaise(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        toggle.toggled.connect(self._preview_toggled)
        self._timer = QTimer(self, singleShot=True, interval=_PREVIEW_MS)
        self._timer.timeout.connect(self.render_preview)
        self.edit.textChanged.connect(self._timer.start)
        self.box.addWidget(toggle)
        self.box.addWidget(preview)

    def render_preview(self) -> None:
        """Show the text through the card view's own Markdown renderer and style sheet."""
        if self.preview is None:
            return
        theme = card_theme(self.palette())
        doc = self.preview.document()
        doc.setDefaultStyleSheet(stylesheet(theme, self.font().pointSizeF()))
        doc.setHtml(markdown_to_html(self.edit.toPlainText()))
        shown = bool(self.edit.toPlainText().strip())
        self.preview.setVisible(shown and self.preview_toggle.isChecked())
        self.preview_toggle.setVisible(shown)
        if self.preview.isVisible():
            self.preview.fit()

    def _preview_toggled(self, on: bool) -> None:
        self.preview_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.render_preview()

    def show_text(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.render_preview()

    def text(self) -> str:
        return self.edit.toPlainText()

    def control(self) -> QPlainTextEdit:
        return self.edit

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.preview is not None:
            self.render_preview()


class ChoiceField(TextField):
    """An enum: one of the schema's values (or none, for an optional field)."""

    def __init__(self, spec: FieldSpec, owner: Owner, host: FormHost) -> None:
        super().__init__(spec, owner, host)
        self.combo = QComboBox()
        self.combo.setAccessibleName(spec.title)
        self.combo.setToolTip(spec.description)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.addItems(("", *spec.choices) if not spec.required else spec.choices)
        self.combo.currentTextChanged.connect(self.report_change)
        self.box.addWidget(self.combo)
        self.box.setAlignment(self.combo, Qt.AlignmentFlag.AlignLeft)
        #: A constant (the format) as it should be is read, not picked: a label (P12).
        self.fixed = PlainLabel(accessible_name=spec.title)
        self.fixed.setToolTip(spec.description)
        self.fixed.hide()
        self.box.addWidget(self.fixed)
        self.finish_layout()

    def text(self) -> str:
        return self.combo.currentText()

    def show_text(self, text: str) -> None:
        if self.combo.findText(text) < 0:
            self.combo.addItem(text)  # a value outside the list stays visible (and reported)
        self.combo.setCurrentText(text)
        settled = self.spec.kind is Kind.CONSTANT and text in self.spec.choices
        self.fixed.setText(text)
        self.fixed.setVisible(settled)
        self.combo.setVisible(not settled)

    def control(self) -> QComboBox:
        return self.combo
