"""The problems panel: the ``check`` diagnostics, one per row, a double-click from the file.

It opens by itself when a load finds errors the reader has not seen yet, and stays closed
once they close it until the problems change.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QStyle,
    QTableView,
    QWidget,
)

from reader.cards.problems import Problem, Severity

Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invisible root, as Qt's default argument
SEVERITY, LOCATION, MESSAGE = range(3)
_HEADERS = ("Severity", "Where", "Problem")
ProblemRole = Qt.ItemDataRole.UserRole + 1


def _icon(severity: Severity) -> QIcon:
    style = QApplication.style()
    pixmap = (
        QStyle.StandardPixmap.SP_MessageBoxCritical
        if severity is Severity.ERROR
        else QStyle.StandardPixmap.SP_MessageBoxWarning
    )
    return style.standardIcon(pixmap)


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._problems = sorted(problems, key=lambda p: (not p.is_error, p))
        self.endResetModel()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def rowCount(self, parent: Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = _TOP) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section] if 0 <= section < len(_HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEVERITY:
                return "Error" if problem.is_error else "Warning"
            if column == LOCATION:
                return f"{problem.path}:{problem.line}:{problem.column}"
            return problem.message
        if role == Qt.ItemDataRole.DecorationRole and column == SEVERITY:
            return _icon(problem.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem}\nDouble-click to open the file."
        if role == ProblemRole:
            return problem
        return None


class ProblemsDock(QDockWidget):
    """Lists the problems; double-click (or Enter) opens the file in the system's editor."""

    file_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Problems", parent)
        self.setObjectName("problemsDock")
        self.setAccessibleName("Problems")
        self._root: Path | None = None
        self._seen: tuple[Problem, ...] = ()
        self.model = ProblemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("problemsTable")
        self.table.setAccessibleName("Problems in the card files")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LOCATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # "activated" is a double-click (or the platform's single click) and Enter.
        self.table.activated.connect(self._open)
        self.setWidget(self.table)

    def set_problems(self, root: Path, problems: Sequence[Problem]) -> None:
        """Show ``problems``; open the panel if there are errors it has not shown before."""
        self._root = root
        self.model.set_problems(problems)
        fresh = tuple(problems) != self._seen
        self._seen = tuple(problems)
        if fresh and any(p.is_error for p in problems):
            self.show()
            self.raise_()

    def _open(self, index: QModelIndex) -> None:
        problem = index.siblingAtColumn(SEVERITY).data(ProblemRole)
        if not isinstance(problem, Problem) or self._root is None:
            return
        path = self._root / problem.path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.file_opened.emit(str(path))
