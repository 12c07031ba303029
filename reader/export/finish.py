"""What Qt's PDF writer cannot do, done with pypdf after Qt has rendered the pages.

Qt writes the pages, embeds subset fonts, and turns ``<a href="#name">`` into link
annotations pointing at named destinations for every ``<a name>`` it draws. It cannot write an
outline (the bookmarks panel) and its information dictionary has only title and creator and
the time of writing. This step adds the outline — each bookmark jumps to the very destination
Qt recorded for its anchor, so bookmarks and links can never disagree — writes the whole
information dictionary with dates from the export's clock (``SOURCE_DATE_EPOCH`` when set),
and opens the file with the bookmarks shown. Qt is handed the matching XMP packet and a
document id up front (:func:`xmp_packet`), so no random or current value remains.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination, Fit, IndirectObject


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
    return escape("".join(ch for ch in text if ch >= " " or ch in "\t\n\r"))


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


def _targets(reader: PdfReader) -> dict[str, _Target]:
    found: dict[str, _Target] = {}
    for name, dest in reader.named_destinations.items():
        page = reader.get_destination_page_number(dest)
        if page is not None:
            found[str(name)] = _Target(page, _number(dest, "left"), _number(dest, "top"))
    return found


def _number(dest: Destination, attr: str) -> float | None:
    value = getattr(dest, attr, None)
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _add(
    writer: PdfWriter,
    nodes: Sequence[OutlineNode],
    targets: Mapping[str, _Target],
    parent: IndirectObject | None,
) -> None:
    for node in nodes:
        target = targets.get(node.anchor)
        if target is None:
            page, fit = node.page, Fit.fit()
        else:
            page, fit = target.page, Fit.xyz(left=target.left, top=target.top)
        item = writer.add_outline_item(
            title=node.title,
            page_number=page,
            parent=parent,
            fit=fit,
            is_open=node.is_open,
        )
        _add(writer, node.children, targets, item)


def finish(pdf: bytes, outline: Sequence[OutlineNode], meta: Metadata) -> bytes:
    reader = PdfReader(BytesIO(pdf))
    targets = _targets(reader)
    writer = PdfWriter(clone_from=reader)
    _add(writer, outline, targets, None)
    writer.page_mode = "/UseOutlines"
    stamp = pdf_date(meta.created)
    writer.metadata = {
        "/Title": meta.title,
        "/Subject": meta.subject,
        "/Keywords": ", ".join(meta.keywords),
        "/Creator": meta.creator,
        "/Producer": meta.producer,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
