"""What Qt's PDF writer cannot do, added after Qt has rendered the pages.

Qt writes the pages, embeds subset fonts, and turns ``<a href="#name">`` into link
annotations pointing at named destinations for every ``<a name>`` it draws. It cannot write an
outline (the bookmarks panel), and its information dictionary has only a title, a creator and
the local time of writing. This step:

- replaces that dictionary in place with the whole one (title, subject, keywords = the tags,
  creator, producer) dated by the export's clock (``SOURCE_DATE_EPOCH`` when set);
- appends an incremental update holding the outline — each bookmark jumps to the very
  destination Qt recorded for its anchor, so bookmarks and links cannot disagree — and a
  catalog that opens the file with the bookmarks shown and the title as the window's name.

Qt's writer cannot write a tagged PDF (a structure tree for screen readers and reflow); the
book's accessibility is its title and subject, its outline and its real, searchable text.

:mod:`reader.export.qtpdf` reads what is needed of Qt's file (trailer, catalog, page list, the
outline's named destinations) a few kilobytes at a time, and pypdf serialises the new
objects; Qt's pages are left byte for byte, so a 3,000-page book is finished in about a
second where a full rewrite would parse and re-serialise every object. Qt is handed the
matching XMP packet and a fixed document id up front (:func:`xmp_packet`), so with a fixed
clock nothing random or current remains in the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import BinaryIO, Protocol

from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    create_string_object,
)

from reader.export.qtpdf import Name, QtPdf, Ref, String, Value


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    producer: str
    created: datetime


@dataclass(frozen=True, slots=True)
class OutlineNode:
    title: str
    anchor: str
    #: 0-based page to use when Qt recorded no destination for the anchor.
    page: int
    children: tuple[OutlineNode, ...] = ()
    is_open: bool = False


def pdf_date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%SZ")


def _xml(text: str) -> str:
    # XML 1.0 has no place for most control characters, whatever a card file contains.
    return html.escape("".join(ch for ch in text if ch >= " " or ch in "\t\n\r"), quote=False)


def xmp_packet(meta: Metadata, document_id: str) -> bytes:
    """The XMP metadata stream, saying what the information dictionary says.

    Given to Qt so that it does not write its own, which carries the time of writing.
    """
    when = meta.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    tags = "".join(f"<rdf:li>{_xml(k)}</rdf:li>" for k in meta.keywords)

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml(text)}</rdf:li></rdf:Alt>'

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">'
        "<dc:format>application/pdf</dc:format>"
        f"<dc:title>{alt(meta.title)}</dc:title>"
        f"<dc:description>{alt(meta.subject)}</dc:description>"
        f"<dc:subject><rdf:Bag>{tags}</rdf:Bag></dc:subject>"
        f"<pdf:Keywords>{_xml(', '.join(meta.keywords))}</pdf:Keywords>"
        f"<pdf:Producer>{_xml(meta.producer)}</pdf:Producer>"
        f"<xmp:CreatorTool>{_xml(meta.creator)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{when}</xmp:CreateDate><xmp:ModifyDate>{when}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>"
        f"<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


@dataclass(frozen=True, slots=True)
class _Target:
    page: int
    left: float | None
    top: float | None


def _targets(qt: QtPdf, wanted: set[str], pages: Sequence[IndirectObject]) -> dict[str, _Target]:
    """Where Qt put each of the ``wanted`` anchors, by page index. Only those are kept: a
    book of ten thousand cards names some 400,000 places."""
    index = {ref.idnum: i for i, ref in enumerate(pages)}
    return {
        name: _Target(index[dest.page.num], dest.left, dest.top)
        for name, dest in qt.named(wanted).items()
        if dest.page.num in index
    }


def _anchors(nodes: Sequence[OutlineNode]) -> set[str]:
    return {n.anchor for n in nodes} | {a for n in nodes for a in _anchors(n.children)}


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
#: Bytes of Qt's file copied at a time: the file is never held whole.
CHUNK = 1 << 20


class Sink(Protocol):
    """Where the finished file goes (:class:`~reader.export.atomic.AtomicFile`)."""

    def write(self, data: bytes | memoryview) -> None: ...


def _read(pdf: BinaryIO, start: int, stop: int) -> bytes:
    pdf.seek(start)
    return pdf.read(stop - start)


def _copy(pdf: BinaryIO, start: int, stop: int, out: Sink) -> None:
    pdf.seek(start)
    while start < stop:
        chunk = pdf.read(min(CHUNK, stop - start))
        if not chunk:
            raise ValueError("Qt's PDF ended early")
        out.write(chunk)
        start += len(chunk)


def _end_of_object(pdf: BinaryIO, start: int, stop: int) -> int:
    """Where the object at ``start`` ends (after its ``endobj``), read a few kilobytes at a
    time: Qt writes its information dictionary near the start of a file of any size."""
    at = start
    while at < stop:
        found = _read(pdf, at, min(stop, at + 4096 + 6)).find(b"endobj")
        if found >= 0:
            return at + found + len(b"endobj")
        at += 4096
    raise ValueError("Qt's PDF has an information dictionary without its end")


@dataclass(frozen=True, slots=True)
class _Written:
    """What finishing needs to know of the file it has written so far."""

    length: int
    startxref: int


def _replace_info(pdf: BinaryIO, qt: QtPdf, info: DictionaryObject, out: Sink) -> _Written:
    """Qt's file copied to ``out`` with its information dictionary replaced in place by
    ``info``, the offsets after it moved.

    Qt writes the local time of writing there, in a form whose length depends on the time
    zone; replacing the object (rather than superseding it) keeps none of that in the file.
    The file is copied a megabyte at a time from where Qt wrote it, its cross-reference table
    too (20 bytes an object, a million objects and more at ten thousand cards): a book of
    ten thousand cards is hundreds of megabytes, and a whole copy would be as much memory.
    """
    ref = qt.ref("Info")
    xref = qt.startxref
    start = qt.offset(ref.num)
    end = _end_of_object(pdf, start, xref)
    new = BytesIO()
    new.write(f"{ref.num} {ref.gen} obj\n".encode())
    info.write_to_stream(new)
    new.write(b"\nendobj")
    replacement = new.getvalue()
    delta = len(replacement) - (end - start)

    def shift(entry: re.Match[bytes]) -> bytes:
        offset = int(entry.group(1))
        if entry.group(3) == b"n" and offset > start:
            offset += delta
        return b"%010d %s %s" % (offset, entry.group(2), entry.group(3))

    _copy(pdf, 0, start, out)
    out.write(replacement)
    _copy(pdf, end, qt.entries, out)  # up to the table's entries, its head included
    step = CHUNK // 20 * 20  # whole entries
    for at in range(qt.entries, qt.trailer_at, step):
        out.write(_XREF_ENTRY.sub(shift, _read(pdf, at, min(at + step, qt.trailer_at))))
    tail = _STARTXREF.sub(
        f"startxref\n{xref + delta}\n%%EOF\n".encode(), _read(pdf, qt.trailer_at, qt.size)
    )
    out.write(tail)
    return _Written(qt.trailer_at + delta + len(tail), xref + delta)


class _Update:
    """An incremental update: new and replaced objects appended after Qt's file.

    Appending leaves Qt's pages, fonts and links as they are, byte for byte, so finishing a
    book of thousands of pages costs little more than reading its page tree and names; a
    full rewrite with pypdf would parse and re-serialise every object. Each object is kept
    as its bytes from when it is put: the outline of ten thousand cards is some ninety
    thousand items, and as pypdf objects they took a hundred megabytes and more.
    """

    def __init__(self, size: int) -> None:
        self._next = size
        self.objects: dict[int, bytes] = {}

    def reserve(self) -> IndirectObject:
        ref = IndirectObject(self._next, 0, None)
        self._next += 1
        return ref

    def put(self, ref: IndirectObject, obj: PdfObject) -> None:
        data = BytesIO()
        obj.write_to_stream(data)
        self.objects[ref.idnum] = data.getvalue()

    def write(self, written: _Written, trailer: DictionaryObject) -> bytes:
        """The update to append to the file ``written`` so far."""
        previous, base = written.startxref, written.length
        out = BytesIO()
        offsets: dict[int, int] = {}
        for num in sorted(self.objects):
            offsets[num] = base + out.tell()
            out.write(f"{num} 0 obj\n".encode())
            out.write(self.objects[num])
            out.write(b"\nendobj\n")
        xref = base + out.tell()
        # Object 0 heads the free list in every section; readers look for it first.
        out.write(b"xref\n0 1\n0000000000 65535 f \n")
        for num in sorted(offsets):
            out.write(f"{num} 1\n{offsets[num]:010d} 00000 n \n".encode())
        trailer[NameObject("/Size")] = NumberObject(max(self._next, *offsets) + 1)
        trailer[NameObject("/Prev")] = NumberObject(previous)
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


def _destination(
    node: OutlineNode, pages: Sequence[IndirectObject], targets: Mapping[str, _Target]
) -> ArrayObject:
    target = targets.get(node.anchor)
    if target is None:
        return ArrayObject([pages[node.page], NameObject("/Fit")])

    def num(value: float | None) -> PdfObject:
        return NullObject() if value is None else FloatObject(round(value, 3))

    return ArrayObject(
        [pages[target.page], NameObject("/XYZ"), num(target.left), num(target.top), NullObject()]
    )


def _visible(node: OutlineNode) -> int:
    """Entries shown under an item: its children, and theirs when open."""
    return sum(1 + (_visible(c) if c.is_open else 0) for c in node.children)


def _outline(
    update: _Update,
    nodes: Sequence[OutlineNode],
    parent: IndirectObject,
    pages: Sequence[IndirectObject],
    targets: Mapping[str, _Target],
) -> tuple[IndirectObject, IndirectObject] | None:
    """Write ``nodes`` as a chain of outline items under ``parent``; its first and last."""
    refs = [update.reserve() for _ in nodes]
    for i, (node, ref) in enumerate(zip(nodes, refs, strict=True)):
        item = DictionaryObject()
        item[NameObject("/Title")] = create_string_object(node.title)
        item[NameObject("/Parent")] = parent
        item[NameObject("/Dest")] = _destination(node, pages, targets)
        if i > 0:
            item[NameObject("/Prev")] = refs[i - 1]
        if i + 1 < len(refs):
            item[NameObject("/Next")] = refs[i + 1]
        ends = _outline(update, node.children, ref, pages, targets)
        if ends is not None:
            item[NameObject("/First")], item[NameObject("/Last")] = ends
            count = _visible(node)
            item[NameObject("/Count")] = NumberObject(count if node.is_open else -count)
        update.put(ref, item)
    return (refs[0], refs[-1]) if refs else None


def _info(meta: Metadata) -> DictionaryObject:
    stamp = pdf_date(meta.created)
    entries = {
        "/Title": meta.title,
        "/Subject": meta.subject,
        "/Keywords": ", ".join(meta.keywords),
        "/Creator": meta.creator,
        "/Producer": meta.producer,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    return DictionaryObject({NameObject(k): create_string_object(v) for k, v in entries.items()})


def _pypdf(value: Value) -> PdfObject:
    """One of Qt's values (read by :mod:`reader.export.qtpdf`) as pypdf writes it."""
    if isinstance(value, Ref):
        return IndirectObject(value.num, value.gen, None)
    if isinstance(value, Name):
        return NameObject("/" + value.name)
    if isinstance(value, String):
        return create_string_object(value.data)
    if isinstance(value, bool):
        return BooleanObject(value)
    if isinstance(value, float):
        return NumberObject(int(value)) if value.is_integer() else FloatObject(value)
    if isinstance(value, list):
        return ArrayObject(_pypdf(v) for v in value)
    if isinstance(value, dict):
        return DictionaryObject({NameObject("/" + k): _pypdf(v) for k, v in value.items()})
    return NullObject()


def finish(pdf: BinaryIO, outline: Sequence[OutlineNode], meta: Metadata, out: Sink) -> None:
    """Write to ``out`` Qt's PDF ``pdf`` (a file open for reading) with full metadata, the
    outline, and the bookmarks panel open. Qt's pages and destinations are read from ``pdf``
    as Qt wrote it, only what is needed (:class:`~reader.export.qtpdf.QtPdf`); replacing the
    information dictionary moves offsets, not object numbers."""
    qt = QtPdf(pdf)
    pages = [IndirectObject(ref.num, ref.gen, None) for ref in qt.pages()]
    targets = _targets(qt, _anchors(outline), pages)
    size = qt.trailer.get("Size")
    root_ref = qt.ref("Root")
    if not isinstance(size, float):
        raise ValueError("Qt's PDF has no usable trailer")
    update = _Update(int(size))

    catalog = _pypdf(qt.dictionary(root_ref))
    if not isinstance(catalog, DictionaryObject):  # a dictionary is read as one
        raise ValueError("Qt's PDF has no catalog")
    outlines_ref = update.reserve()
    outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    ends = _outline(update, outline, outlines_ref, pages, targets)
    if ends is not None:
        outlines[NameObject("/First")], outlines[NameObject("/Last")] = ends
        outlines[NameObject("/Count")] = NumberObject(
            sum(1 + (_visible(n) if n.is_open else 0) for n in outline)
        )
    update.put(outlines_ref, outlines)
    catalog[NameObject("/Outlines")] = outlines_ref
    catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
    # Viewers (and the screen readers reading them) name the window by the book's title,
    # not by its file name. Qt's writer cannot tag a PDF (no structure tree: QPdfWriter in
    # Qt 6.11 offers PDF 1.4, 1.6, A-1b and X-4 only), so the title, the outline and real
    # text are what assistive software gets.
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    root = IndirectObject(root_ref.num, root_ref.gen, None)
    update.put(root, catalog)
    written = _replace_info(pdf, qt, _info(meta), out)
    info = qt.ref("Info")
    trailer = DictionaryObject(
        {NameObject("/Root"): root, NameObject("/Info"): IndirectObject(info.num, info.gen, None)}
    )
    if "ID" in qt.trailer:
        trailer[NameObject("/ID")] = _pypdf(qt.trailer["ID"])
    out.write(update.write(written, trailer))
