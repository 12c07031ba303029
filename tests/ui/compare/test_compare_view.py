"""The compare view on the shipped set: cells, marks, column drag/remove/add, alignment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from reader.analysis.compare_rules import NO_TOPICS_HINT
from reader.analysis.side_by_side import RowKind
from reader.app.settings import PaletteMode
from reader.cards.catalog import MemoryCatalog
from reader.render.card import tag_href
from reader.render.theme import DARK, LIGHT
from reader.ui.compare import CompareView
from reader.ui.compare.delegate import PAD_X, PAD_Y, HtmlDelegate
from reader.ui.compare.roles import CardIdRole, HtmlRole
from reader.ui.palette import apply_palette
from tests.analysis.compare_cards import catalog_of, generated_cards, make_card
from tests.ui.compare.conftest import (
    CRISIS_GROUP,
    DATE_ORDER,
    LEVERAGE,
    SANCTIONS,
    bare_set,
    two_cards,
)
from tests.ui.compare.helpers import anchor_point, drag

Show = Callable[[CompareView], CompareView]


@pytest.fixture
def view(shipped: MemoryCatalog, show: Show) -> CompareView:
    # Given in the order a list selection might give them, not in date order.
    return show(CompareView(shipped, [SANCTIONS, LEVERAGE, CRISIS_GROUP], theme=LIGHT))


def _cell(
    view: CompareView, key: str, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    model = view.model()
    row = model.row_of(key)
    assert row >= 0, key
    return model.index(row, column).data(role)


def _header(view: CompareView, column: int) -> str:
    return str(view.model().headerData(column, Qt.Orientation.Horizontal))


def test_the_model_passes_qtmodeltester(view: CompareView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model(), force_py=True)


def test_the_add_card_model_passes_qtmodeltester(view: CompareView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view.remove_card(SANCTIONS)
    combo = view.findChild(QComboBox, "addCard")
    assert combo is not None
    qtmodeltester.check(combo.model(), force_py=True)
    assert combo.model().rowCount() == 1
    assert combo.itemText(0).startswith("Responsible Statecraft, July 2023 — Will crackdown")


def test_columns_open_in_date_order(view: CompareView) -> None:
    assert view.card_ids() == DATE_ORDER
    assert _header(view, 0) == "Responsible Statecraft\n2021"
    assert _header(view, 1) == "International Crisis Group\n9 February 2023"
    assert _header(view, 2) == "Responsible Statecraft\nJuly 2023"
    assert view.unavailable_reason() is None
    assert view.table().isVisible()


def test_topic_cells_show_stances_and_silence(view: CompareView) -> None:
    assert str(_cell(view, "topic:why-russia", 0)).startswith("skeptical: Doubts that the Wagner")
    assert str(_cell(view, "topic:why-russia", 1)).startswith("mixed: ")
    assert _cell(view, "topic:why-russia", 2) == "Not addressed"
    html = str(_cell(view, "topic:why-russia", 0, HtmlRole))
    assert LIGHT.stance("skeptical").background in html
    assert "Not addressed" in str(_cell(view, "topic:why-russia", 2, HtmlRole))


def test_differing_stances_are_marked_and_identical_ones_are_not(view: CompareView) -> None:
    model = view.model()
    differ = model.row_of("topic:western-response")
    same = model.row_of("topic:great-power-framing")  # all three: critical
    vertical = Qt.Orientation.Vertical
    assert "STANCES DIFFER" in model.headerData(differ, vertical, HtmlRole)
    assert "STANCES DIFFER" not in model.headerData(same, vertical, HtmlRole)
    tint = QColor(LIGHT.thesis_background)
    assert model.index(differ, 2).data(Qt.ItemDataRole.BackgroundRole) == tint
    assert model.index(same, 2).data(Qt.ItemDataRole.BackgroundRole) is None


def test_what_the_west_should_do_lines_up_across_the_three_sources(view: CompareView) -> None:
    model = view.model()
    rows = [model.row_at(r) for r in range(model.rowCount())]
    first = next(r for r in rows if r.kind is RowKind.RECOMMENDATIONS)
    assert first.label == "Western governments"
    key = first.key
    assert all(_cell(view, key, c) != "No recommendation" for c in range(3))
    assert "As “Western partners”" in str(_cell(view, key, 1, HtmlRole))
    assert "As “Washington (the U.S.)”" in str(_cell(view, key, 2, HtmlRole))


def test_a_one_sided_row_spans_the_columns_naming_the_silent_sources(
    view: CompareView, qtbot: QtBot
) -> None:
    """#6: not a narrow column of text beside two empty ones (as the PDF sets it)."""
    table, model = view.table(), view.model()
    ecowas = model.row_of("to:ecowas")  # only the Crisis Group, the middle column
    west = model.row_of("to:western governments")
    assert table.columnSpan(ecowas, 0) == 3
    assert table.columnSpan(west, 0) == 1  # every source speaks: three columns
    html = str(_cell(view, "to:ecowas", 0, HtmlRole))
    assert "<i>Only</i> <b>International Crisis Group, 9 February 2023</b>" in html
    assert "silent: Responsible Statecraft, 2021 · Responsible Statecraft, July 2023" in html
    assert "Consider lifting the individual sanctions" in html
    assert _cell(view, "to:ecowas", 0, CardIdRole) == CRISIS_GROUP  # drill down to its card
    assert _cell(view, "to:ecowas", 1) is None  # under the span: nothing
    # Remove Column on the spanned cell takes out its card, not the first column's; with
    # the Crisis Group gone the row is gone too.
    table.setCurrentIndex(model.index(ecowas, 0))
    view.remove_current()
    assert view.card_ids() == [LEVERAGE, SANCTIONS]
    assert model.row_of("to:ecowas") == -1
    assert all(table.columnSpan(r, 0) == 1 for r in range(model.rowCount()))


def test_the_source_row_says_what_each_card_is_silent_on(view: CompareView) -> None:
    sanctions = str(_cell(view, "source", 2, HtmlRole))
    assert "Silent on:" in sanctions
    assert "Why Mali turned to Russia" in sanctions
    assert "Regional relations and ECOWAS" in sanctions
    assert "Silent on" not in str(_cell(view, "source", 0, HtmlRole))
    assert "Addresses every topic" in str(_cell(view, "source", 0, HtmlRole))


def test_dragging_a_column_header_reorders_the_columns(view: CompareView, qtbot: QtBot) -> None:
    header = view.table().horizontalHeader()
    y = header.height() // 2
    start = QPoint(header.sectionViewportPosition(0) + 30, y)
    end = QPoint(header.sectionViewportPosition(2) + header.sectionSize(2) - 10, y)
    with qtbot.assertNotEmitted(view.open_card), qtbot.waitSignal(view.cards_changed) as changed:
        drag(header.viewport(), start, end)
    assert changed.args == [[CRISIS_GROUP, SANCTIONS, LEVERAGE]]
    assert view.card_ids() == [CRISIS_GROUP, SANCTIONS, LEVERAGE]
    # The model now holds the order on screen: logical and visual columns agree again.
    assert [header.logicalIndex(v) for v in range(3)] == [0, 1, 2]
    assert _header(view, 2) == "Responsible Statecraft\n2021"
    assert "Responsible Statecraft" in view.document_html().split("International Crisis")[1]


def test_columns_move_from_the_keyboard_reachable_api_too(view: CompareView) -> None:
    view.move_card(2, 0)
    assert view.card_ids() == [SANCTIONS, LEVERAGE, CRISIS_GROUP]
    view.move_card(0, 5)  # out of range: nothing happens
    assert view.card_ids() == [SANCTIONS, LEVERAGE, CRISIS_GROUP]


def test_clicking_a_column_header_opens_that_card(view: CompareView, qtbot: QtBot) -> None:
    header = view.table().horizontalHeader()
    point = QPoint(header.sectionViewportPosition(1) + 40, header.height() // 2)
    with qtbot.waitSignal(view.open_card) as opened:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened.args == [CRISIS_GROUP]


def test_remove_a_column_with_the_delete_key_then_add_one_back(
    view: CompareView, qtbot: QtBot
) -> None:
    table = view.table()
    table.setFocus()
    table.setCurrentIndex(view.model().index(1, 1))
    with qtbot.waitSignal(view.cards_changed):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert view.card_ids() == [LEVERAGE, SANCTIONS]
    assert table.isVisible()
    assert view.remove_card(SANCTIONS)
    assert view.card_ids() == [LEVERAGE]
    reason = view.findChild(QLabel, "compareUnavailable")
    assert reason is not None
    assert reason.isVisible()
    assert "Select 2–4 cards" in reason.text()
    assert "Add a card" in reason.text()  # and how to do it from here
    assert not table.isVisible()
    combo = view.findChild(QComboBox, "addCard")
    assert combo is not None
    assert combo.isEnabled()
    assert combo.count() == 2  # the two cards not compared
    with qtbot.waitSignal(view.cards_changed):
        combo.activated.emit(
            combo.findText("International Crisis Group", Qt.MatchFlag.MatchStartsWith)
        )
    assert view.card_ids() == [LEVERAGE, CRISIS_GROUP]  # added at the end
    assert table.isVisible()
    assert combo.count() == 1


def test_at_most_four_columns(show: Show) -> None:
    cards = generated_cards(6)
    catalog = catalog_of(cards)
    view = show(CompareView(catalog, [c.id for c in cards[:4]]))
    assert len(view.card_ids()) == 4
    combo = view.findChild(QComboBox, "addCard")
    assert combo is not None
    assert not combo.isEnabled()
    assert not view.add_card(cards[5].id)
    view.set_cards([c.id for c in cards[:5]])
    assert view.unavailable_reason() is not None
    assert "at most 4" in (view.unavailable_reason() or "")


def _row_rects(view: CompareView, row: int) -> list[tuple[int, int]]:
    table = view.table()
    model = view.model()
    rects = [table.visualRect(model.index(row, c)) for c in range(model.columnCount())]
    return [(r.top(), r.height()) for r in rects]


def test_rows_align_and_fit_their_longest_cell(view: CompareView, qtbot: QtBot) -> None:
    table = view.table()
    model = view.model()
    delegate = table.itemDelegate()
    assert isinstance(delegate, HtmlDelegate)
    qtbot.waitUntil(lambda: table.rowHeight(model.row_of("thesis")) > 100)
    for row in range(model.rowCount()):
        tops_heights = set(_row_rects(view, row))
        assert len(tops_heights) == 1  # every column's cell starts and ends together
        height = table.rowHeight(row)
        for column in range(model.columnCount()):
            span = range(column, column + table.columnSpan(row, column))  # a one-sided row
            width = sum(table.columnWidth(c) for c in span)
            doc = delegate.document(model.index(row, column), width)
            assert doc.size().height() + 2 * PAD_Y <= height + 1  # no cell is clipped
    # The longest cell sets the height: the ledger row for Bamako is much taller in one column
    # (once shown whole: one card alone speaks to it, so it starts collapsed).
    authorities = model.row_of("to:malian authorities")
    view.set_collapse_one_sided(False)
    ecowas = table.rowHeight(model.row_of("to:ecowas"))
    qtbot.waitUntil(lambda: table.rowHeight(authorities) > 3 * ecowas)


def test_one_scroll_area_moves_every_column_together(view: CompareView, qtbot: QtBot) -> None:
    table = view.table()
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 500)
    row = view.model().row_of("to:western governments")
    before = _row_rects(view, row)
    bar.setValue(bar.maximum() // 2)
    after = _row_rects(view, row)
    moved = {b[0] - a[0] for b, a in zip(before, after, strict=True)}
    assert moved == {bar.value()}  # every column scrolled by exactly the same amount
    assert len(set(after)) == 1


def test_row_heights_follow_the_column_width(view: CompareView, qtbot: QtBot) -> None:
    table = view.table()
    thesis = view.model().row_of("thesis")
    qtbot.waitUntil(lambda: table.rowHeight(thesis) > 100)
    wide = table.rowHeight(thesis)
    view.resize(900, 800)
    qtbot.waitUntil(lambda: table.rowHeight(thesis) > wide * 1.2)


def test_the_argument_is_collapsed_until_its_row_header_is_clicked(
    view: CompareView, qtbot: QtBot
) -> None:
    table = view.table()
    row = view.model().row_of("argument")
    assert "(collapsed)" in str(_cell(view, "argument", 0, HtmlRole))
    collapsed = table.rowHeight(row)
    header = table.verticalHeader()
    table.scrollTo(view.model().index(row, 0))
    point = QPoint(20, header.sectionViewportPosition(row) + 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.argument_expanded()
    assert "Wagner" in str(_cell(view, "argument", 0, HtmlRole))
    assert table.rowHeight(row) > 10 * collapsed
    view.set_argument_expanded(False)
    assert table.rowHeight(row) == collapsed


def test_clicking_a_tag_in_the_tags_row_emits_it(view: CompareView, qtbot: QtBot) -> None:
    table = view.table()
    model = view.model()
    index = model.index(model.row_of("tags"), 1)
    table.scrollTo(index, table.ScrollHint.PositionAtTop)
    rect = table.visualRect(index)
    delegate = table.itemDelegate()
    assert isinstance(delegate, HtmlDelegate)
    doc = delegate.document(index, rect.width())
    point = anchor_point(doc, tag_href("theme/isolation"))  # only the Crisis Group has it
    click = rect.topLeft() + QPoint(int(point.x()) + PAD_X, int(point.y()) + PAD_Y)
    with qtbot.waitSignal(view.tag_clicked) as clicked:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=click)
    assert clicked.args == ["theme/isolation"]
    html = str(index.data(HtmlRole))
    # Listed with the tags only this source has, by its name (the slug is its tooltip).
    assert html.index("ONLY THIS SOURCE") < html.index("&nbsp;Isolation&nbsp;")
    assert 'title="theme/isolation"' in html


def test_fewer_rows_for_a_one_screen_contrast(view: CompareView) -> None:
    table = view.table()
    model = view.model()
    view.set_rows_shown(RowKind.THESIS, False)
    view.set_differences_only(True)
    assert table.isRowHidden(model.row_of("thesis"))
    assert table.isRowHidden(model.row_of("topic:great-power-framing"))
    assert not table.isRowHidden(model.row_of("topic:why-russia"))
    view.set_differences_only(False)
    assert not table.isRowHidden(model.row_of("topic:great-power-framing"))


def test_a_reload_keeps_the_columns_in_the_readers_order(
    view: CompareView, shipped: MemoryCatalog
) -> None:
    view.move_card(0, 2)
    order = view.card_ids()
    view.set_catalog(shipped)
    assert view.card_ids() == order
    smaller = catalog_of(
        [c for c in (shipped.card(i) for i in order) if c and c.id != SANCTIONS], shipped.info
    )
    view.set_catalog(smaller)
    assert view.card_ids() == [i for i in order if i != SANCTIONS]


def test_a_set_with_one_card_says_why_compare_is_unavailable(show: Show) -> None:
    catalog = catalog_of([make_card("only", "2021")])
    view = show(CompareView(catalog, ["only"]))
    reason = view.findChild(QLabel, "compareUnavailable")
    assert reason is not None
    assert reason.isVisible()
    assert "only one" in reason.text()
    assert not view.table().isVisible()
    combo = view.findChild(QComboBox, "addCard")
    assert combo is not None
    assert not combo.isEnabled()


def test_a_set_without_topics_shows_how_to_add_them(show: Show) -> None:
    view = show(CompareView(bare_set(two_cards()), ["a", "b"]))
    hint = view.findChild(QLabel, "topicsHint")
    assert hint is not None
    assert hint.isVisible()
    assert hint.text() == NO_TOPICS_HINT
    model = view.model()
    kinds = {model.row_at(r).kind for r in range(model.rowCount())}
    assert RowKind.TOPIC not in kinds


def test_untrusted_text_reaches_tooltips_escaped(show: Show) -> None:
    evil = replace(make_card("a", "2021"), title='<img src="file:///etc/passwd">')
    view = show(CompareView(catalog_of([evil, make_card("b", "2022")]), ["a", "b"]))
    tip = str(view.model().headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    assert "<img" not in tip
    assert "&lt;img" in tip
    assert "&lt;img" in str(_cell(view, "source", 0, HtmlRole))


def test_the_theme_can_be_switched(view: CompareView) -> None:
    view.set_theme(DARK)
    assert DARK.stance("mixed").background in str(_cell(view, "topic:why-russia", 1, HtmlRole))
    assert view.table().palette().color(view.table().palette().ColorRole.Base) == QColor(
        DARK.background
    )


def test_without_a_theme_the_view_follows_the_palette(
    shipped: MemoryCatalog, show: Show, qapp: QApplication, qtbot: QtBot
) -> None:
    view = show(CompareView(shipped, DATE_ORDER))

    def badge() -> str:
        return str(_cell(view, "topic:why-russia", 1, HtmlRole))

    assert LIGHT.stance("mixed").background in badge()
    apply_palette(qapp, PaletteMode.DARK)  # Qt delivers the change as a posted event
    try:
        qtbot.waitUntil(lambda: DARK.stance("mixed").background in badge())
    finally:
        apply_palette(qapp, PaletteMode.SYSTEM)
    qtbot.waitUntil(lambda: LIGHT.stance("mixed").background in badge())


@pytest.mark.qt_log_ignore("This plugin does not support")  # popups: raise(), grabbing
def test_typing_in_add_a_card_narrows_the_choice_to_matching_cards(
    qtbot: QtBot, show: Show
) -> None:
    cards = [
        make_card(f"card-{n}", f"20{10 + n}", publisher=f"Press {name}")
        for n, name in enumerate(["Alpha", "Beta", "Gamma", "Alphaville", "Delta"])
    ]
    view = show(CompareView(catalog_of(cards), ["card-1", "card-2"]))
    combo = view.findChild(QComboBox, "addCard")
    assert combo is not None
    assert combo.currentText() == ""  # nothing typed, the placeholder shows
    combo.setFocus()
    qtbot.keyClicks(combo, "alpha")
    completer = combo.completer()
    assert completer is not None
    matches = completer.completionModel()
    assert matches.rowCount() == 2  # "Press Alpha" and "Press Alphaville", not the others
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    # Wider than the box: a suggestion is publisher, date and title, not cut at the box's edge.
    assert popup.width() > combo.width()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.cards_changed):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert len(view.card_ids()) == 3
    assert set(view.card_ids()) - {"card-1", "card-2"} <= {"card-0", "card-3"}
    qtbot.waitUntil(lambda: combo.currentText() == "")  # ready for the next one
    assert len(view.card_ids()) == 3  # the one Return added one card
