"""What every comparison view shares: a catalog, a card theme, a base point size.

A view follows the palette it is shown in (a dark desktop gets dark badges) until the host
window gives it a theme with ``set_theme``; from then on the theme stays fixed. Subclasses
build their widgets, then restyle them in ``_apply_style`` and fill them in ``set_cards``.

The set-wide views (:class:`SetWideView`) split filling in two: ``compute``, pure and
Qt-free, works out what to show from a catalog and card ids, and may run on another thread
(it loads every card of the filter: seconds for thousands); ``show_result`` puts that on
screen, on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from reader.core.catalog import Catalog
from reader.core.compare import CardProgress
from reader.render.theme import Theme
from reader.ui.palette import card_theme


class ComparisonPane(QWidget):
    def __init__(
        self,
        catalog: Catalog,
        parent: QWidget | None,
        theme: Theme | None,
        accessible_name: str,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._catalog = catalog
        self._theme = theme or card_theme(self.palette())
        self._theme_fixed = theme is not None
        self._point_size = self.font().pointSizeF()

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
        self._point_size = size
        self._apply_style()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._theme_fixed:
            self._theme = card_theme(self.palette())
            self._apply_style()

    def _apply_style(self) -> None:
        raise NotImplementedError


class SetWideView(ComparisonPane):
    """A view over every card of the filter: the topic matrix, the ledger, the timeline."""

    @staticmethod
    def compute(
        catalog: Catalog, card_ids: Sequence[str], progress: CardProgress | None = None
    ) -> Any:
        """What the view shows of ``card_ids``; safe on any thread (no widget involved)."""
        raise NotImplementedError

    def show_result(self, catalog: Catalog, result: Any) -> None:
        """Show what :meth:`compute` gave for ``catalog``."""
        raise NotImplementedError

    def set_cards(self, card_ids: Sequence[str]) -> None:
        self.show_result(self._catalog, self.compute(self._catalog, card_ids))
