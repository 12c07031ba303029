"""``briefing-reader export``: the window's filters, the options, and every exit status."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.export.frontmatter import INDEX
from tests.conftest import SHIPPED_CARDS
from tests.export.conftest import ISOLATION, LEVERAGE, SANCTIONS, Book, Run, squash

Export = Callable[..., Run]
SET = load_set(SHIPPED_CARDS)
CATALOG = MemoryCatalog(SET)
TITLES = {c.id: c.title for c in SET.cards}


def card_titles(book: Book) -> set[str]:
    return {title for title, _ in book.cards()}


def expected(query: Query) -> set[str]:
    return {TITLES[i] for i in CATALOG.matching(query)}


@pytest.mark.parametrize(
    ("args", "query"),
    [
        (["--tag", "theme/sanctions"], Query(include_tags=("theme/sanctions",))),
        (["--tag", "actor"], Query(include_tags=("actor",))),
        (["--exclude-tag", "kind/report"], Query(exclude_tags=("kind/report",))),
        (
            ["--tag", "country/mali", "--exclude-tag", "publisher/international-crisis-group"],
            Query(
                include_tags=("country/mali",),
                exclude_tags=("publisher/international-crisis-group",),
            ),
        ),
        (
            ["--card", SANCTIONS, "--card", ISOLATION],
            Query(card_ids=frozenset({SANCTIONS, ISOLATION})),
        ),
        (["--search", "Moura"], Query(text="Moura")),
        (["--search", "GOÏTA camara"], Query(text="GOÏTA camara")),
    ],
)
def test_filters_select_the_cards_the_window_would(
    export: Export, tmp_path: Path, args: list[str], query: Query
) -> None:
    want = expected(query)
    assert 0 < len(want) < 3 or args == ["--tag", "actor"]
    out = tmp_path / "book.pdf"
    run = export(SHIPPED_CARDS, "-o", out, *args)
    assert run.code == 0, run.err
    book = Book(out)
    assert card_titles(book) == want
    assert squash(query.describe()) in squash(book.texts[0])  # the cover names the filter
    assert run.out.startswith(f"{book.pages} pages ({len(want)} card")
    assert str(out) in run.out


def test_default_set_is_the_shipped_one(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "mali.pdf"
    run = export("-o", out, "--no-tag-index")
    assert run.code == 0, run.err
    book = Book(out)
    assert card_titles(book) == set(TITLES.values())
    assert "Index of tags" not in [t for t, _ in book.top_level()]
    # No page draws the index's heading (its anchor would be a named destination wherever it
    # is painted), and no index is listed in the contents or printed after the last section.
    assert INDEX not in book.reader.named_destinations
    first_card = min(page for _, page in book.cards())
    last_section = max(page for _, _, page in book.outline())
    assert last_section > first_card
    where = [*range(2, first_card), *range(last_section, book.pages + 1)]
    assert not any(book.on_page(p, "Index of tags") for p in where)


def test_help_names_the_tag_index_option_not_its_old_name(export: Export) -> None:
    run = export("--help")
    assert run.code == 0
    assert "--no-tag-index" in run.out
    assert "--no-index" not in run.out


def test_letter_paper(export: Export, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    assert export("-o", out, "--page-size", "letter", "--card", SANCTIONS).code == 0
    for page in Book(out).reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_three_compared_cards_get_landscape_pages_with_header_and_footer(
    export: Export, tmp_path: Path
) -> None:
    out = tmp_path / "compare.pdf"
    # --no-index: the old name of --no-tag-index, still accepted.
    run = export("-o", out, "--compare", f"{SANCTIONS},{LEVERAGE},{ISOLATION}", "--no-index")
    assert run.code == 0, run.err
    book = Book(out)
    side = next(p for _, t, p in book.outline() if t.startswith("Side by side"))
    page = book.reader.pages[side - 1]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    lines = book.lines(side)
    assert lines[0].startswith(SET.info.title)
    assert lines[-1].endswith(f"Page {side} of {book.pages}")
    # The column heads (who and when) repeat on every landscape page the table continues on;
    # the titles are in the first row, once.
    following = book.reader.pages[side]
    assert round(float(following.mediabox.width)) == 842
    assert book.on_page(side + 1, "International Crisis Group9 February 2023")
    assert book.on_page(side, TITLES[LEVERAGE])
    assert not book.on_page(side + 1, TITLES[LEVERAGE])
    # Back to portrait after the landscape pages.
    assert round(float(book.reader.pages[-1].mediabox.width)) == 595


def test_compare_cards_outside_the_filter_are_added_to_the_book(
    export: Export, tmp_path: Path
) -> None:
    out = tmp_path / "book.pdf"
    run = export("-o", out, "--card", SANCTIONS, "--compare", f"{LEVERAGE},{ISOLATION}")
    assert run.code == 0, run.err
    assert card_titles(Book(out)) == set(TITLES.values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--card", "no-such-card"], "no card with id 'no-such-card'"),
        (["--compare", f"{SANCTIONS},nope"], "no card with id 'nope'"),
        (["--compare", SANCTIONS], "give 2 to 4 different card ids"),
        (["--compare", f"{SANCTIONS},{SANCTIONS}"], "give 2 to 4 different card ids"),
        (["--compare", "a,b,c,d,e"], "give 2 to 4 different card ids"),
        (["--page-size", "A5"], "choose A4 or Letter"),
        (["--no-such-option"], "unrecognized arguments"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(
    export: Export, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "book.pdf"
    run = export("-o", out, *args)
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err
    assert list(tmp_path.iterdir()) == []


def test_missing_output_option_exits_2(export: Export) -> None:
    run = export(SHIPPED_CARDS)
    assert run.code == 2
    assert "-o/--output" in run.err


def test_path_that_is_not_a_folder_exits_2(export: Export, tmp_path: Path) -> None:
    run = export(tmp_path / "missing", "-o", tmp_path / "book.pdf")
    assert run.code == 2
    assert "does not exist" in run.err
    assert list(tmp_path.iterdir()) == []


def test_bad_source_date_epoch_exits_2(
    export: Export, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    run = export("-o", tmp_path / "book.pdf")
    assert run.code == 2
    assert "SOURCE_DATE_EPOCH" in run.err


def test_filter_that_matches_nothing_exits_1(export: Export, tmp_path: Path) -> None:
    run = export("-o", tmp_path / "book.pdf", "--tag", "actor/wagner", "--tag", "kind/news")
    assert run.code == 1
    assert "nothing to export: no card matches the filter (tag actor/wagner; tag kind/news)" in (
        run.err
    )
    assert list(tmp_path.iterdir()) == []


def _card(card_id: str, title: str) -> str:
    return "\n".join(
        [
            "format: briefing-card/1",
            f"id: {card_id}",
            f"title: {json.dumps(title)}",
            "source:",
            '  publisher: "Test Publisher"',
            '  published: "2022-05"',
            f"thesis: {json.dumps('A thesis for ' + title)}",
            'summary: "A short summary."',
            "argument:",
            '  - claim: "A claim."',
            "tags: [theme/test]",
            "",
        ]
    )


def test_cards_with_errors_are_left_out_with_a_warning(
    export: Export, tmp_path: Path, write_set: Callable[[dict[str, str]], Path]
) -> None:
    root = write_set(
        {"good.yaml": _card("good-card", "The good card"), "bad.yaml": "format: briefing-card/1\n"}
    )
    out = tmp_path / "book.pdf"
    run = export(root, "-o", out)
    assert run.code == 0, run.err
    assert "warning: 1 file with errors left out: bad.yaml (see: briefing-reader check" in run.err
    assert card_titles(Book(out)) == {"The good card"}


def test_a_set_whose_cards_all_have_errors_exits_1(
    export: Export, tmp_path: Path, write_set: Callable[[dict[str, str]], Path]
) -> None:
    root = write_set({"bad.yaml": "format: briefing-card/1\nid: Bad Id\n"})
    out = tmp_path / "out" / "book.pdf"
    out.parent.mkdir()
    run = export(root, "-o", out)
    assert run.code == 1
    assert "nothing to export: the set has no cards without errors" in run.err
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder", "parent-is-a-file"])
def test_output_that_cannot_be_written_exits_1(export: Export, tmp_path: Path, where: str) -> None:
    if where == "missing-folder":
        out = tmp_path / "nowhere" / "book.pdf"
    elif where == "is-a-folder":
        out = tmp_path / "book.pdf"
        out.mkdir()
    else:
        (tmp_path / "file").write_text("x")
        out = tmp_path / "file" / "book.pdf"
    run = export("-o", out)
    assert run.code == 1
    assert f"cannot write {out}" in run.err
    assert "Traceback" not in run.err
