"""Help › About: what this is, which versions run it, under what licence, where it keeps data.

A bug report needs the versions (the app's, Qt's as loaded, PySide6's, Python's), and a reader
who wants to reset or back up the app needs the folders it writes to: the settings file, the
index cache, the log, the card editor's unsaved drafts. "Copy Details" puts all of it on the
clipboard as plain text.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.app.log import LOG_NAME, default_state_dir
from reader.index import default_cache_dir
from reader.ui.editor.drafts import drafts_dir
from reader.ui.help.single import show_once
from reader.ui.icons import app_icon
from reader.ui.labels import PlainLabel

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

#: The licence pyproject.toml declares (a test keeps them the same).
LICENCE = "MIT"
SUMMARY = (
    "Read, compare and export briefing cards: structured summaries of sources on a "
    "contested question, side by side, offline."
)


@dataclass(frozen=True, slots=True)
class AboutFacts:
    """What the About box says, as (label, value) rows."""

    versions: tuple[tuple[str, str], ...]
    folders: tuple[tuple[str, str], ...]

    def text(self) -> str:
        """Everything, one "label: value" line each, for a bug report."""
        lines = [f"Briefing Reader {__version__}"]
        lines += [f"{label}: {value}" for label, value in (*self.versions, *self.folders)]
        return "\n".join(lines) + "\n"


def about_facts(window: MainWindow) -> AboutFacts:
    versions = (
        ("Version", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        ("Licence", LICENCE),
    )
    root = window.sets.root
    folders = (
        ("Settings", window.settings.store.fileName()),
        ("Index cache", str(default_cache_dir())),
        ("Log", str(default_state_dir() / LOG_NAME)),
        ("Drafts", str(drafts_dir())),
        ("Card set", str(root) if root is not None else "none open"),
    )
    return AboutFacts(versions, folders)


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Briefing Reader")
        self.setAccessibleName("About Briefing Reader")
        self.facts = facts

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(72, 72))
        icon.setAccessibleName("Briefing Reader icon")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = PlainLabel(self)
        title.setText(f"Briefing Reader {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        summary = PlainLabel(self)
        summary.setText(SUMMARY)
        summary.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(summary)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in facts.versions:
            form.addRow(f"{label}:", self._value(value, label))
        folders = PlainLabel(self)
        folders.setText("Where it keeps its data")
        bold = folders.font()
        bold.setBold(True)
        folders.setFont(bold)
        form.addRow(folders)
        for label, value in facts.folders:
            form.addRow(f"{label}:", self._value(value, label))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("&Copy Details", self)
        copy.setToolTip("Copy the versions and folders, for a bug report")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _value(self, text: str, label: str) -> PlainLabel:
        value = PlainLabel(self, accessible_name=label)
        value.setText(text)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.facts.text())


def show_about(window: MainWindow) -> AboutDialog:
    return show_once(window, AboutDialog, lambda parent: AboutDialog(about_facts(window), parent))
