"""Which cards Export to PDF… and Print… start from, given what the window shows."""

from __future__ import annotations

from reader.app.export_request import Scope
from reader.app.export_scope import shown_context
from reader.cards.query import Query
from tests.analysis.compare_cards import catalog_of, make_card

CATALOG = catalog_of([make_card(f"c{n}", "2021") for n in range(6)])
FILTERED = Query(text="wagner")
NO_FILTER = Query()


def scope(
    query: Query = NO_FILTER,
    selected: tuple[str, ...] = (),
    compared: tuple[str, ...] = (),
    *,
    reading: bool = True,
    on_compare_view: bool = False,
) -> Scope | None:
    context = shown_context(
        CATALOG, query, selected, compared, reading=reading, on_compare_view=on_compare_view
    )
    return context.prefer


def test_reading_prefers_a_selection_of_several_cards_then_the_filter_then_the_set() -> None:
    assert scope(selected=("c1", "c2")) is Scope.SELECTION
    assert scope(FILTERED, selected=("c1",)) is Scope.FILTER
    assert scope(selected=("c1",)) is Scope.WHOLE_SET


def test_the_compare_view_prefers_its_comparison() -> None:
    shown = scope(compared=("c1", "c2"), reading=False, on_compare_view=True)
    assert shown is Scope.COMPARISON
    # Another comparison view (the matrix) shows the filter, whatever is selected.
    assert scope(FILTERED, ("c1", "c2"), ("c1", "c2"), reading=False) is Scope.FILTER


def test_a_comparison_outside_two_to_four_cards_is_not_offered() -> None:
    context = shown_context(CATALOG, Query(), (), ("c1",), reading=False, on_compare_view=True)
    assert context.comparison == []
    assert context.prefer is Scope.WHOLE_SET
    five = tuple(f"c{n}" for n in range(5))
    assert (
        shown_context(CATALOG, Query(), (), five, reading=False, on_compare_view=True).comparison
        == []
    )
    assert shown_context(
        CATALOG, Query(), (), five[:4], reading=False, on_compare_view=True
    ).comparison == list(five[:4])
