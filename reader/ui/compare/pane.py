"""What every comparison view shares: a catalog, a card theme, a base point size.

A view follows the palette it is shown in (a dark desktop gets dark badges) until the host
window gives it a theme with ``set_theme``; from then on the theme stays fixed. Subclasses
build their widgets, then restyle them in ``_apply_style`` and fill them in ``set_cards``.
Every view drills down the same way: double-click or Enter on what stands for an item of a
card (its model's :data:`ItemRole`, see :mod:`reader.ui.compare.items`) emits
``item_activated(card_id, field, index)``, which the window answers by opening the card there.

The set-wide views (:class:`SetWideView`) split filling in two: ``compute``, pure and
Qt-free, works out what to show from a catalog and card ids, and may run on another thread
(it loads every card of the filter: seconds for thousands); ``show_result`` puts that on
screen, on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QProgressBar, QVBoxLayout, QWidget

from reader.analysis.columns import CardProgress
from reader.cards.catalog import Catalog
from reader.render.theme import Theme
from reader.ui.compare.items import Item
from reader.ui.compare.roles import ItemRole
from reader.ui.compare.turns import DrawsRows, WindowTurns
from reader.ui.palette import card_theme

#: Milliseconds after a first part is shown that it counts as painted (its layout and
#: first paint come in the events just after it): the rest is read meanwhile only if the
#: window has not painted it by then.
PART_PAINTED_MS = 40


class ComparisonPane(QWidget):
    #: Drill down: open this card at this item (card id, field, index; see
    #: :class:`reader.ui.compare.items.Item`).
    item_activated = Signal(str, str, int)

    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None,
        theme: Theme | None,
        accessible_name: str,
        point_size: float | None = None,
    ) -> None:
        """``point_size``: the text's (zoomed) size from the start, rather than the font's
        until ``set_base_point_size``: a view styled twice took twice as long to make."""
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._catalog = catalog
        self._theme = theme or card_theme(self.palette())
        self._theme_fixed = theme is not None
        #: The size at 100 %: widths and heights measured in pixels scale with the zoom.
        self._base_point_size = self.font().pointSizeF()
        self._point_size = point_size or self._base_point_size

    def zoom(self) -> float:
        """The zoom the host set through ``set_base_point_size`` (1.0 at the default size)."""
        return self._point_size / self._base_point_size if self._base_point_size > 0 else 1.0

    def _fit_font(self, widget: QWidget) -> None:
        """Give ``widget`` (and so its headers and plain cells) the zoomed point size."""
        font = widget.font()
        if font.pointSizeF() != self._point_size and self._point_size > 0:
            font.setPointSizeF(self._point_size)
            widget.setFont(font)

    def follow_turns(self, turns: WindowTurns) -> None:
        """Its row painters (made with it) tell ``turns``, its window's, when they measure or
        paint rows, so that a view job stands aside meanwhile."""
        for child in self.findChildren(QObject):
            if isinstance(child, DrawsRows):
                child.turns = turns

    def set_cards(self, card_ids: Sequence[str]) -> None:
        raise NotImplementedError

    def set_catalog(self, catalog: Catalog, card_ids: Sequence[str]) -> None:
        """A reloaded set: show these cards of it."""
        self._catalog = catalog
        self.set_cards(card_ids)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._theme_fixed = True
        self._apply_style()

    def set_base_point_size(self, size: float) -> None:
        if size == self._point_size:
            return  # as it is (the size the view was made with)
        self._point_size = size
        self._apply_style()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._theme_fixed:
            self._theme = card_theme(self.palette())
            self._apply_style()

    def _apply_style(self) -> None:
        raise NotImplementedError

    def activate(self, item: Item | None) -> None:
        """Drill down to ``item`` (None: what was chosen stands for no card)."""
        if item is not None:
            self.item_activated.emit(item.card_id, item.field, item.index)

    def _drill_down_from(self, view: QAbstractItemView) -> None:
        """Double-click or Enter on a cell of ``view`` drills down to its item.

        Qt's ``activated`` is both, as the platform has it (a double-click, or a single click
        where the desktop is set so; Enter or Return).
        """
        view.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        self.activate(item if isinstance(item, Item) else None)


class LoadingCover(QWidget):
    """Covers a view while its cards load: what is under it is out of date or empty."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("loadingCover")
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Cards loaded")
        self.bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_progress(self, done: int, total: int) -> None:
        self.label.setText(f"Loading {total:,} cards…")
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.bar.setFormat(f"{done:,} of {total:,}")


class SetWideView(ComparisonPane):
    """A view over every card of the filter: the topic matrix, the ledger, the timeline."""

    _cover: LoadingCover | None = None

    def show_loading(self, done: int, total: int) -> None:
        """Cover the view with a progress bar while its cards load elsewhere."""
        if self._cover is None:
            self._cover = LoadingCover(self)
        self._cover.show_progress(done, total)
        self._cover.setGeometry(self.rect())
        self._cover.raise_()
        self._cover.show()

    def hide_loading(self) -> None:
        if self._cover is not None:
            self._cover.hide()

    @property
    def loading(self) -> bool:
        return self._cover is not None and not self._cover.isHidden()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._cover is not None:
            self._cover.setGeometry(self.rect())

    @staticmethod
    def compute(
        catalog: Catalog,
        card_ids: Sequence[str],
        progress: CardProgress | None = None,
        first_part: Callable[[Any], None] | None = None,
    ) -> Any:
        """What the view shows of ``card_ids``; safe on any thread (no widget involved).

        A view whose result comes in order (the timeline) may give ``first_part`` a result
        holding its beginning, which the window shows until the whole one comes: the
        first screenful need not wait for the rest."""
        raise NotImplementedError

    def show_result(self, catalog: Catalog, result: Any) -> None:
        """Show what :meth:`compute` gave for ``catalog``."""
        raise NotImplementedError

    def set_cards(self, card_ids: Sequence[str]) -> None:
        self.show_result(self._catalog, self.compute(self._catalog, card_ids))
