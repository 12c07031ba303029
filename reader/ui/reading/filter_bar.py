"""The active filters as removable chips above the card list, and "Clear all".

The chips are how a reader sees at a glance why the list is short, and undoes it: each chip
removes its own filter (click, or Space/Enter when focused); hidden when nothing is filtered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from reader.cards.filters import Filter, FilterKind, active_filters
from reader.cards.query import Query
from reader.ui.actions import with_key
from reader.ui.reading.flow_layout import FlowLayout

_KIND_WORDS = {
    FilterKind.TAG: "tag",
    FilterKind.NOT_TAG: "excluded tag",
    FilterKind.PUBLISHER: "publisher",
    FilterKind.YEAR: "year",
    FilterKind.KIND: "kind",
}


class FilterChip(QToolButton):
    def __init__(self, item: Filter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = item
        self.setObjectName("filterChip")
        self.setText(f"{item.label}  ✕")
        self.setToolTip(f"Remove the filter “{item.label}”")
        self.setAccessibleName(f"Remove {_KIND_WORDS[item.kind]} filter {item.value or 'none'}")
        self.setAutoRaise(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class FilterBar(QWidget):
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName("Active filters")
        self._chips: list[FilterChip] = []
        self._flow = FlowLayout(spacing=6)
        self._flow.setContentsMargins(0, 0, 0, 0)
        self._clear = QToolButton(self)
        self._clear.setObjectName("clearFilters")
        self._clear.setText("Clear all")
        self._clear.setAutoRaise(True)
        self._clear.setAccessibleName("Clear all filters")
        chips = QWidget(self)
        chips.setLayout(self._flow)
        chips.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(6)
        layout.addWidget(chips, 1)
        layout.addWidget(self._clear, 0, Qt.AlignmentFlag.AlignTop)
        self._container = chips
        self.setVisible(False)

    def set_clear_action(self, clear: QAction) -> None:
        """ "Clear all" runs ``clear`` (Clear All Filters), and its tooltip names the key."""
        self._clear.setToolTip(with_key(clear.statusTip(), clear))
        self._clear.clicked.connect(clear.trigger)

    def chips(self) -> list[FilterChip]:
        return list(self._chips)

    def show_query(self, query: Query) -> None:
        items = active_filters(query)
        if [c.filter for c in self._chips] == items:
            return
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.hide()  # at once: deleteLater would leave it painted until the next loop
            chip.deleteLater()
        self._chips = []
        for item in items:
            chip = FilterChip(item, self._container)
            chip.clicked.connect(lambda _=False, it=item: self.removed.emit(it))
            self._flow.addWidget(chip)
            self._chips.append(chip)
        self.setVisible(bool(items))
        self._container.updateGeometry()
