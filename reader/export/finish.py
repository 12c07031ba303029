"""What Qt's PDF writer cannot do, added with pypdf after Qt has rendered the pages.

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

pypdf reads Qt's file (cross-reference table, page tree, named destinations) and serialises the
new objects; Qt's pages are left byte for byte, so a 3,000-page book is finished in about a
second where a full rewrite would parse and re-serialise every object. Qt is handed the
matching XMP packet and a fixed document id up front (:func:`xmp_packet`), so with a fixed
clock nothing random or current remains in the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import SEEK_END, BytesIO
from typing import BinaryIO, Protocol

from pypdf import PdfReader, apply_configuration, get_configuration
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


def _page_refs(reader: PdfReader) -> list[IndirectObject]:
    """Qt's pages in order, as references, without reading each page: Qt writes one flat
    page list (pypdf's page tree, which reads every page, is the fallback for any other)."""
    tree = reader.root_object["/Pages"].get_object()
    if isinstance(tree, DictionaryObject):
        kids = tree.get("/Kids")
        if (
            isinstance(kids, ArrayObject)
            and tree.get("/Count") == len(kids)
            and all(isinstance(kid, IndirectObject) for kid in kids)
        ):
            return list(kids)
    refs = [page.indirect_reference for page in reader.pages]
    if any(ref is None for ref in refs):
        raise ValueError("Qt's PDF has a page that is not an indirect object")
    return [ref for ref in refs if ref is not None]


def _named(node: PdfObject) -> Iterator[tuple[str, PdfObject]]:
    """The entries of a name tree: (name, value) from its leaves."""
    tree = node.get_object()
    if not isinstance(tree, DictionaryObject):
        return
    names = tree.get("/Names")
    if isinstance(names, ArrayObject):
        for i in range(0, len(names) - 1, 2):
            yield str(names[i]), names[i + 1]
    for kid in tree.get("/Kids", ArrayObject()):
        yield from _named(kid)


def _targets(
    reader: PdfReader, wanted: set[str], pages: Sequence[IndirectObject]
) -> dict[str, _Target]:
    """Where Qt put each of the ``wanted`` anchors. Only those are read: a book of a thousand
    cards names some twenty thousand places, and reading them all (as pypdf's
    ``named_destinations`` does) held more memory than the rest of finishing."""
    names = reader.root_object.get("/Names")
    tree = names.get_object().get("/Dests") if names is not None else None
    if tree is None:
        return {}
    index = {ref.idnum: i for i, ref in enumerate(pages)}
    found: dict[str, _Target] = {}
    for name, value in _named(tree):
        if name not in wanted:
            continue
        dest = value.get_object()
        if isinstance(dest, DictionaryObject):
            dest = dest.get("/D", ArrayObject()).get_object()  # a dictionary holds it as /D
        if not isinstance(dest, ArrayObject) or not dest:
            continue
        page = dest[0]
        if not isinstance(page, IndirectObject) or page.idnum not in index:
            continue
        xyz = len(dest) >= 4 and dest[1] == "/XYZ"
        left, top = (_number(dest[2]), _number(dest[3])) if xyz else (None, None)
        found[name] = _Target(index[page.idnum], left, top)
    return found


def _anchors(nodes: Sequence[OutlineNode]) -> set[str]:
    return {n.anchor for n in nodes} | {a for n in nodes for a in _anchors(n.children)}


def _number(value: PdfObject) -> float | None:
    number = value.get_object()
    return float(number) if isinstance(number, (FloatObject, NumberObject)) else None


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


def _startxref(tail: bytes) -> int:
    match = _STARTXREF.search(tail[-64:])
    if match is None:
        raise ValueError("Qt's PDF has no cross-reference table where expected")
    return int(match.group(1))


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


def _replace_info(pdf: BinaryIO, reader: PdfReader, info: DictionaryObject, out: Sink) -> _Written:
    """Qt's file copied to ``out`` with its information dictionary replaced in place by
    ``info``, the offsets after it moved.

    Qt writes the local time of writing there, in a form whose length depends on the time
    zone; replacing the object (rather than superseding it) keeps none of that in the file.
    The file is copied a megabyte at a time from where Qt wrote it: a book of ten thousand
    cards is hundreds of megabytes, and a whole copy of it would be as much more memory.
    """
    ref = reader.trailer.raw_get("/Info")
    if not isinstance(ref, IndirectObject):
        raise ValueError("Qt's PDF has no information dictionary")
    size = pdf.seek(0, SEEK_END)
    xref = _startxref(_read(pdf, max(0, size - 64), size))
    start = reader.xref[ref.generation][ref.idnum]
    end = _end_of_object(pdf, start, xref)
    new = BytesIO()
    new.write(f"{ref.idnum} {ref.generation} obj\n".encode())
    info.write_to_stream(new)
    new.write(b"\nendobj")
    replacement = new.getvalue()
    delta = len(replacement) - (end - start)
    rest = _read(pdf, xref, size)  # the cross-reference table: 20 bytes an object
    table_end = rest.index(b"trailer")

    def shift(entry: re.Match[bytes]) -> bytes:
        offset = int(entry.group(1))
        if entry.group(3) == b"n" and offset > start:
            offset += delta
        return b"%010d %s %s" % (offset, entry.group(2), entry.group(3))

    table = _XREF_ENTRY.sub(shift, rest[:table_end])
    tail = _STARTXREF.sub(f"startxref\n{xref + delta}\n%%EOF\n".encode(), rest[table_end:])
    _copy(pdf, 0, start, out)
    out.write(replacement)
    _copy(pdf, end, xref, out)
    out.write(table)
    out.write(tail)
    return _Written(xref + delta + len(table) + len(tail), xref + delta)


class _Update:
    """An incremental update: new and replaced objects appended after Qt's file.

    Appending leaves Qt's pages, fonts and links as they are, byte for byte, so finishing a
    book of thousands of pages costs little more than reading its page tree and names; a
    full rewrite with pypdf would parse and re-serialise every object.
    """

    def __init__(self, reader: PdfReader, size: int) -> None:
        self._reader = reader
        self._next = size
        self.objects: dict[int, PdfObject] = {}

    def reserve(self) -> IndirectObject:
        ref = IndirectObject(self._next, 0, self._reader)
        self._next += 1
        return ref

    def put(self, ref: IndirectObject, obj: PdfObject) -> None:
        self.objects[ref.idnum] = obj

    def write(self, written: _Written, trailer: DictionaryObject) -> bytes:
        """The update to append to the file ``written`` so far."""
        previous, base = written.startxref, written.length
        out = BytesIO()
        offsets: dict[int, int] = {}
        for num in sorted(self.objects):
            offsets[num] = base + out.tell()
            out.write(f"{num} 0 obj\n".encode())
            self.objects[num].write_to_stream(out)
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


def finish(pdf: BinaryIO, outline: Sequence[OutlineNode], meta: Metadata, out: Sink) -> None:
    """Write to ``out`` Qt's PDF ``pdf`` (a file open for reading) with full metadata, the
    outline, and the bookmarks panel open. Qt's pages and destinations are read from ``pdf``
    as Qt wrote it, as pypdf needs them (never the whole file); replacing the information
    dictionary moves offsets, not object numbers."""
    # pypdf refuses arrays of more than 100,000 elements, a guard against hostile files; this
    # file is Qt's, just written, and its list of named places is longer than that from some
    # five thousand cards. An element takes two bytes at least: the file's size bounds it.
    limit = max(get_configuration().array_maximum_element_count, pdf.seek(0, SEEK_END) // 2)
    with apply_configuration(array_maximum_element_count=limit):
        _finish(pdf, outline, meta, out)


def _finish(pdf: BinaryIO, outline: Sequence[OutlineNode], meta: Metadata, out: Sink) -> None:
    reader = PdfReader(pdf)
    pages = _page_refs(reader)
    targets = _targets(reader, _anchors(outline), pages)
    size = reader.trailer["/Size"]
    root_ref = reader.root_object.indirect_reference
    if not isinstance(size, NumberObject) or root_ref is None:
        raise ValueError("Qt's PDF has no usable trailer")
    update = _Update(reader, int(size))

    catalog = DictionaryObject(reader.root_object)
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
    update.put(root_ref, catalog)
    written = _replace_info(pdf, reader, _info(meta), out)
    trailer = DictionaryObject(
        {NameObject("/Root"): root_ref, NameObject("/Info"): reader.trailer.raw_get("/Info")}
    )
    if "/ID" in reader.trailer:
        trailer[NameObject("/ID")] = reader.trailer.raw_get("/ID")
    out.write(update.write(written, trailer))
