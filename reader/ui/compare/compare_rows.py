"""Which rows the compare view shows, and how: the "Rows" button's menu and its state.

The state (:class:`CompareLayout`) outlives the view: the workspace keeps it when the compare
tab is closed and gives it to the next compare view, so Reopen shows the comparison as the
reader left it, arguments open or rows hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from reader.analysis.side_by_side import RowKind

#: Row groups a reader can hide, with their menu labels (the source row always shows).
ROW_GROUPS = (
    (RowKind.THESIS, "&Thesis"),
    (RowKind.TOPIC, "T&opics"),
    (RowKind.RECOMMENDATIONS, "&Recommendations"),
    (RowKind.TAGS, "Ta&gs"),
    (RowKind.ARGUMENT, "&Argument"),
)


@dataclass(frozen=True, slots=True)
class CompareLayout:
    """How a comparison is shown, apart from its cards."""

    hidden: frozenset[RowKind] = frozenset()
    differences_only: bool = False
    argument_expanded: bool = False
    collapse_one_sided: bool = True


class RowsButton(QToolButton):
    """ "Rows ▾": the row groups to show, only-differences, one-sided rows collapsed.

    Its checkboxes mirror the view's state (:meth:`show_layout`); choosing one calls the
    view back through the callbacks, which then call :meth:`show_layout`.
    """

    def __init__(
        self,
        parent: QWidget,
        set_shown: Callable[[RowKind, bool], None],
        set_differences_only: Callable[[bool], None],
        set_collapse_one_sided: Callable[[bool], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareRows")
        # The arrow is in the text: the style's menu indicator is a tiny glyph crammed under
        # the last letter.
        self.setText("Rows ▾")
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.setAccessibleName("Choose the rows to show")
        self.setToolTip("Choose the rows to show")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu("Rows", self)
        self.groups: dict[RowKind, QAction] = {}
        for kind, label in ROW_GROUPS:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(True)
            action.triggered.connect(lambda shown, k=kind: set_shown(k, shown))
            self.groups[kind] = action
        menu.addSeparator()
        self.differences = menu.addAction("Only Topics Where Stances &Differ")
        self.differences.setCheckable(True)
        self.differences.triggered.connect(set_differences_only)
        self.one_sided = menu.addAction("&Collapse One-Sided Recommendations")
        self.one_sided.setCheckable(True)
        self.one_sided.setChecked(True)
        self.one_sided.setToolTip("Show the first of many recommendations only one card makes")
        self.one_sided.triggered.connect(set_collapse_one_sided)
        self.setMenu(menu)

    def show_layout(self, layout: CompareLayout) -> None:
        for kind, action in self.groups.items():
            action.setChecked(kind not in layout.hidden)
        self.differences.setChecked(layout.differences_only)
        self.one_sided.setChecked(layout.collapse_one_sided)
