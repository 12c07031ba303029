"""Edit › Preferences…: the external editor's command, and where a problem opens.

The command is checked as it is typed (an unclosed quote cannot be run) and the dialog says
what an empty box means on this machine: the editor found by itself, or the system's opener.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.app.external_editor import default_template, template_problem
from reader.app.settings import Settings
from reader.ui.labels import MutedLabel

PLACEHOLDERS = (
    "{file} is replaced by the card file, {line} by the line to go to. The command is run "
    "without a shell."
)


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._settings = settings
        self.command = QLineEdit(settings.external_editor, self)
        self.command.setObjectName("externalEditor")
        self.command.setAccessibleName("External editor command")
        found = default_template()
        self.command.setPlaceholderText(found or "the system's opener for .yaml files")
        self.command.setMinimumWidth(380)
        self.problems_external = QCheckBox(
            "Double-clicking a problem opens the external editor at its line", self
        )
        self.problems_external.setObjectName("problemsExternal")
        self.problems_external.setChecked(settings.problems_open_externally)
        help_text = MutedLabel(self, accessible_name="About the command")
        help_text.setWordWrap(True)
        empty = f"“{found}”" if found else "the system's opener (which cannot go to a line)"
        help_text.setText(f"{PLACEHOLDERS} Left empty: {empty}.")
        self.problem = MutedLabel(self, accessible_name="Problem with the command")
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("External editor:", self.command)
        form.addRow("", help_text)
        form.addRow("", self.problem)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problems_external)
        column.addWidget(self.buttons)
        self.command.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = template_problem(self.command.text())
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(problem is None)

    def accept(self) -> None:
        self._settings.external_editor = self.command.text()
        self._settings.problems_open_externally = self.problems_external.isChecked()
        super().accept()
