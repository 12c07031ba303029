"""A long comparison view goes on paper in parts: each laid out as a document of its own (a
moved page break lays out only the rest of its part), with one entry in the contents and the
outline, and a long table as tables of a bounded number of rows, each under its heads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from reader.analysis.timeline import merged_timeline
from reader.export import book, frontmatter
from reader.export.book import parts_of
from reader.export.pdf import RESOLUTION, compose, lay_out, page_size_of, print_document
from reader.export.sections import Kind
from reader.export.typeset import Typesetter
from reader.render import LIGHT
from reader.render.comparison import PART, TIMELINE_TITLE, timeline_html
from reader.render.comparison import common as comparison_common
from tests.analysis.compare_cards import generated_cards
from tests.conftest import SHIPPED_CARDS
from tests.export.layout import request_for
from tests.support.synthetic import write_set


def test_parts_keep_the_head_and_every_piece_in_order() -> None:
    head = "<html><head><title>T</title></head>"
    pieces = [f"<p>piece {i} {'x' * (10 * i)}</p>" for i in range(12)]
    html = f"{head}<body>{PART.join(pieces)}</body></html>"
    parts = list(parts_of(html, size=200))
    assert len(parts) > 2
    bodies = []
    for part in parts:
        assert part.startswith(f"{head}<body>")
        assert part.endswith("</body></html>")
        body = part.removeprefix(f"{head}<body>").removesuffix("</body></html>")
        assert len(body) <= 200 or body.count("<p>") == 1  # a longer piece stays whole
        bodies.append(body)
    assert "".join(bodies) == "".join(pieces)
    assert list(parts_of(html, size=10**6)) == [html.replace(PART, "")]


def test_a_long_timeline_is_tables_of_bounded_rows_each_under_its_heads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events = merged_timeline(generated_cards(30))
    monkeypatch.setattr(comparison_common, "ROWS_PER_PART", 10)
    html = timeline_html(events, LIGHT, for_print=True)
    tables = html.split(PART)
    assert len(tables) == -(-len(events) // 10)
    for table in tables:
        assert table.count("<table") == 1
        assert "<thead>" in table
        assert len(re.findall(r"<tr><td", table)) <= 10
    assert len(re.findall(r"<tr><td", html)) == len(events)
    screen = timeline_html(events, LIGHT)  # the window's page stays one table
    assert screen.count("<table") == 1
    assert PART not in screen


def test_a_view_in_parts_has_one_entry_in_the_contents_and_the_outline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object, qapp: object
) -> None:
    root = tmp_path / "set"  # type: ignore[operator]
    write_set(root, 8)
    monkeypatch.setattr(book, "PART_SIZE", 3000)
    monkeypatch.setattr(comparison_common, "ROWS_PER_PART", 4)
    request = request_for(root, index=False)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    _, laid, _ = lay_out(request, writer, page_size_of("A4"))
    timeline = [s.section for s in laid.sections if s.section.title == TIMELINE_TITLE]
    assert len(timeline) > 1
    assert [s.continued for s in timeline] == [False] + [True] * (len(timeline) - 1)
    assert (
        sum(s.section.in_contents for s in laid.sections if s.section.kind is Kind.COMPARISON) == 3
    )
    (group,) = [n for n in laid.outline() if n.title == "Comparison"]
    assert [n.title for n in group.children].count(TIMELINE_TITLE) == 1


def test_a_packed_section_lays_out_as_the_section_did(qapp: object) -> None:
    """A book of many cards keeps each card's HTML compressed until it is laid out."""
    request = request_for(SHIPPED_CARDS, index=False)
    section = compose(request)[0]
    packed = section.packed_up()
    assert not packed.html
    assert len(packed.packed) * 3 < len(section.html)
    assert packed.markup() == section.html
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    typesetter = Typesetter(writer, page_size_of("A4"), print_document, LIGHT)
    plain, small = typesetter.lay_out(section), typesetter.lay_out(packed)
    assert (small.pages, small.edits, small.offsets) == (plain.pages, plain.edits, plain.offsets)


def test_long_contents_and_index_go_in_parts_that_cite_the_right_pages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object, qapp: object
) -> None:
    """Ten thousand cards' contents and index are laid out in parts (each a document): the
    numbers the parts print are the sections' pages, no part ends on a heading, and the
    contents and the index keep one outline entry each, the index's groups under it."""
    root = tmp_path / "set"  # type: ignore[operator]
    write_set(root, 8)
    monkeypatch.setattr(frontmatter, "CONTENTS_PART", 1500)
    monkeypatch.setattr(frontmatter, "INDEX_PART", 800)
    request = request_for(root)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    _, laid, _ = lay_out(request, writer, page_size_of("A4"))
    by_kind = {
        kind: [s for s in laid.sections if s.section.kind is kind]
        for kind in (Kind.CONTENTS, Kind.INDEX)
    }
    for parts in by_kind.values():
        assert len(parts) > 2
        assert [s.section.continued for s in parts] == [False] + [True] * (len(parts) - 1)
        for part in parts:
            body = part.section.markup().rpartition("</body>")[0]
            assert not re.search(r'(tocgroup">[^<]*</p></td></tr></table>|</h2>)$', body)
    cited = [
        (anchor, int(page))
        for part in by_kind[Kind.CONTENTS]
        for anchor, page in re.findall(
            r'<p class="toc"><a href="#([^"]+)">(\d+)</a>', part.section.markup()
        )
    ]
    listed = [(s.section.anchor, s.first_page) for s in laid.sections if s.section.in_contents]
    assert cited == listed
    assert len(listed) == 8 + 4  # the cards, three comparison views and the index
    index_pages = {
        int(p)
        for s in by_kind[Kind.INDEX]
        for p in re.findall(r'<a href="#[^"]+">(\d+)</a>', s.section.markup())
    }
    assert index_pages == {s.first_page for s in laid.sections if s.section.kind is Kind.CARD}
    top = [n.title for n in laid.outline()]
    assert top.count("Contents") == 1
    (index,) = [n for n in laid.outline() if n.title == "Index of tags"]
    assert len(index.children) > 1
    assert laid.pages == sum(s.pages for s in laid.sections)
