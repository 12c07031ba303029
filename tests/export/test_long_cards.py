"""Any card length: a card far longer than a page flows on, rows taller than a page split,
an unbroken string wraps, and every page keeps its header and footer; 300 cards export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.synthetic import generate_card, write_set
from tests.export.conftest import Book, Run, squash

Export = Callable[..., Run]
UNBROKEN = "x" * 40 + "".join(f"{i:03d}" for i in range(200))  # 640 characters, no break
TITLE = (
    "A very long card whose title also goes on and on, well past one line of the page, "
    "to test the running header that must elide it"
)
LONG_ROLE = " ".join(f"role{i}" for i in range(2600)) + " END-OF-ROLE"


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
    for i in range(30):
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
    text = "".join(squash(book.texts[p - 1]) for p in range(first, last + 1))
    assert text.count(squash(UNBROKEN)) >= 2  # in the summary and the source URL, wrapped:
    assert not any(UNBROKEN in line for p in range(first, last + 1) for line in book.lines(p))
    # The actor row is taller than a page: it splits across pages and ends whole.
    role_start = next(p for p in range(first, last + 1) if book.on_page(p, "role0 role1 role2"))
    role_end = next(p for p in range(first, last + 1) if book.on_page(p, "END-OF-ROLE"))
    assert role_end > role_start
    for p in range(role_start, role_end + 1):
        assert book.on_page(p, "role")
    assert all(squash(f"role{i}") in text for i in (0, 1299, 2599))


@pytest.fixture(scope="module")
def big_book(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Book:
    from reader.cli import main

    root = tmp_path_factory.mktemp("big") / "set"
    write_set(root, 300, seed=3)
    out = root.parent / "big.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert main(["export", str(root), "-o", str(out)]) == 0
    return Book(out)


def test_a_300_card_set_exports_with_every_card_bookmarked_and_listed(big_book: Book) -> None:
    cards = big_book.cards()
    assert len(cards) == 300
    assert 600 <= big_book.pages <= 3000
    pages = [p for _, p in cards]
    assert pages == sorted(pages)
    assert len(set(pages)) == 300  # every card starts on its own page
    for title, page in cards[::37]:
        assert big_book.on_page(page, title)
        assert big_book.contents_page_of(title) == page
    assert big_book.on_page(big_book.pages, f"Page {big_book.pages} of {big_book.pages}")
