"""Any card length: a card far longer than a page flows on, rows taller than a page split,
an unbroken string wraps, and every page keeps its header and footer; a large set exports."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.export.conftest import Book, Run, squash
from tests.support.once import made_once
from tests.support.synthetic import generate_card, write_set

Export = Callable[..., Run]
UNBROKEN = "x" * 40 + "".join(f"{i:03d}" for i in range(200))  # 640 characters, no break
TITLE = (
    "A very long card whose title also goes on and on, well past one line of the page, "
    "to test the running header that must elide it"
)
#: Words of the actor's role: about three pages' worth, so its row is taller than a page.
ROLE_WORDS = 800
LONG_ROLE = " ".join(f"role{i}" for i in range(ROLE_WORDS)) + " END-OF-ROLE"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def long_card() -> str:
    def para(k: int) -> str:
        return " ".join(f"Convoy {k}.{j} waited for fuel while talks stalled." for j in range(12))

    out = [
        "format: briefing-card/1",
        "id: very-long-card",
        f"title: {_q(TITLE)}",
        "source:",
        '  publisher: "Long Publisher Institute for Very Long Reports"',
        '  published: "2024-03-15"',
        f'  url: "https://example.org/{UNBROKEN}"',
        f"thesis: {_q(' '.join(f'Thesis {i}.' for i in range(40)))}",
        f"summary: {_q(''.join(para(k) + chr(10) * 2 for k in range(12)) + UNBROKEN)}",
        "argument:",
    ]  # fmt: skip
    for i in range(20):
        out += [f"  - claim: {_q(f'Claim {i}: ' + f'claim {i} goes on. ' * 8)}",
                f"    support: {_q(f'Support {i} with names and numbers. ' * 10)}",
                f'    where: "¶{i + 1}"']  # fmt: skip
    out.append("recommendations:")
    for i in range(12):
        out += [f'  - to: "Addressee {i % 3}"', f"    action: {_q(f'Do {i} and that. ' * 9)}"]
    out += [
        "actors:",
        '  - name: "An actor with a role longer than a page"',
        f"    role: {_q(LONG_ROLE)}",
    ]
    out.append("timeline:")
    for i in range(25):
        out += [
            f'  - date: "20{10 + i % 14}-0{1 + i % 9}"',
            f"    event: {_q(' '.join(f'Event {i} word {j}.' for j in range(15)))}",
        ]
    quote = " ".join(f"Quoted passage {i}." for i in range(30))
    out += ["quotes:", f"  - text: {_q(quote)}", '    where: "¶3"']
    notes = " ".join(f"Note {i}." for i in range(80))
    out += [f"notes: {_q(notes)}", "tags: [theme/long, region/nowhere]", ""]
    return "\n".join(out)


def test_a_card_far_longer_than_a_page_flows_with_header_and_footer_intact(
    export: Export, tmp_path: Path, write_set: Callable[[dict[str, str]], Path]
) -> None:
    root = write_set({"long.yaml": long_card(), "short.yaml": generate_card(1).text})
    out = tmp_path / "long.pdf"
    run = export(root, "-o", out)
    assert run.code == 0, run.err
    book = Book(out)
    pages = {title: page for _, title, page in book.outline()}
    first = next(p for t, p in pages.items() if t.startswith("A very long card"))
    last = next(p for _, p in book.top_level() if p > first) - 1
    assert last - first >= 10
    for page in range(first, last + 1):
        lines = book.lines(page)
        assert lines[0].startswith("set A very long card")  # set title | card title
        assert lines[0].endswith("…"), "the long title is elided in the header, not wrapped"
        assert lines[-1].startswith(
            "Long Publisher Institute for Very Long Reports · 15 March 2024"
        )
        assert lines[-1].endswith(f"Page {page} of {book.pages}")
        body = set(lines[1:-1])
        following = set(book.lines(page + 1)[1:-1])
        assert not {line for line in body & following if len(line) > 20}, page
    # Each page's text from the lines read above (one pypdf pass per page, not two).
    printed = {p: squash("".join(book.lines(p))) for p in range(first, last + 1)}
    text = "".join(printed.values())
    assert text.count(squash(UNBROKEN)) >= 2  # in the summary and the source URL, wrapped:
    assert not any(UNBROKEN in line for p in range(first, last + 1) for line in book.lines(p))
    # The actor row is taller than a page: it splits across pages and ends whole.
    role_start = next(p for p, t in printed.items() if squash("role0 role1 role2") in t)
    role_end = next(p for p, t in printed.items() if "END-OF-ROLE" in t)
    assert role_end > role_start
    for p in range(role_start, role_end + 1):
        assert "role" in printed[p]
    assert all(squash(f"role{i}") in text for i in (0, ROLE_WORDS // 2, ROLE_WORDS - 1))


#: A set past the sizes at which the export changes its ways, with the thresholds lowered
#: (see ``big_book``) so that 60 cards cross them as 300 do at the shipped values.
BIG_SET = 60
#: Sections kept laid out between the two passes; beyond, each is laid out again to paint.
KEEP_DOCUMENTS = 30
#: Pages of a table beyond which its rows split where Qt breaks them.
LONG_TABLE_PAGES = 5


def _export_big(root: Path, out: Path, keep_documents: int) -> Path:
    from reader.cli import main

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        patch.setattr("reader.export.pdf.KEEP_DOCUMENTS", keep_documents)
        patch.setattr("reader.export.pagination.LONG_TABLE_PAGES", LONG_TABLE_PAGES)
        assert main(["export", str(root), "-o", str(out)]) == 0
    return out


def _make_big(folder: Path) -> None:
    write_set(folder / "set", BIG_SET, seed=3)
    _export_big(folder / "set", folder / "big.pdf", KEEP_DOCUMENTS)


@pytest.fixture(scope="module")
def big_made(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Path:
    """The large set and its book, made once per run for every worker (made_once)."""
    return made_once(tmp_path_factory, "big-book", _make_big)


@pytest.fixture(scope="module")
def big_set(big_made: Path) -> Path:
    return big_made / "set"


@pytest.fixture(scope="module")
def big_book(big_made: Path) -> Book:
    """A large set's book, exported once: 60 cards and their comparison pages make more
    sections than the export keeps laid out (so each card is laid out again to be painted)
    and tables longer than it mends page breaks in, as 300 cards do at the shipped thresholds
    (pdf.KEEP_DOCUMENTS, pagination.LONG_TABLE_PAGES); the contents run over several pages."""
    return Book(big_made / "big.pdf")


def test_a_large_book_laid_out_again_to_paint_is_the_book_laid_out_once(
    big_book: Book, big_set: Path
) -> None:
    """The sections released after the first pass are laid out again with the page breaks it
    moved: the book is the same, byte for byte, as with every section kept."""
    kept = _export_big(big_set, big_set.parent / "kept.pdf", keep_documents=10 * BIG_SET)
    assert kept.read_bytes() == big_book.path.read_bytes()


def test_a_large_set_exports_with_every_card_bookmarked_and_listed(big_book: Book) -> None:
    cards = big_book.cards()
    assert len(cards) == BIG_SET > KEEP_DOCUMENTS
    assert 2 * BIG_SET <= big_book.pages <= 10 * BIG_SET
    pages = [p for _, p in cards]
    assert pages == sorted(pages)
    assert len(set(pages)) == BIG_SET  # every card starts on its own page
    for title, page in cards[::7]:
        assert big_book.on_page(page, title)
        assert big_book.contents_page_of(title) == page
    assert big_book.on_page(big_book.pages, f"Page {big_book.pages} of {big_book.pages}")
    top = big_book.top_level()
    assert top[2][1] - top[1][1] >= 3, "the contents run over several pages"
    # Topic matrix, ledger and timeline: each runs on for more than LONG_TABLE_PAGES.
    outline = big_book.outline()
    group = next(i for i, (depth, title, _) in enumerate(outline) if title == "Comparison")
    views = itertools.takewhile(lambda entry: entry[0] > 0, outline[group + 1 :])
    starts = [page for _, _, page in views] + [top[-1][1]]  # the index follows them
    assert len(starts) == 4
    assert all(b - a > LONG_TABLE_PAGES for a, b in itertools.pairwise(starts)), starts
