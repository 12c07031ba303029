"""Every custom model passes Qt's model tester, before and after it changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester

from reader.core.catalog import MemoryCatalog
from reader.core.loader import load_set
from reader.core.query import Query
from reader.ui.card_list_model import DATE, TITLE, CardListModel, sorted_model
from reader.ui.filters import Filter, FilterKind
from reader.ui.problems_dock import ProblemsModel
from reader.ui.tag_tree_model import COUNT, CountRole, StateRole, TagTreeModel
from tests.conftest import DATA, SHIPPED_CARDS


@pytest.fixture(scope="module")
def catalog() -> MemoryCatalog:
    return MemoryCatalog(load_set(SHIPPED_CARDS))


def test_tag_tree_model(qtmodeltester: ModelTester, catalog: MemoryCatalog) -> None:
    model = TagTreeModel()
    model.set_catalog(catalog.summaries(), catalog.info.tag_descriptions)
    qtmodeltester.check(model)
    query = Query(include_tags=("theme/coups",), exclude_tags=("country/united-states",))
    matched = [s for s in catalog.summaries() if s.id in catalog.matching(query)]
    model.set_current(matched, query)
    qtmodeltester.check(model)
    coups = model.index_of(Filter(FilterKind.TAG, "theme/coups"))
    assert coups.data(StateRole) == "include"
    assert model.index_of(Filter(FilterKind.TAG, "country/united-states")).data(StateRole) == (
        "exclude"
    )
    assert coups.data(CountRole) == len(matched)
    assert coups.siblingAtColumn(COUNT).data() == str(len(matched))
    wagner = model.index_of(Filter(FilterKind.TAG, "actor/wagner"))
    assert wagner.parent() == model.index_of(Filter(FilterKind.TAG, "actor"))
    assert wagner.parent().parent().parent() == QModelIndex()  # actor sits under "Tags"
    model.set_catalog([], {})
    qtmodeltester.check(model)


def test_card_list_model_and_its_sorting_proxy(
    qtmodeltester: ModelTester, catalog: MemoryCatalog
) -> None:
    model = CardListModel()
    model.set_summaries(catalog.summaries())
    model.set_rows(catalog.matching(Query()))
    qtmodeltester.check(model)
    proxy = sorted_model(model)
    proxy.sort(DATE)
    qtmodeltester.check(proxy)
    dates = [proxy.index(r, DATE).data() for r in range(proxy.rowCount())]
    assert dates == ["2021", "9 February 2023", "July 2023"]
    model.set_rows(catalog.matching(Query(include_tags=("country/france",))))
    assert proxy.rowCount() == 2
    proxy.sort(TITLE)
    qtmodeltester.check(proxy)


def test_problems_model(qtmodeltester: ModelTester) -> None:
    model = ProblemsModel()
    problems = load_set(DATA / "bad").problems
    model.set_problems(problems)
    qtmodeltester.check(model)
    assert model.rowCount() == len(problems)
    first_warning = next(i for i, p in enumerate(model.problems()) if not p.is_error)
    assert all(p.is_error for p in model.problems()[:first_warning])
