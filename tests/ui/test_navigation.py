"""Moving through the set the way a reader does: tags, chips, search, back and forward."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAccessible, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.cards.filters import Filter, FilterKind
from reader.cards.query import Query
from reader.render import LIGHT, tag_href
from reader.render.card import card_href
from reader.ui.main_window import MainWindow
from reader.ui.reading.tag_tree_model import COUNT, NAME, FilterRole
from tests.ui.conftest import (
    CRISIS_GROUP,
    LEVERAGE,
    SANCTIONS,
    anchor_point,
    laid_out,
    list_titles,
)


def tree_index(window: MainWindow, kind: FilterKind, value: str) -> QModelIndex:
    index = window.sidebar.model.index_of(Filter(kind, value))
    assert index.isValid(), f"{kind} {value} is not in the tag tree"
    window.sidebar.tree.scrollTo(index)
    return index


def click_tree(
    qtbot: QtBot,
    window: MainWindow,
    kind: FilterKind,
    value: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    index = tree_index(window, kind, value)
    point = window.sidebar.tree.visualRect(index).center()
    qtbot.mouseClick(window.sidebar.tree.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def tree_count(window: MainWindow, kind: FilterKind, value: str) -> int:
    return int(tree_index(window, kind, value).siblingAtColumn(COUNT).data())


def click_list_row(qtbot: QtBot, window: MainWindow, card_id: str) -> None:
    pane = window.list_pane
    row = pane.visible_ids().index(card_id)
    rect = pane.view.visualRect(pane.model.index(row, 0))
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def highlighted_words(window: MainWindow) -> list[str]:
    """The text runs of the card view painted with the search highlight."""
    found = []
    block = window.card_view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt: QTextCharFormat = fragment.charFormat()
            if fmt.background().color().name() == LIGHT.highlight.background:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_opens_on_the_overview_with_every_card_listed(window: MainWindow) -> None:
    assert window.windowTitle().startswith("Mali, Russia and the West")
    assert window.list_pane.count.text() == "3 cards"
    assert window.card_view.card_id is None
    assert "Getting around" in window.card_view.toPlainText()
    assert window.status.shown.text() == "3 of 3 cards"
    assert window.sidebar.title.text() == "Mali, Russia and the West"


def test_clicking_a_tag_in_the_tree_filters_and_a_second_click_unfilters(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "actor/us-treasury")
    assert window.list_pane.visible_ids() == [SANCTIONS]
    # Chips and status bar name the tag as the tree does; the slug is in their tooltips.
    chips = [c.text() for c in window.list_pane.filter_bar.chips()]
    assert chips == ["The US Treasury Department  ✕"]
    assert "The US Treasury Department" in window.status.filters.text()
    # Counts in the tree follow the filter: only one card is left to carry country/mali.
    assert tree_count(window, FilterKind.TAG, "country/mali") == 1
    click_tree(qtbot, window, FilterKind.TAG, "actor/us-treasury")
    assert len(window.list_pane.visible_ids()) == 3
    assert window.list_pane.filter_bar.chips() == []


def test_tags_combine_with_and(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "country/france")
    assert set(window.list_pane.visible_ids()) == {CRISIS_GROUP, LEVERAGE}
    click_tree(qtbot, window, FilterKind.TAG, "theme/coups")
    both = set(window.list_pane.visible_ids())
    assert both == {
        c
        for c in (CRISIS_GROUP, LEVERAGE)
        if "theme/coups" in window.session.summary(c).tags  # type: ignore[union-attr]
    }
    assert len(window.list_pane.filter_bar.chips()) == 2


def test_a_parent_tag_matches_its_children(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "theme/foreign-aid")
    only = window.list_pane.visible_ids()
    assert only == [CRISIS_GROUP]
    click_tree(qtbot, window, FilterKind.TAG, "theme/foreign-aid")
    click_tree(qtbot, window, FilterKind.TAG, "theme")
    assert len(window.list_pane.visible_ids()) == 3
    assert window.session.query.include_tags == ("theme",)


def test_ctrl_click_excludes_a_tag_and_its_chip_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_tree(
        qtbot, window, FilterKind.TAG, "actor/us-treasury", Qt.KeyboardModifier.ControlModifier
    )
    assert set(window.list_pane.visible_ids()) == {CRISIS_GROUP, LEVERAGE}
    chips = window.list_pane.filter_bar.chips()
    assert [c.text() for c in chips] == ["⊘ not The US Treasury Department  ✕"]
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.list_pane.visible_ids()) == 3)
    assert window.list_pane.filter_bar.isHidden()


def test_exclude_from_the_tree_context_menu_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    index = tree_index(window, FilterKind.TAG, "actor/us-treasury")
    window.sidebar.tree.setCurrentIndex(index)
    window.sidebar.tree.setFocus()
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.query.exclude_tags == ("actor/us-treasury",)
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Delete)
    assert window.session.query.exclude_tags == ()


def test_facets_filter_by_publisher(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.PUBLISHER, "International Crisis Group")
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    click_tree(qtbot, window, FilterKind.YEAR, "2021")
    assert window.list_pane.visible_ids() == []
    assert "No card matches" in window.card_view.toPlainText()


def test_clear_all_removes_every_filter(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "country/france")
    click_tree(qtbot, window, FilterKind.YEAR, "2023")
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    clear = window.list_pane.filter_bar._clear
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert len(window.list_pane.visible_ids()) == 3
    assert window.session.query.is_empty()


def test_choosing_a_card_in_the_list_shows_it(qtbot: QtBot, window: MainWindow) -> None:
    click_list_row(qtbot, window, CRISIS_GROUP)
    assert window.card_view.card_id == CRISIS_GROUP
    text = window.card_view.toPlainText()
    assert "Mali: Avoiding The Trap Of Isolation" in text
    assert "THESIS" in text
    assert "Related cards" in text


def test_arrow_keys_move_through_the_list(qtbot: QtBot, window: MainWindow) -> None:
    order = window.list_pane.visible_ids()
    click_list_row(qtbot, window, order[0])
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Down)
    assert window.card_view.card_id == order[1]
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_End)
    assert window.card_view.card_id == order[-1]


def test_sorting_by_title_and_by_date(window: MainWindow) -> None:
    titles = sorted(list_titles(window), key=str.casefold)
    window.list_pane.sort.setCurrentIndex(window.list_pane.sort.findData("title"))
    assert list_titles(window) == titles
    window.list_pane.sort.setCurrentIndex(window.list_pane.sort.findData("oldest"))
    assert window.list_pane.visible_ids()[0] == LEVERAGE
    window.list_pane.sort.setCurrentIndex(window.list_pane.sort.findData("newest"))
    assert window.list_pane.visible_ids()[0] == SANCTIONS


def test_the_view_menu_sorts_the_list_and_follows_the_list_s_own_choice(
    window: MainWindow,
) -> None:
    orders = window.commands.sort_orders
    view_menu = window.menus.view
    sort_menu = next(a.menu() for a in view_menu.actions() if a.text() == "&Sort Cards By")
    assert [a.text() for a in sort_menu.actions()] == [
        "Newest first",
        "Oldest first",
        "Title",
        "Publisher",
    ]
    assert orders["newest"].isChecked()
    orders["oldest"].trigger()
    assert window.list_pane.visible_ids()[0] == LEVERAGE
    assert window.list_pane.sort.currentData() == "oldest"
    assert window.settings.sort_key == "oldest"
    window.list_pane.sort.setCurrentIndex(window.list_pane.sort.findData("title"))
    assert orders["title"].isChecked()
    assert not orders["oldest"].isChecked()


def test_a_tag_link_reached_by_tab_filters_on_enter_and_excludes_on_ctrl_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    view.setFocus()

    def tab_to_first_tag() -> str:
        for _ in range(120):  # past every locator: each is a link to its passage
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            href = view.textCursor().charFormat().anchorHref()
            if href.startswith("tag:"):
                return href
        raise AssertionError("no tag link reached with Tab")

    href = tab_to_first_tag()
    tag = href.removeprefix("tag:").replace("%2F", "/")
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.query.exclude_tags == (tag,)
    window.session.set_query(Query())
    window.session.open_card(CRISIS_GROUP)
    view.setFocus()
    assert tab_to_first_tag() == href
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.session.query.include_tags == (tag,)


def test_clicking_a_tag_chip_in_the_card_filters_and_ctrl_click_excludes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    point = anchor_point(view, tag_href("actor/minusma"))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.query.include_tags == ("actor/minusma",)
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    assert view.card_id == CRISIS_GROUP  # the open card still matches: it stays open
    point = anchor_point(view, tag_href("actor/minusma"))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, point
    )
    assert window.session.query.exclude_tags == ("actor/minusma",)
    assert CRISIS_GROUP not in window.list_pane.visible_ids()
    # The open card was filtered out, so the first remaining card takes its place.
    assert view.card_id in window.list_pane.visible_ids()


def test_related_cards_open_from_the_footer(qtbot: QtBot, window: MainWindow) -> None:
    window.session.open_card(LEVERAGE)
    view = window.card_view
    point = anchor_point(view, card_href(SANCTIONS))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.card_id == SANCTIONS
    assert window.list_pane.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == SANCTIONS


def test_search_as_you_type_is_accent_insensitive_and_highlights(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.commands.find.trigger()
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "goita")
    qtbot.waitUntil(lambda: window.session.query.text == "goita")
    assert set(window.list_pane.visible_ids()) == {SANCTIONS, LEVERAGE}
    window.session.open_card(SANCTIONS)
    assert "Goïta" in highlighted_words(window)


def test_search_combines_with_tags(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "country/france")
    window.commands.find.trigger()
    qtbot.keyClicks(window.search, "ECOWAS")
    qtbot.waitUntil(lambda: window.session.query.text == "ECOWAS")
    assert window.list_pane.visible_ids() == [CRISIS_GROUP]
    assert "France" in window.status.filters.text()
    assert "ECOWAS" in window.status.filters.text()


def test_slash_focuses_search_and_escape_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Slash)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "sanctions")
    qtbot.waitUntil(lambda: window.session.query.text == "sanctions")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.session.query.text == ""
    assert len(window.list_pane.visible_ids()) == 3


def _mouse_click(qtbot: QtBot, window: MainWindow, over: QWidget, button: Qt.MouseButton) -> None:
    """A click as the mouse makes it: to the window's platform window, which hands it to the
    widget under the pointer (QTest's click on a widget skips that step)."""
    handle = window.windowHandle()
    assert handle is not None
    qtbot.mouseClick(handle, button, pos=over.mapTo(window, QPoint(40, 40)))


def test_back_and_forward_retrace_cards_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    click_tree(qtbot, window, FilterKind.TAG, "actor/wagner")
    click_list_row(qtbot, window, CRISIS_GROUP)
    window.commands.find.trigger()
    qtbot.keyClicks(window.search, "ECOWAS")
    qtbot.waitUntil(lambda: window.session.query.text == "ECOWAS")
    assert window.commands.back.isEnabled()
    assert not window.commands.forward.isEnabled()

    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    # One step back undoes the whole typed word, not one letter.
    assert window.session.query.text == ""
    assert window.search.text() == ""
    assert window.card_view.card_id == CRISIS_GROUP
    assert window.session.query.include_tags == ("actor/wagner",)

    _mouse_click(qtbot, window, window.card_view.viewport(), Qt.MouseButton.BackButton)
    assert window.card_view.card_id is None
    assert window.session.query.include_tags == ("actor/wagner",)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.query.is_empty()
    assert not window.commands.back.isEnabled()

    _mouse_click(qtbot, window, window.card_view.viewport(), Qt.MouseButton.ForwardButton)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.session.query.text == "ECOWAS"
    assert window.search.text() == "ECOWAS"
    assert not window.commands.forward.isEnabled()


def test_a_new_step_after_going_back_drops_the_forward_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    click_list_row(qtbot, window, CRISIS_GROUP)
    click_list_row(qtbot, window, SANCTIONS)
    window.commands.back.trigger()
    assert window.card_view.card_id == CRISIS_GROUP
    click_list_row(qtbot, window, LEVERAGE)
    assert not window.commands.forward.isEnabled()
    window.commands.back.trigger()
    assert window.card_view.card_id == CRISIS_GROUP


def test_zoom_changes_the_card_type_size(window: MainWindow) -> None:
    window.session.open_card(CRISIS_GROUP)
    normal = window.card_view.base_point_size
    window.commands.zoom_in.trigger()
    window.commands.zoom_in.trigger()
    assert window.card_view.base_point_size > normal
    assert window.card_view.document().defaultFont().pointSizeF() > normal
    window.commands.zoom_reset.trigger()
    assert window.card_view.base_point_size == normal
    window.commands.zoom_out.trigger()
    assert window.card_view.base_point_size < normal


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces; a button may take it from its text or action."""
    if not isinstance(widget, QAbstractButton):
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    window.session.set_query(Query(include_tags=("theme",), exclude_tags=("country/france",)))
    controls = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTextEdit)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in window.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisibleTo(window) and not accessible_name(w)
    ]
    assert unnamed == []
    assert len(window.list_pane.filter_bar.chips()) == 2


def test_tab_order_goes_search_tags_list_card(qtbot: QtBot, window: MainWindow) -> None:
    window.search.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    assert seen[0] is window.sidebar.tree
    assert window.list_pane.view in seen
    assert seen.index(window.list_pane.view) < seen.index(window.card_view)


def test_tree_tooltips_carry_tag_descriptions(window: MainWindow) -> None:
    index = tree_index(window, FilterKind.TAG, "actor/wagner")
    tip = index.siblingAtColumn(NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "The Wagner Group" in tip
    assert index.data(FilterRole) == Filter(FilterKind.TAG, "actor/wagner")


def test_a_search_while_reading_jumps_to_the_first_match_and_stays_there(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.open_card(CRISIS_GROUP)
    view = window.card_view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: laid_out(window))
    bar.setValue(bar.maximum())  # reading the footer
    window.commands.find.trigger()
    qtbot.keyClicks(window.search, "ECOWAS")
    qtbot.waitUntil(lambda: window.session.query.text == "ECOWAS")
    qtbot.waitUntil(lambda: laid_out(window))  # the lazy layout must not drag it back down
    assert view.textCursor().selectedText() == "ECOWAS"
    assert view.textCursor().selectionStart() == view.matches()[0][0]
    rect = view.cursorRect(view.textCursor())
    assert 0 <= rect.top() <= view.viewport().height()


def test_tabbing_into_the_list_does_not_open_a_card(qtbot: QtBot, window: MainWindow) -> None:
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    qtbot.keyClick(window.sidebar.tree, Qt.Key.Key_Tab)
    qtbot.keyClick(window.list_pane.sort, Qt.Key.Key_Tab)
    assert window.list_pane.view.hasFocus()
    assert window.card_view.card_id is None  # still the overview: focus is not a choice
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Down)
    assert window.card_view.card_id in window.list_pane.visible_ids()
