"""The active filters as removable chips above the card list, and "Clear all".

The chips are how a reader sees at a glance why the list is short, and undoes it: each chip
removes its own filter (click, or Space/Enter when focused); hidden when nothing is filtered.
A chip that shows cards is tinted with the highlight colour, as the tree tints the filter; one
that hides them is tinted red and marked ⊘, so the two never look alike (only the word "not"
told them apart).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from reader.cards.filters import Filter, FilterKind, active_filters
from reader.cards.query import Query
from reader.render.tooltips import safe_tooltip
from reader.ui.actions import with_key
from reader.ui.reading.filter_names import Namer, chip_text, plain_name
from reader.ui.reading.flow_layout import FlowLayout

#: What an exclusion's chip is tinted with, mixed into the button colour.
EXCLUDE_TINT = QColor(214, 48, 49)
#: How much of the tint a chip takes (0–1): enough to tell them apart, little enough for text.
TINT_SHARE = 0.22


def _mixed(base: QColor, tint: QColor, share: float) -> QColor:
    return QColor(
        round(base.red() * (1 - share) + tint.red() * share),
        round(base.green() * (1 - share) + tint.green() * share),
        round(base.blue() * (1 - share) + tint.blue() * share),
    )


_KIND_WORDS = {
    FilterKind.TAG: "tag",
    FilterKind.NOT_TAG: "excluded tag",
    FilterKind.PUBLISHER: "publisher",
    FilterKind.YEAR: "year",
    FilterKind.KIND: "kind",
}


class FilterChip(QToolButton):
    def __init__(self, item: Filter, name: Namer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = item
        self.excludes = item.kind is FilterKind.NOT_TAG
        self.setObjectName("filterChipExclude" if self.excludes else "filterChip")
        words = chip_text(item, name)
        self.setText(f"{'⊘ ' if self.excludes else ''}{words}  ✕")
        what = "Hides the cards with" if self.excludes else "Shows only the cards with"
        tip = f"{what} {item.value or 'none'}.\nClick to remove this filter."
        self.setToolTip(safe_tooltip(tip))  # escaped: a tag is the set's text
        self.setAccessibleDescription(tip)  # not the tooltip's markup
        self.setAccessibleName(f"Remove {_KIND_WORDS[item.kind]} filter {words}")
        self.setAutoRaise(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._tinting = False
        self._tint()

    def _tint(self) -> None:
        """The button colour of the application's palette, tinted for the kind of filter."""
        self._tinting = True
        palette = QPalette(QApplication.palette())
        base = palette.color(QPalette.ColorRole.Button)
        tint = EXCLUDE_TINT if self.excludes else palette.color(QPalette.ColorRole.Highlight)
        palette.setColor(QPalette.ColorRole.Button, _mixed(base, tint, TINT_SHARE))
        self.setPalette(palette)
        self._tinting = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        changed = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in changed and not self._tinting:
            self._tint()  # light and dark: the tint follows the application's colours


class FilterBar(QWidget):
    removed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAccessibleName("Active filters")
        self._chips: list[FilterChip] = []
        self._name: Namer = plain_name
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

    def set_namer(self, name: Namer) -> None:
        """Name the chips' filters with ``name`` (the tag tree's names)."""
        self._name = name

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
            chip = FilterChip(item, self._name, self._container)
            chip.clicked.connect(lambda _=False, it=item: self.removed.emit(it))
            self._flow.addWidget(chip)
            self._chips.append(chip)
        self.setVisible(bool(items))
        self._container.updateGeometry()
