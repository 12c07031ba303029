"""Helpers for the export tests: run the real command, read the PDF back with pypdf."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pypdf._page
import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, Destination, NameObject

from reader.cards.model import Card
from reader.cli import main
from reader.qt.compat import protect_none
from tests.conftest import SHIPPED_CARDS
from tests.export.paper import Line, PageText
from tests.support.once import made_once

# Before any Qt call of the session: PySide6 6.12 on Python 3.11 loses a reference to None
# on every void call, and a few exports make enough of them to abort the interpreter.
protect_none()

EPOCH = "1700000000"  # 14 November 2023, 22:13:20 UTC
SANCTIONS = "mali-sanctions-2023"
LEVERAGE = "mali-wagner-leverage-2021"
ISOLATION = "crisis-group-mali-isolation-2023"


def squash(text: str) -> str:
    """Text as a test compares it: compatibility-normalised, without any whitespace.

    pypdf breaks lines wherever Qt starts a new text run (at an anchor, a bold word), so
    only the sequence of characters is stable.
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def assert_reads_once_in_order(text: str, card: Card, label: str = "") -> None:
    """Every argument claim, recommendation, actor role and event of ``card`` is in ``text``
    (a card's pages, squashed) exactly once, and in the order the card view shows them."""
    by_addressee: dict[str, list[str]] = {}
    for rec in card.recommendations:  # the card view groups them by addressee
        by_addressee.setdefault(rec.to.strip(), []).append(rec.action)
    parts = [p.claim for p in card.argument] + [a for g in by_addressee.values() for a in g]
    events = sorted(card.timeline, key=lambda e: e.date.sort_key)
    parts += [a.role for a in card.actors if a.role] + [e.event for e in events]
    at = 0
    for part in parts:
        wanted = squash(part)
        assert text.count(wanted) == 1, (label, part)
        found = text.find(wanted, at)
        assert found >= at, (label, "out of order", part)
        at = found


def parsed_page(reader: PdfReader, index: int) -> PageObject:
    """Page ``index`` with its content stream parsed once for every extraction from it.

    Parsing a page's content stream is most of what pypdf's text extraction costs, and each
    extraction parses it anew: the plain text (with run positions) and the layout text of one
    page were two parses. The page keeps the parsed stream, which the plain extraction uses
    as it is and :func:`layout_text` hands to the layout extraction.
    """
    page = reader.pages[index]
    content = page[NameObject("/Contents")].get_object()
    if not isinstance(content, ContentStream):
        content = ContentStream(content, reader, "bytes")
        page[NameObject("/Contents")] = content
    return page


def layout_text(page: PageObject) -> str:
    """pypdf's layout-mode text of a page from :func:`parsed_page`, from the stream it holds
    (pypdf's layout mode makes a new ``ContentStream`` of the page's contents, which would
    parse them again: it is given the parsed one)."""
    parsed = page[NameObject("/Contents")].get_object()
    assert isinstance(parsed, ContentStream)

    def content_stream(stream: object, pdf: object, encoding: object = None) -> ContentStream:
        assert stream is parsed, "pypdf's layout mode read something else than the page"
        return parsed

    with mock.patch.object(pypdf._page, "ContentStream", content_stream):
        return page.extract_text(extraction_mode="layout")


class _Texts:
    """Page texts (0-based, negative from the end), each read when first asked for, with the
    positions of its runs (see :class:`PageText`): pypdf takes a while per page."""

    def __init__(self, reader: PdfReader) -> None:
        self._reader = reader
        self._cache: dict[int, PageText] = {}

    def read(self, index: int) -> PageText:
        index = index % len(self._reader.pages)
        if index not in self._cache:
            self._cache[index] = PageText.of(parsed_page(self._reader, index))
        return self._cache[index]

    def __getitem__(self, index: int) -> str:
        return self.read(index).text


@dataclass
class Book:
    path: Path
    reader: PdfReader = field(init=False)
    texts: _Texts = field(init=False)
    _lines: dict[int, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.reader = PdfReader(self.path)
        self.texts = _Texts(self.reader)

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    def page_of(self, dest: Destination) -> int:
        """1-based page a destination points at."""
        number = self.reader.get_destination_page_number(dest)
        assert number is not None
        return number + 1

    def on_page(self, page: int, text: str) -> bool:
        return squash(text) in squash(self.texts[page - 1])

    def body_lines(self, page: int) -> list[Line]:
        """The body's printed lines of a (1-based) page, with their positions."""
        return self.texts.read(page - 1).body_lines()

    def body_text(self, page: int) -> str:
        """The body's text of a (1-based) page, in the order the page draws it."""
        return self.texts.read(page - 1).body_text()

    def lines(self, page: int) -> list[str]:
        """The page's text as laid out, one printed line per item, words single-spaced."""
        if page not in self._lines:
            text = layout_text(parsed_page(self.reader, page - 1))
            self._lines[page] = [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
        return self._lines[page]

    def contents_page_of(self, title: str) -> int:
        """The page number the table of contents prints for the entry starting ``title``."""
        start = squash(title)[:30]
        for page in range(2, self.pages + 1):
            for line in self.lines(page):
                if squash(line).startswith(start) or squash(line).split(".", 1)[-1].startswith(
                    start
                ):
                    number = re.search(r"(\d+)$", line)
                    assert number, f"no page number on the contents line {line!r}"
                    return int(number.group(1))
            if not self.on_page(page, "Contents"):
                break
        raise AssertionError(f"{title!r} is not in the contents")

    def outline(self) -> list[tuple[int, str, int]]:
        """(depth, title, page) for every bookmark, in order."""
        found: list[tuple[int, str, int]] = []

        def walk(items: list[object], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    assert isinstance(item, Destination)
                    found.append((depth, str(item.title), self.page_of(item)))

        walk(self.reader.outline, 0)
        return found

    def top_level(self) -> list[tuple[str, int]]:
        return [(title, page) for depth, title, page in self.outline() if depth == 0]

    def cards(self) -> list[tuple[str, int]]:
        """(title, first page) of every card: the top-level bookmarks with a Thesis part."""
        outline = self.outline()
        return [
            (title, page)
            for (depth, title, page), following in itertools.pairwise(outline)
            if depth == 0 and following[1] == "Thesis"
        ]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> None:
    """A QApplication first, so that the export never creates a bare QGuiApplication that
    widget tests later in the session could not use."""


@pytest.fixture
def export(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """Run ``briefing-reader export ARGS`` in this process with a fixed SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)

    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        try:
            code = main(["export", *map(str, args)])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="module")
def shipped_book(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Iterator[Book]:
    """The acceptance book: the shipped set, with a compare page of all three cards (exported
    once per run, for every worker: made_once)."""

    def make(folder: Path) -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
            out = str(folder / "mali.pdf")
            code = main(
                ["export", str(SHIPPED_CARDS), "-o", out, "--compare", f"{LEVERAGE},{ISOLATION}"]
            )
        assert code == 0

    return Book(made_once(tmp_path_factory, "shipped-book", make) / "mali.pdf")
