"""Every custom model passes Qt's model tester, before and after it changes.

The models answer fonts, colours and icons from the running application, so each test asks
for ``qapp``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from reader.cards.catalog import MemoryCatalog
from reader.cards.filters import Filter, FilterKind
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.cards.sorting import DATE, TITLE, key_columns, keys_of_columns, sort_keys
from reader.cards.tag_labels import TagNames
from reader.render.snippets import card_hit
from reader.ui.reading.card_list_model import CardListModel, HitRole, SearchingRole
from reader.ui.reading.problems_dock import ProblemsModel
from reader.ui.reading.tag_tree_model import COUNT, NAME, CountRole, StateRole, TagTreeModel
from tests.conftest import DATA, SHIPPED_CARDS


@pytest.fixture(scope="module")
def catalog() -> MemoryCatalog:
    return MemoryCatalog(load_set(SHIPPED_CARDS))


def shape(model: TagTreeModel, parent: QModelIndex | None = None) -> list[object]:
    """Every row under ``parent``: its name and count, then its own rows."""
    parent = parent or QModelIndex()
    rows: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, NAME, parent)
        rows += [(index.data(), index.siblingAtColumn(COUNT).data()), shape(model, index)]
    return rows


@pytest.mark.usefixtures("qapp")
def test_tag_tree_model(qtmodeltester: ModelTester, catalog: MemoryCatalog) -> None:
    model = TagTreeModel()
    names = TagNames.of(catalog.info)
    assert not model.set_catalog(catalog.summaries()[:1], names)  # built: a reset
    qtmodeltester.check(model)
    assert model.set_catalog(catalog.summaries(), names)  # more nodes: inserted in place
    qtmodeltester.check(model)
    built = TagTreeModel()  # the same tree as one built whole: the same rows, names, counts
    built.set_catalog(catalog.summaries(), names)
    assert shape(model) == shape(built)
    assert not model.set_catalog(catalog.summaries()[1:2], names)  # nodes gone: a reset
    assert model.set_catalog(catalog.summaries(), names)
    query = Query(include_tags=("theme/coups",), exclude_tags=("country/united-states",))
    matched = catalog.matching(query)
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
    model.set_catalog([], TagNames({}))
    qtmodeltester.check(model)


@pytest.mark.usefixtures("qapp")
def test_card_list_model_sorts_itself(qtmodeltester: ModelTester, catalog: MemoryCatalog) -> None:
    model = CardListModel()
    model.set_summaries(catalog.summaries())
    model.set_rows(catalog.matching(Query()))
    qtmodeltester.check(model)
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    dates = [model.index(r, DATE).data() for r in range(model.rowCount())]
    assert dates == ["2021", "9 February 2023", "July 2023"]
    kept = QPersistentModelIndex(model.index(0, TITLE))  # a selection follows its card
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert kept.row() == 2
    assert kept.data() == model.index(2, TITLE).data()
    model.set_rows(catalog.matching(Query(include_tags=("country/france",))))
    assert model.rowCount() == 2
    # A new catalog of the same set: the rows change in place, a selection follows its card.
    kept = QPersistentModelIndex(model.index(1, TITLE))
    model.set_summaries(catalog.summaries())
    assert model.set_rows(catalog.matching(Query()))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert kept.data() == model.index(kept.row(), TITLE).data() != model.index(1, TITLE).data()
    model.set_rows(catalog.matching(Query(include_tags=("country/france",))))
    model.sort(TITLE)
    qtmodeltester.check(model)
    titles = [model.index(r, TITLE).data() for r in range(2)]
    assert titles == sorted(titles, key=str.casefold)
    # While searching, each row answers its matches, read from its card on first asking.
    model.set_hits(lambda id_, terms: card_hit(catalog.card(id_), terms, catalog.info))  # type: ignore[arg-type]
    assert model.set_terms(Query(text="france").terms)
    qtmodeltester.check(model)
    hits = [model.index(r, TITLE).data(HitRole) for r in range(2)]
    assert all(hit.count > 0 and "France" in hit.snippet for hit in hits)
    assert model.index(0, TITLE).data(SearchingRole) is True
    assert not model.set_terms(Query(text="france").terms)  # the same search: nothing to redo
    model.set_terms(())
    assert model.index(0, TITLE).data(HitRole) is None


def test_card_list_model_takes_the_stored_newest_first_order(
    qtmodeltester: ModelTester, catalog: MemoryCatalog
) -> None:
    """With the index's stored keys, every card newest first is the stored order; the same
    rows as the list's own sort gives, which any other rows or order still get."""
    summaries = catalog.summaries()
    ids = [s.id for s in summaries]
    made = sort_keys(list(summaries))
    model = CardListModel()
    model.set_summaries(summaries, keys_of_columns(ids, key_columns(made, ids)))
    model.set_rows(catalog.matching(Query()))
    qtmodeltester.check(model)
    assert model.ids() == sorted(ids, key=made[DATE].__getitem__, reverse=True)
    model.sort(TITLE)
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert model.ids() == sorted(ids, key=made[DATE].__getitem__, reverse=True)
    model.set_rows(ids[1:])
    assert model.ids() == sorted(ids[1:], key=made[DATE].__getitem__, reverse=True)


@pytest.mark.usefixtures("qapp")
def test_problems_model(qtmodeltester: ModelTester) -> None:
    model = ProblemsModel()
    problems = load_set(DATA / "bad").problems
    model.set_problems(problems)
    qtmodeltester.check(model)
    assert model.rowCount() == len(problems)
    first_warning = next(i for i, p in enumerate(model.problems()) if not p.is_error)
    assert all(p.is_error for p in model.problems()[:first_warning])
