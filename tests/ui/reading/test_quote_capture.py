"""A selection in the source pane becomes a quote whose locator the health check confirms."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.render import LIGHT
from reader.ui.reading.quote_capture import paragraph_locator, selected_quote
from reader.ui.reading.source_document import source_document
from reader.ui.reading.source_view import SourceView
from reader.verify.source_text import SourceText
from tests.ui.evidence_support import EVIDENCE

REPORT = SourceText.parse((EVIDENCE / "sources" / "report.txt").read_text("utf-8"))


def shown(qtbot: QtBot) -> SourceView:
    view = SourceView()
    qtbot.addWidget(view)
    view.show_layout(source_document(REPORT, LIGHT, 11), None, LIGHT)
    return view


def select(view: SourceView, start: int, end: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def passes_the_check(text: str, locator: str) -> bool:
    """As reader.verify.health.item_checks asks of a quote: found, and where its locator says."""
    found, named = REPORT.find(text), REPORT.resolve(locator)
    return bool(found) and isinstance(named, list) and bool(set(found) & set(named))


def test_a_selection_inside_a_paragraph_and_across_two(qtbot: QtBot) -> None:
    view = shown(qtbot)
    layout = view.source_layout
    assert layout is not None
    second, third = REPORT.paragraphs[2], REPORT.paragraphs[3]  # long ones (¶2 is a title)
    block = layout.document.findBlockByNumber(layout.block_of[second])
    select(view, block.position() + 4, block.position() + 40)
    captured = selected_quote(view)
    assert captured is not None
    assert captured.locator == second.locator
    assert passes_the_check(captured.text, captured.locator)

    following = layout.document.findBlockByNumber(layout.block_of[third])
    select(view, block.position() + block.length() - 20, following.position() + 15)
    across = selected_quote(view)
    assert across is not None
    assert "," not in across.locator  # one range: ¶N–M
    assert passes_the_check(across.text, across.locator)


def test_nothing_selected_gives_nothing_and_a_range_is_a_range(qtbot: QtBot) -> None:
    view = shown(qtbot)
    assert selected_quote(view) is None
    first, fourth = REPORT.paragraphs[0], REPORT.paragraphs[3]
    assert paragraph_locator(view, None, fourth) == fourth.locator
    ranged = paragraph_locator(view, fourth, first)  # either way round
    assert REPORT.resolve(ranged) == list(REPORT.paragraphs[:4])
