"""The preview of a set-wide change: which files it rewrites and how many values in each.

A tag rename can touch hundreds of cards; the reader sees the list (set-relative paths, the
count of values changing in each) and any warning (cards left without a tag, files that could
not be read and are left alone) before anything is written. Apply writes it as one undoable
step; Cancel writes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.authoring.plan import Plan
from reader.cards.wording import plural
from reader.ui.focus import frame_focus
from reader.ui.labels import PlainLabel


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


class PlanPreview(QDialog):
    """Lists a plan's files; accepted means: apply it."""

    def __init__(self, plan: Plan, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-preview")
        self.setWindowTitle(re.sub(r"'([^']*)'", "“\\1”", plan.title))
        self.plan = plan
        files = plural(len(plan.changes), "file")
        changes = plural(plan.occurrences, "change")
        heading = PlainLabel()
        heading.setText(self.windowTitle())
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        summary = PlainLabel()
        summary.setText(
            f"{files} will be rewritten ({changes}); nothing else in them moves."
            if plan.changes
            else "No file uses it: nothing to change."
        )
        summary.setWordWrap(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(["File", "Changes"])
        for change in plan.changes:
            count = QStandardItem(str(change.occurrences))
            self.model.appendRow([QStandardItem(_shown(change.path, root)), count])
        self.files = QTreeView()
        frame_focus(self.files)
        self.files.setObjectName("plan-files")
        self.files.setModel(self.model)
        self.files.setRootIsDecorated(False)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.header().setStretchLastSection(False)
        self.files.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.warnings = PlainLabel()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in plan.warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(bool(plan.warnings))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(bool(plan.changes))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, self.files, self.warnings, buttons):
            layout.addWidget(widget)
        self.resize(560, 380)
