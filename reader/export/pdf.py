"""Export a briefing book to PDF, or paint it on a printer: the whole pipeline in one place.

1. Compose: cover, one section per card (the shared renderer), the comparison pages, and on
   request each card's evidence (:mod:`reader.export.evidence`).
2. Lay out every section for the paper (pages are counted, nothing is drawn yet); the contents
   are laid out until their own length stops moving the page numbers they print; then the
   index, which cites those numbers.
3. Paint page after page, with running header and footer, into a draft file beside the target
   (QPdfWriter writes each page as it is finished).
4. Finish (:mod:`reader.export.finish`: outline, metadata), copying the draft into the
   target's temporary file, which then replaces the target.

Progress is reported per section; the callback may raise
:class:`~reader.export.progress.ExportCancelledError`, which ends the export with nothing written.
Runs in any thread that owns no widgets: the window calls it from a worker, the CLI from its main
thread.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pypdf
from PySide6.QtCore import QByteArray, QFile, QFileDevice, QHashSeed, QIODevice, QUuid, qVersion
from PySide6.QtGui import QPagedPaintDevice, QPageSize, QPdfWriter, QTextDocument

from reader import __version__
from reader.cards.tag_labels import TagNames
from reader.cards.wording import plural
from reader.export import frontmatter
from reader.export.atomic import AtomicFile
from reader.export.book import BookRequest, card_section, comparison_sections
from reader.export.evidence import available, evidence_section, source_texts
from reader.export.finish import Metadata, OutlineNode, Sink, finish, xmp_packet
from reader.export.progress import Progress, ProgressCallback
from reader.export.sections import Kind, Section
from reader.export.typeset import PRINT_POINT_SIZE, LaidOut, Typesetter
from reader.qt.document import make_document
from reader.render import LIGHT
from reader.render.evidence import evidence_links

#: QPdfWriter's own default, stated so that output never depends on it.
RESOLUTION = 1200
#: Rounds of "lay out the contents, renumber" before giving up on a fixed point (it is
#: normally reached in one or two: more pages of contents only move numbers, not lines).
MAX_CONTENTS_ROUNDS = 5
#: Sections gathered under one outline entry, as the contents group them.
OUTLINE_GROUPS = {Kind.COMPARISON: "Comparison", Kind.EVIDENCE: "Evidence"}
#: Books with more sections than this lay each one out again to paint it instead of keeping
#: all of them in memory (about 0.5 MB a card) between the two passes; the contents and the
#: index too (some 20 KB a card each).
KEEP_DOCUMENTS = 300


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    pages: int
    cards: int
    seconds: float


def export_time(environ: Mapping[str, str]) -> datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set, so that the same input gives the same bytes."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds, not '{value}'"
        ) from None


def page_size_of(name: str) -> QPageSize:
    sizes = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
    key = sizes.get(name.lower())
    if key is None:
        raise ValueError(f"page size must be A4 or Letter, not '{name}'")
    return QPageSize(key)


def print_document(html: str) -> QTextDocument:
    return make_document(html, LIGHT, PRINT_POINT_SIZE, for_print=True)


class _Steps:
    def __init__(self, total: int, report: ProgressCallback | None) -> None:
        self.done, self.total, self._report = 0, total, report

    def step(self, label: str, stage: str = "") -> None:
        self.done += 1
        if self._report is not None:
            self._report(Progress(min(self.done, self.total), self.total, label, stage))


@dataclass(frozen=True, slots=True)
class Book:
    """A laid-out book: every section with its first page, ready to paint."""

    sections: tuple[LaidOut, ...]
    pages: int

    def outline(self) -> list[OutlineNode]:
        """Cover, contents, each card with its parts, "Comparison" over its pages, "Evidence"
        over each card's evidence, index."""
        nodes: list[OutlineNode] = []
        groups: dict[Kind, list[OutlineNode]] = {}
        for laid in self.sections:
            sec, page = laid.section, laid.first_page - 1
            if sec.continued:
                continue
            children = tuple(OutlineNode(b.title, b.anchor, page) for b in sec.bookmarks)
            node = OutlineNode(sec.title, sec.anchor, page, children)
            if sec.kind not in OUTLINE_GROUPS:
                nodes.append(node)
            elif sec.kind in groups:
                groups[sec.kind].append(node)
            else:
                groups[sec.kind] = [node]
                nodes.append(node)  # stands in for the group until it is complete
        for kind, members in groups.items():
            first = members[0]
            group = OutlineNode(
                OUTLINE_GROUPS[kind], first.anchor, first.page, tuple(members), True
            )
            nodes[nodes.index(first)] = group
        return nodes


def _number(sections: Sequence[LaidOut], start: int = 1) -> int:
    """Give each section its first page, from ``start``; the last page number used."""
    page = start
    for laid in sections:
        laid.first_page = page
        page += laid.pages
    return page - 1


def _entries(sections: Sequence[LaidOut]) -> list[frontmatter.Entry]:
    return [frontmatter.Entry(s.section, s.first_page) for s in sections if s.section.in_contents]


def compose(request: BookRequest) -> list[Section]:
    """The sections between the contents and the index: the cards, the comparison, then the
    evidence of each card whose source text is available (when asked for)."""
    texts = available(source_texts(request))
    many = len(request.cards) > KEEP_DOCUMENTS  # then laid out twice: keep the HTML small
    # The comparison first: what it makes on the way (the views' rows and whole HTML, a
    # hundred megabytes and more at ten thousand cards) is freed before the cards' HTML is.
    comparison = comparison_sections(request, pack=many)
    cards = []
    for c in request.cards:
        section = card_section(c, request.info, evidence_links(c) if c.id in texts else None)
        cards.append(section.packed_up() if many else section)
    appendix = [
        evidence_section(c, number, texts[c.id])
        for number, c in enumerate(request.cards, start=1)
        if c.id in texts
    ]
    return cards + comparison + appendix


def steps_for(body: Sequence[Section], request: BookRequest) -> int:
    """Progress steps: every section laid out and painted, and the finishing pass."""
    sections = len(body) + 2 + int(request.index)
    return 2 * sections + 1


def _kept(section: Section, keep: bool) -> Section:
    """``section`` as it is when its document is kept, else packed up: the contents and the
    index of ten thousand cards are some 200 MB each laid out, megabytes of HTML each."""
    return section if keep else section.packed_up()


def lay_out_book(
    request: BookRequest, body_sections: Sequence[Section], typesetter: Typesetter, steps: _Steps
) -> Book:
    facts = frontmatter.CoverFacts(
        request.info, request.cards, request.filter_text, request.exported
    )
    cover = typesetter.lay_out(frontmatter.cover(facts))
    steps.step("Cover", "cover laid out")
    body = []
    keep = len(body_sections) <= KEEP_DOCUMENTS
    count, done = len(request.cards), 0
    for section in body_sections:
        body.append(typesetter.lay_out(section, keep=keep))
        if section.kind is Kind.CARD:
            done += 1
            steps.step(section.title, f"{done:,} of {plural(count, 'card')} laid out")
        else:
            steps.step(section.title, f"{section.title} laid out")
    # The contents print the page numbers that their own length decides: lay them out until
    # the number of pages they take stops changing (one or two rounds).
    index_stub = frontmatter.index([], TagNames({}))[0] if request.index else None
    contents_pages = 1
    for _ in range(MAX_CONTENTS_ROUNDS):
        end = _number(body, cover.pages + contents_pages + 1)
        entries = _entries(body)
        if index_stub is not None:
            entries.append(frontmatter.Entry(index_stub, end + 1))
        contents = [
            typesetter.lay_out(_kept(part, keep), keep=keep)
            for part in frontmatter.contents(entries)
        ]
        if sum(part.pages for part in contents) == contents_pages:
            break
        contents_pages = sum(part.pages for part in contents)
    else:
        raise RuntimeError("the page numbers in the contents did not settle")
    steps.total += len(contents) - 1  # each part is painted as a section
    steps.step("Contents", "contents laid out")
    laid = [cover, *contents, *body]
    if request.index:
        cards = [e for e in _entries(body) if e.section.kind is Kind.CARD]
        index = frontmatter.index(cards, TagNames.of(request.info))
        laid += [typesetter.lay_out(_kept(part, keep), keep=keep) for part in index]
        steps.total += len(index) - 1
        steps.step("Index", "tag index laid out")
    return Book(tuple(laid), _number(laid))


def lay_out(
    request: BookRequest,
    device: QPagedPaintDevice,
    page_size: QPageSize,
    report: ProgressCallback | None = None,
) -> tuple[Typesetter, Book, _Steps]:
    """The book laid out for ``device``, ready to paint, with the typesetter that paints it and
    the progress so far. Every page break is decided by here: the PDF and the printer paint
    what this returns, and tests read the pages from it without painting."""
    typesetter = Typesetter(device, page_size, print_document, LIGHT)
    body = compose(request)
    steps = _Steps(steps_for(body, request), report)
    return typesetter, lay_out_book(request, body, typesetter, steps), steps


def paint_book(book: Book, typesetter: Typesetter, title: str, steps: _Steps) -> None:
    painter = typesetter.begin(book.sections[0])
    try:
        for i, laid in enumerate(book.sections):
            typesetter.paint(painter, laid, set_title=title, total=book.pages, first_in_book=i == 0)
            painted = laid.first_page + laid.pages - 1
            steps.step(laid.section.title, f"{painted:,} of {plural(book.pages, 'page')} painted")
    finally:
        painter.end()


def metadata(request: BookRequest) -> Metadata:
    n = len(request.cards)
    subject = f"Briefing book of {plural(n, 'card')}"
    if request.filter_text:
        subject += f" ({request.filter_text})"
    return Metadata(
        title=request.info.title,
        subject=subject,
        keywords=tuple(sorted({t for c in request.cards for t in c.tags})),
        creator=f"Briefing Reader {__version__}",
        producer=f"Qt {qVersion()} with pypdf {pypdf.__version__}",
        created=request.exported,
    )


def document_id(request: BookRequest) -> str:
    """Stable for the same request at the same time, different otherwise."""
    parts = [
        request.info.title,
        request.page_size,
        request.exported.isoformat(),
        str(request.index),
        str(request.comparison),
        *(c.id for c in request.cards),
        "|",
        *(c.id for c in request.compare),
    ]
    if request.evidence:  # named only when asked for: books without it keep their ids
        parts += ["evidence", *map(str, request.source_folders)]
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "briefing-reader:" + "\n".join(parts)))


def _raise_write_error(file: QFile, draft: Path) -> None:
    """Raise why Qt could not write the draft, when it could not.

    Qt's writer goes on after a failed write, and the file says only "Unknown error"; a write
    of our own at the end of the draft gets the system's reason (a full disk, a size limit).
    """
    if file.error() == QFileDevice.FileError.NoError:
        return
    file.close()
    try:
        with draft.open("ab") as probe:
            probe.write(b"\n")
    except OSError as exc:
        raise exc from None
    raise OSError(file.errorString())


def render_pdf(
    request: BookRequest, draft: Path, out: Sink, report: ProgressCallback | None = None
) -> int:
    """Paint the book into ``draft`` (Qt's file, page by page as they are painted), then
    write the finished PDF to ``out`` (see :func:`finish`); the book's page count.

    Qt's output goes to a file rather than to memory: a book of thousands of pages is tens to
    hundreds of megabytes, which a buffer would hold (and finishing copy) whole.
    """
    meta = metadata(request)
    doc_id = document_id(request)
    # The PDF writer keeps its fonts in a QHash and writes them in hash order; with the
    # per-process random seed the same book would come out in a different order each run.
    QHashSeed.setDeterministicGlobalSeed()
    # Opened here and handed to Qt by descriptor: a file name that is not UTF-8 (the target's
    # name is part of the draft's) reaches Qt as a QString that names another file.
    descriptor = os.open(draft, os.O_WRONLY | os.O_TRUNC)
    file = QFile()
    handle = QFileDevice.FileHandleFlag.AutoCloseHandle  # Qt closes it with the file
    if not file.open(descriptor, QIODevice.OpenModeFlag.WriteOnly, handle):
        os.close(descriptor)
        raise OSError(file.errorString())
    try:
        writer = QPdfWriter(file)
        writer.setResolution(RESOLUTION)
        writer.setDocumentId(QUuid(doc_id))
        writer.setDocumentXmpMetadata(QByteArray(xmp_packet(meta, doc_id)))
        typesetter, book, steps = lay_out(request, writer, page_size_of(request.page_size), report)
        paint_book(book, typesetter, request.info.title, steps)
        file.flush()
        _raise_write_error(file, draft)
    except OSError:
        _raise_write_error(file, draft)  # the cause (a full disk) rather than its symptom
        raise
    finally:
        file.close()
    with draft.open("rb") as pdf:
        finish(pdf, book.outline(), meta, out)
    steps.step("Finishing", "PDF finished")
    return book.pages


def export_pdf(
    request: BookRequest, target: Path, report: ProgressCallback | None = None
) -> ExportResult:
    """Render and write ``target`` atomically; on any error or cancel nothing is written.

    The temporary files (Qt's draft and the finished file) are created beside ``target``
    before rendering, so an unwritable folder fails at once rather than after the work; the
    draft is removed whatever happens.
    """
    started = time.perf_counter()
    with AtomicFile(target) as out, AtomicFile(target) as draft:
        pages = render_pdf(request, draft.temporary, out, report)
        out.commit()
    return ExportResult(target, pages, len(request.cards), time.perf_counter() - started)


def print_book(
    request: BookRequest, printer: QPagedPaintDevice, report: ProgressCallback | None = None
) -> int:
    """Paint the book on a printer (or a print preview) with the export's layout."""
    typesetter, book, steps = lay_out(request, printer, printer.pageLayout().pageSize(), report)
    paint_book(book, typesetter, request.info.title, steps)
    return book.pages
