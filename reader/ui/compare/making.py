"""Making a comparison view, now or ahead of time.

Each view's module is imported when a view of its kind is first made (the window does not
import them at start: ``tests/ui/test_startup_imports.py``). The set-wide views are also made
ahead, while the window is idle (:class:`SpareViews`, filled by
:class:`~reader.ui.compare.preload.ViewPreload`): making the topic matrix's widgets and styling
them was 20-30 ms of its command's 60-100 ms freeze at 10,000 cards. A spare is parentless and
never shown until the workspace takes it; it is used only if it was made for the same catalog,
theme and text size, else dropped and a view made anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reader.cards.catalog import Catalog
from reader.render.theme import Theme

if TYPE_CHECKING:
    from reader.ui.compare import (
        CompareView,
        RecommendationsLedgerView,
        TimelineView,
        TopicMatrixView,
    )

    ComparisonView = CompareView | TopicMatrixView | RecommendationsLedgerView | TimelineView

#: What a view is made for: the catalog, the theme (None: the palette's) and the text size.
MadeFor = tuple[Catalog, Theme | None, float]


def make_view(
    kind: str, made_for: MadeFor, card_ids: Sequence[str], parent: QWidget | None
) -> ComparisonView:
    """A view of ``kind`` (a ``ViewKind`` value); only its own module is imported."""
    catalog, theme, size = made_for
    if kind == "compare":
        from reader.ui.compare.compare_view import CompareView

        return CompareView(catalog, card_ids, parent, theme=theme, point_size=size)
    if kind == "matrix":
        from reader.ui.compare.matrix import TopicMatrixView

        return TopicMatrixView(catalog, (), parent, theme=theme, point_size=size)
    if kind == "ledger":
        from reader.ui.compare.ledger import RecommendationsLedgerView

        return RecommendationsLedgerView(catalog, (), parent, theme=theme, point_size=size)
    from reader.ui.compare.timeline import TimelineView

    return TimelineView(catalog, (), parent, theme=theme, point_size=size)


class SpareViews:
    """Set-wide views made ahead (empty, parentless, hidden), one per kind."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[ComparisonView, MadeFor]] = {}

    def make(self, kind: str, made_for: MadeFor) -> None:
        """Make a spare ``kind`` unless there is one."""
        if kind not in self._made:
            self._made[kind] = (make_view(kind, made_for, (), None), made_for)

    def clear(self) -> None:
        """Let go of every spare (the window is closing)."""
        for view, _made in self._made.values():
            view.deleteLater()
        self._made.clear()

    def take(self, kind: str, made_for: MadeFor) -> ComparisonView | None:
        """The spare ``kind`` if it was made for ``made_for`` (it is no longer a spare)."""
        spare = self._made.pop(kind, None)
        if spare is None:
            return None
        view, made = spare
        if made == made_for:
            return view
        view.deleteLater()
        return None
