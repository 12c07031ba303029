"""``export --evidence``: the passages behind every locator, in an appendix the locators link to.

The set is the fictional evidence set (a sectioned report and an unsectioned article, in its
``sources/`` folder) plus a card whose source text is nowhere. The book is read back with
pypdf: the appendix pages' text, the link annotations on the card pages (which locator each
sits on, read from the text under its rectangle, and the page its destination is on), the
outline and the contents.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PageObject

from reader.cards.load import load_set
from reader.cards.model import Card
from reader.render.evidence import citations, render_evidence
from reader.render.theme import LIGHT
from reader.verify.source_text import SourceText
from reader.verify.sources import read_source
from tests.conftest import DATA
from tests.export.conftest import Book, Run, squash
from tests.export.paper import PageText

Export = Callable[..., Run]
EVIDENCE_SET = DATA / "evidence"
LOST = "lost-source"
LOST_CARD = f"""format: briefing-card/1
id: {LOST}
title: "A Card Whose Source Is Lost"
source:
  publisher: "Test Weekly"
  published: "2021"
  file: "sources/lost.txt"
thesis: "Nothing to check it against."
summary: "Its source text is not in the set, nor anywhere else."
argument:
  - claim: "A claim with a locator."
    where: "¶2"
quotes:
  - text: "words from a lost text"
    where: "¶1"
tags: [theme/migration]
"""
CARDS = {c.id: c for c in load_set(EVIDENCE_SET).cards}
TITLES = {**{i: c.title for i, c in CARDS.items()}, LOST: "A Card Whose Source Is Lost"}
TEXTS = {
    card_id: SourceText.parse(read_source(EVIDENCE_SET / str(card.source.file)), card.source.lines)
    for card_id, card in CARDS.items()
}


def _write_set(folder: Path, *, with_sources: bool = True) -> Path:
    """The evidence set and the card with the lost source, in ``folder``."""
    ignore = None if with_sources else shutil.ignore_patterns("sources")
    shutil.copytree(EVIDENCE_SET, folder, ignore=ignore)
    (folder / f"{LOST}.yaml").write_text(LOST_CARD, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Link:
    page: int
    #: The text the link's rectangle covers.
    text: str
    #: The page its destination is on.
    target: int
    dest: str


def _links(book: Book) -> list[Link]:
    named = book.reader.named_destinations
    found = []
    for number, page in enumerate(book.reader.pages, start=1):
        runs = PageText.of(page)
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link" or "/Dest" not in annot:
                continue
            dest = str(annot["/Dest"])
            assert dest in named, f"dead link to #{dest} on page {number}"
            found.append(Link(number, _text_under(runs, page, annot["/Rect"]), 0, dest))
    return [Link(link.page, link.text, book.page_of(named[link.dest]), link.dest) for link in found]


def _whole(links: list[Link]) -> list[Link]:
    """One link per locator: a list of places may wrap after a comma, and each line it covers
    is then an annotation of its own, with the same destination, one after the other."""
    whole: list[Link] = []
    for link in links:
        if whole and whole[-1].dest == link.dest:
            whole[-1] = Link(link.page, f"{whole[-1].text} {link.text}", link.target, link.dest)
        else:
            whole.append(link)
    return whole


def _text_under(runs: PageText, page: PageObject, rect: list[float]) -> str:
    """The text whose runs start inside ``rect`` (PDF coordinates, from the page's foot)."""
    left, bottom, right, top = (float(v) for v in rect)
    height = float(page.mediabox.height)
    inside = [
        text
        for baseline, x, text in runs.runs
        if height - top - 1 <= baseline <= height - bottom + 1 and left - 1 <= x < right
    ]
    return " ".join("".join(inside).split())


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Book:
    """The evidence set with the lost card, exported with ``--evidence``."""
    root = _write_set(tmp_path_factory.mktemp("evidence") / "set")
    out = root.parent / "book.pdf"
    from reader.cli import main

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert main(["export", str(root), "-o", str(out), "--evidence"]) == 0
    return Book(out)


def _evidence(book: Book) -> dict[str, tuple[int, int]]:
    """Card title → the first and last page of its evidence, from the outline."""
    outline = book.outline()
    depth, _, first = next(row for row in outline if row[1] == "Evidence")
    assert depth == 0
    entries = [(title, page) for d, title, page in outline if d == 1 and page >= first]
    entries = [e for e in entries if e[1] < dict(book.top_level())["Index of tags"]]
    ends = [page - 1 for _, page in entries[1:]] + [dict(book.top_level())["Index of tags"] - 1]
    return {title: (page, end) for (title, page), end in zip(entries, ends, strict=True)}


def test_the_outline_and_the_contents_list_the_evidence_of_each_card_with_a_source(
    book: Book,
) -> None:
    top = [title for title, _ in book.top_level()]
    assert top.index("Comparison") < top.index("Evidence") < top.index("Index of tags")
    appendix = _evidence(book)
    with_source = [title for title, _ in book.cards() if title != TITLES[LOST]]
    assert list(appendix) == with_source  # in the cards' order, the lost one left out
    lines = book.lines(2)
    listed = lines[lines.index("EVIDENCE") + 1 : lines.index("INDEX")]
    for title, (first, _) in appendix.items():
        assert book.on_page(first, "EVIDENCE")
        assert book.on_page(first, title)
        assert f"{title} {first}" in listed
    number = [title for title, _ in book.cards()].index(CARDS["dam-report"].title) + 1
    assert f"Card {number} · 6 cited passages · Test Institute · May 2023" in listed


def test_the_appendix_holds_every_cited_passage_under_its_locator(book: Book) -> None:
    appendix = _evidence(book)
    for card_id, card in CARDS.items():
        first, last = appendix[card.title]
        text = squash("".join(book.texts[page - 1] for page in range(first, last + 1)))
        for where, cited in citations(card).items():
            found = TEXTS[card_id].resolve(where)
            assert not isinstance(found, str), (card_id, where, found)
            # The locator, the first part citing it, then each paragraph with its own locator.
            assert squash(f"{where}{cited[0].label}") in text, (card_id, where)
            for paragraph in found:
                assert squash(paragraph.locator + paragraph.text) in text, (card_id, where)


def test_every_locator_links_to_the_page_of_its_own_entry(book: Book) -> None:
    links = _links(book)
    cards = dict(book.cards())
    appendix = _evidence(book)
    for card_id, card in CARDS.items():
        page = cards[card.title]
        on_card = _whole(
            [link for link in links if link.page == page and "--evidence-" in link.dest]
        )
        # Every locator of the card is a link, and no other text is.
        expected = [
            *(p.where for p in card.argument if p.where),
            *(r.where for r in card.recommendations if r.where),
            *(q.where for q in card.quotes if q.where),
        ]
        assert sorted(squash(link.text) for link in on_card) == sorted(map(squash, expected))
        first, last = appendix[card.title]
        cited = {squash(where): parts for where, parts in citations(card).items()}
        for link in on_card:
            assert first <= link.target <= last, (card_id, link)
            # The entry's heading (its locator) and the first part citing it, on that page.
            heading = squash(link.text + cited[squash(link.text)][0].label)
            assert heading in squash(book.texts[link.target - 1]), (card_id, link)


def test_the_appendix_links_back_to_the_card(book: Book) -> None:
    links = _links(book)
    cards = dict(book.cards())
    appendix = _evidence(book)
    for card_id, card in CARDS.items():
        first, last = appendix[card.title]
        back = {link.dest for link in links if first <= link.page <= last}
        assert f"{card_id}--header" in back
        assert f"{card_id}--argument" in back
        # The evidence cards are one page each: every link back lands on it.
        assert {link.target for link in links if link.page == first} == {cards[card.title]}


def test_a_card_without_its_source_text_gets_no_entry_and_no_links(book: Book) -> None:
    page = dict(book.cards())[TITLES[LOST]]
    assert book.on_page(page, "¶2")  # its locators are printed, as before
    assert not [link for link in _links(book) if link.page == page and "evidence" in link.dest]
    assert TITLES[LOST] not in _evidence(book)


def test_the_cards_without_a_source_text_are_named_in_a_warning(
    export: Export, tmp_path: Path
) -> None:
    root = _write_set(tmp_path / "set")
    run = export(root, "-o", tmp_path / "book.pdf", "--evidence", "--card", LOST)
    assert run.code == 0, run.err
    assert "warning: no evidence for 1 card" in run.err
    assert f"{LOST} (not found)" in run.err
    assert str(root) in run.err  # where it looked


def test_sources_folder_given_on_the_command_line(export: Export, tmp_path: Path) -> None:
    root = _write_set(tmp_path / "set", with_sources=False)
    elsewhere = tmp_path / "texts"
    shutil.copytree(EVIDENCE_SET / "sources", elsewhere / "sources")
    out = tmp_path / "book.pdf"
    run = export(root, "-o", out, "--evidence", "--sources", elsewhere, "--card", "dam-report")
    assert run.code == 0, run.err
    assert "warning" not in run.err
    assert "Evidence" in [title for title, _ in Book(out).top_level()]
    # Without it, the same cards have no source text.
    run = export(root, "-o", out, "--evidence", "--card", "dam-report")
    assert "no evidence for 1 card" in run.err
    assert "Evidence" not in [title for title, _ in Book(out).top_level()]


def test_sources_that_is_not_a_folder_exits_2(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    run = export(EVIDENCE_SET, "-o", out, "--evidence", "--sources", tmp_path / "nowhere")
    assert run.code == 2
    assert "is not a folder" in run.err
    assert not out.exists()


def test_a_source_text_in_the_sources_folder_is_never_the_output(
    export: Export, tmp_path: Path
) -> None:
    root = _write_set(tmp_path / "set", with_sources=False)
    elsewhere = tmp_path / "texts"
    shutil.copytree(EVIDENCE_SET / "sources", elsewhere / "sources")
    report = elsewhere / "sources" / "report.txt"
    before = report.read_bytes()
    run = export(root, "-o", report, "--evidence", "--sources", elsewhere)
    assert run.code == 1
    assert "it is a source text of the set being exported" in run.err
    assert report.read_bytes() == before


def test_without_evidence_the_book_has_no_appendix_and_sources_changes_nothing(
    export: Export, tmp_path: Path
) -> None:
    plain, given = tmp_path / "plain.pdf", tmp_path / "given.pdf"
    assert export(EVIDENCE_SET, "-o", plain).code == 0
    assert export(EVIDENCE_SET, "-o", given, "--sources", EVIDENCE_SET).code == 0
    assert plain.read_bytes() == given.read_bytes()
    book = Book(plain)
    assert "Evidence" not in [title for title, _ in book.top_level()]
    assert not [link for link in _links(book) if "evidence" in link.dest]


def test_a_locator_that_names_no_passage_says_so_and_the_source_is_never_markup() -> None:
    card = CARDS["dam-report"]
    text = SourceText.parse("First <b>bold</b> & plain.\n\nSecond, quoted here.\n")
    html = render_evidence(_with_quote(card, "quoted here", "¶1–2"), text, LIGHT)
    assert "First &lt;b&gt;bold&lt;/b&gt; &amp; plain." in html
    assert "This locator names no passage: the source has no section §I" in html
    assert "Second, <b>quoted here</b>." in html  # the quote's words, in bold


def _with_quote(card: Card, words: str, where: str) -> Card:
    from dataclasses import replace

    from reader.cards.model import Quote

    return replace(card, quotes=(Quote(words, where),))
