"""Rows handed to a view a page at a time: the first screenful at once, the rest on scroll.

A tree view lays out every row its model reports before it paints, asking the model about
each one (a call into Python per row): 30,000 ledger rows or 40,000 timeline events froze
the window for a quarter of a second and more. A model with this mixin reports one page of
rows; the view asks for the next (``fetchMore``) when the reader scrolls near the end, and
code that must reach a row further on (an addressee chosen in the list) asks for it with
:meth:`Paged.load_to`. The rows themselves are all there: only what the view is told grows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

#: Rows a view is given at a time: a screenful or so. Before fetching more, the view measures
#: every row down to the last one given (is it on screen?), a rich-text document per column,
#: all in one go: 100 rows of the timeline froze the window for 0.1-0.2 s.
PAGE = 25

# A plain mixin at run time (one Qt base per class), the model's methods for the type checker.
if TYPE_CHECKING:
    _Base = QAbstractItemModel
else:
    _Base = object


class Paged(_Base):
    """Mixin (first base) for a flat model: ``_total()`` rows exist, ``_shown`` are reported
    by ``rowCount``; ``_show_first_page()`` after a reset."""

    _shown = 0
    #: Rows are being reported: a fetch asked meanwhile (by whoever hears the rows come,
    #: before they are counted) would report them again.
    _inserting = False

    def _total(self) -> int:
        raise NotImplementedError

    def _show_first_page(self) -> None:
        """Call between ``beginResetModel`` and ``endResetModel``."""
        self._shown = min(self._total(), PAGE)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self._inserting and not parent.isValid() and self._shown < self._total()

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self.load_to(self._shown + PAGE - 1)

    def load_to(self, row: int) -> None:
        """Report rows up to ``row`` (and the rest of its page) to the views."""
        last = min(self._total(), (row // PAGE + 1) * PAGE) - 1
        if last < self._shown or self._inserting:
            return
        self._inserting = True
        try:
            self.beginInsertRows(QModelIndex(), self._shown, last)
            self._shown = last + 1
            self.endInsertRows()
        finally:
            self._inserting = False
