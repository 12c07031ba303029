"""Large working lists and dicts let go a step at a time, and what else holds survives."""

from __future__ import annotations

import pytest

from reader.analysis import columns, release
from reader.analysis.columns import sorted_in_steps
from reader.analysis.release import let_go


def test_let_go_empties_lists_and_dicts_in_steps_and_keeps_what_others_hold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(release, "STEP", 3)
    kept = ["kept"]
    items: list[object] = [kept, *range(10)]
    table: dict[str, object] = {f"k{i}": [i] for i in range(10)}
    table["kept"] = kept
    let_go(items, table)
    assert items == []
    assert table == {}
    assert kept == ["kept"]


def test_sorting_in_runs_orders_as_one_sort_and_empties_its_items(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(columns, "SORT_STEP", 4)
    keys = ["b", "a", "d", "c", "a", "e", "b", "f", "c", "a"]
    items = [(key, n, f"{key}{n}") for n, key in enumerate(keys)]
    expected = [value for _, _, value in sorted(items)]
    assert sorted_in_steps(items) == expected
    assert items == []
