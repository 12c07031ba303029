"""Finishing reads Qt's PDF without pypdf's reader: the same pages and named places pypdf
reads, with tokens cut across every read, and an error (never a wrong answer) otherwise."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

import reader.export.qtpdf as qtpdf
from reader.export.qtpdf import QtPdf

#: Names Qt writes with escapes (its UTF-16 holds "(", ")" and "\\" bytes), and plain ones.
ODD = ["a(b)c", "back\\slash", "é-ü ☃", "Ĩ-ĩ", "x" * 300]


@pytest.fixture(scope="module")
def qt_file(qapp: object) -> bytes:
    """A PDF Qt wrote, of a few pages, naming many places."""
    names = ODD + [f"place-{i:03d}" for i in range(120)]
    html = "".join(
        f'<p><a name="{n}"></a>Paragraph {i}</p>' + ("<p>filler</p>" * 3)
        for i, n in enumerate(names)
    )
    doc = QTextDocument()
    doc.setHtml(html)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    doc.print_(writer)
    del writer
    return bytes(buffer.data().data())


def _pypdf_places(data: bytes) -> dict[str, tuple[int | None, float | None, float | None]]:
    reader = PdfReader(io.BytesIO(data))
    found = {}
    for name, dest in reader.named_destinations.items():
        assert isinstance(dest, Destination)
        left = None if dest.left is None else float(dest.left)
        top = None if dest.top is None else float(dest.top)
        found[name] = (reader.get_destination_page_number(dest), left, top)
    return found


def test_the_named_places_and_pages_are_the_ones_pypdf_reads(
    qt_file: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(qtpdf, "CHUNK", 61)  # every token is cut by some read
    expected = _pypdf_places(qt_file)
    assert set(ODD) <= set(expected)
    assert len(expected) > 100
    qt = QtPdf(io.BytesIO(qt_file))
    pages = qt.pages()
    assert [p.num for p in pages] == [
        p.indirect_reference.idnum
        for p in PdfReader(io.BytesIO(qt_file)).pages
        if p.indirect_reference is not None
    ]
    assert len(pages) > 3
    wanted = {*ODD, "place-007", "place-119", "not drawn"}
    index = {ref.num: i for i, ref in enumerate(pages)}
    found = {name: (index[d.page.num], d.left, d.top) for name, d in qt.named(wanted).items()}
    assert found == {name: expected[name] for name in wanted - {"not drawn"}}


def test_the_information_dictionary_is_found_where_the_table_says(qt_file: bytes) -> None:
    qt = QtPdf(io.BytesIO(qt_file))
    start = qt.offset(qt.ref("Info").num)
    assert qt_file[start:].startswith(f"{qt.ref('Info').num} 0 obj".encode())
    assert qt.trailer_at == qt_file.rindex(b"trailer")


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda d: d[:-30], "no cross-reference table"),
        (lambda d: d.replace(b"/Type /Pages", b"/Type /Pages /Odd {x}"), "does not know"),
        (lambda d: d.replace(b"xref\n0 ", b"xref\n1 "), "does not know"),
    ],
)
def test_a_file_not_as_qt_writes_it_is_an_error(qt_file: bytes, damage: object, says: str) -> None:
    assert callable(damage)
    with pytest.raises(ValueError, match=says):
        QtPdf(io.BytesIO(damage(qt_file))).pages()
