"""The problems panel: the ``check`` diagnostics, one per row, a double-click from the file.

It opens by itself when a load finds errors the reader has not seen yet, stays closed once
they close it until the problems change, and closes by itself when the last one goes (an
empty panel only takes the card's room). Besides the card files' problems it lists the
health findings of the cards whose source text is available (quotes not in the source word
for word, locators past its end or citing the wrong passage), once the set's evidence has
been checked in the background (:mod:`reader.ui.reading.evidence`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
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
from reader.qt.models import ROOT, Index
from reader.render.tooltips import safe_tooltip
from reader.ui.focus import frame_focus
from reader.ui.reading.evidence import Evidence

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

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = ROOT) -> int:
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
            return safe_tooltip(f"{problem}\nDouble-click to open the file at this line.")
        if role == ProblemRole:
            return problem
        return None


class ProblemsDock(QDockWidget):
    """Lists the problems; double-click (or Enter) asks for the file to be opened at the
    problem (:class:`reader.ui.authoring.Authoring` opens an editor, or says why it cannot)."""

    #: A problem was activated: its file's full path and the :class:`Problem`.
    problem_chosen = Signal(Path, object)
    #: Every problem listed, the card files' and the evidence's (for the status bar).
    counted = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Problems", parent)
        self.setObjectName("problemsDock")
        self.setAccessibleName("Problems")
        self._root: Path | None = None
        self._seen: tuple[Problem, ...] = ()
        #: The card file open in the editor (reader.ui.authoring): its errors are shown at its
        #: fields there, so they alone do not open the panel over half the editor.
        self.edited: Path | None = None
        self._files: tuple[Problem, ...] = ()
        self._evidence: Evidence | None = None
        self.model = ProblemsModel(self)
        self.table = QTableView(self)
        frame_focus(self.table)
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

    def follow(self, evidence: Evidence) -> None:
        """List ``evidence``'s findings too, each time the set's evidence is checked."""
        self._evidence = evidence
        evidence.scanned.connect(self._show)

    def set_problems(self, root: Path, problems: Sequence[Problem]) -> None:
        """Show the card files' ``problems`` (and the evidence's findings)."""
        self._root = root
        self._files = tuple(problems)
        self._show()

    def _show(self) -> None:
        """List every problem; open the panel if there are errors it has not shown before."""
        health = self._evidence.set_health if self._evidence is not None else None
        problems = [*self._files, *(health.problems if health is not None else ())]
        self.model.set_problems(problems)
        self.counted.emit(problems)
        fresh = tuple(problems) != self._seen
        self._seen = tuple(problems)
        if fresh and any(p.is_error and not self._edited(p) for p in problems):
            self.show()
            self.raise_()
        elif fresh and not problems:
            self.hide()  # an empty panel would only take the card's room (review #10)

    def _edited(self, problem: Problem) -> bool:
        root, edited = self._root, self.edited
        if root is None or edited is None:
            return False
        return (root / problem.path).resolve() == edited.resolve()

    def _open(self, index: QModelIndex) -> None:
        problem = index.siblingAtColumn(SEVERITY).data(ProblemRole)
        if not isinstance(problem, Problem) or self._root is None:
            return
        self.problem_chosen.emit(self._root / problem.path, problem)
