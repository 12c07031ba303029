"""Page breaks that read well: nothing is left stranded at the foot of a page, nothing is cut
after its first line or before its last, and no gap opens where a paragraph was cut.

Read back from the PDFs with pypdf, line by line with each line's position (see
:mod:`tests.export.paper`), for the shipped book in the three shapes a reader meets (A4, A4
with a three-card compare page, Letter) and for generated cards built so that page breaks
fall on every kind of break point.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.loader import load_set
from reader.core.synthetic import generate_card
from tests.conftest import SHIPPED_CARDS
from tests.export.conftest import EPOCH, ISOLATION, LEVERAGE, SANCTIONS, Book, Run, squash
from tests.export.paper import BAND_PT, Line, body_lines, body_text

Export = Callable[..., Run]
SHAPES = {
    "a4": (),
    "a4-compare": ("--compare", f"{LEVERAGE},{SANCTIONS},{ISOLATION}"),
    "letter": ("--page-size", "Letter"),
}
SECTION_LABELS = (
    *("Summary", "Argument", "Recommendations", "Perspectives", "Actors", "Timeline"),
    *("Quotes", "Notes", "Tags", "Index of tags", "Topic matrix", "Timeline"),
)
#: A bare locator ("¶1", "§VI ¶1", "¶15–16"): the tail of a quote or an argument point.
LOCATOR = re.compile(r"^[§¶][\w ¶§–-]*$")
SHIPPED = load_set(SHIPPED_CARDS)
TAGS = {tag for card in SHIPPED.cards for tag in card.tags}


@dataclass
class Shape:
    name: str
    book: Book
    _lines: dict[int, list[Line]] = field(default_factory=dict)

    def lines(self, page: int) -> list[Line]:
        if page not in self._lines:
            self._lines[page] = body_lines(self.book.reader.pages[page - 1])
        return self._lines[page]

    def comparison_page(self, title: str) -> int:
        """The first page of a comparison section (the card parts share some titles)."""
        outline = self.book.outline()
        start = next(i for i, (d, t, _) in enumerate(outline) if d == 0 and t == "Comparison")
        return next(p for d, t, p in outline[start + 1 :] if d == 1 and t == title)

    def index_pages(self) -> range:
        first = next(p for t, p in self.book.top_level() if t == "Index of tags")
        return range(first, self.book.pages + 1)


@pytest.fixture(scope="module", params=sorted(SHAPES))
def shape(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Shape:
    from reader.cli import main

    name = request.param
    out = tmp_path_factory.mktemp(name) / "mali.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        assert main(["export", str(SHIPPED_CARDS), "-o", str(out), *SHAPES[name]]) == 0
    return Shape(name, Book(out))


def _entry_heading(line: Line) -> bool:
    """An index entry's first line: the tag, then its description after a dash."""
    return re.split(r"[\s—]", line.text)[0] in TAGS


def _headings() -> set[str]:
    """Every line of the shipped book that introduces what follows it."""
    found = set(SECTION_LABELS)
    for card in SHIPPED.cards:
        found |= {f"To {r.to.strip()}" for r in card.recommendations}
        found |= {f"TO {r.to.strip().upper()}" for r in card.recommendations}
        found.add(f"{card.source.publisher}, {card.source.published.display()}")
    found |= {t.label for t in SHIPPED.info.topics}
    found |= {t.split("/")[0] for t in TAGS}
    return found


def _stranded(line: Line, headings: set[str]) -> bool:
    return line.text in headings or line.text.startswith("As “") or _entry_heading(line)


def test_an_index_entry_keeps_its_heading_line_next_to_its_cards(shape: Shape) -> None:
    """The index entry "country/france — France, …" over its list of cards: the list follows
    on the next line, on the same page, never after a blank gap or a page break."""
    checked = 0
    for page in shape.index_pages():
        lines = shape.lines(page)
        for i, line in enumerate(lines):
            if not _entry_heading(line):
                continue
            checked += 1
            assert i + 1 < len(lines), (shape.name, page, f"{line.text!r} ends the page")
            gap = lines[i + 1].top - line.top
            assert gap < 24, (shape.name, page, line.text, f"{gap:.0f} pt to the next line")
    assert checked == len(TAGS)


def test_no_page_ends_with_a_heading(shape: Shape) -> None:
    """A section heading, an addressee, a topic, a source or an index entry's tag line is
    never the last line of a page: it moves to the next page with what it introduces."""
    headings = _headings()
    for page in range(3, shape.book.pages):
        if shape.book.lines(page)[0] != shape.book.lines(page + 1)[0]:
            continue  # the next page starts a new section (its running header changes)
        lines = shape.lines(page)
        assert lines, (shape.name, page)
        assert not _stranded(lines[-1], headings), (shape.name, page, lines[-1].text)


def test_no_page_starts_with_a_lone_locator(shape: Shape) -> None:
    """A quote's or a point's locator ("§VI ¶1") is not carried alone onto the next page."""
    for page in range(3, shape.book.pages + 1):
        first = shape.lines(page)[0]
        assert not LOCATOR.match(first.text), (shape.name, page, first.text)


def test_every_page_starts_at_the_top_of_its_body(shape: Shape) -> None:
    """No blank band opens the page: a heading moved to a new page leaves its margin behind."""
    for page in range(2, shape.book.pages + 1):
        first = shape.lines(page)[0]
        assert first.top < BAND_PT + 24, (shape.name, page, first.text, first.top)


def _card_text(shape: Shape, card_id: str) -> str:
    card = SHIPPED.card(card_id)
    assert card is not None
    starts = dict(shape.book.top_level())
    first = starts[card.title]
    last = min(p for p in starts.values() if p > first) - 1
    return "".join(
        squash(body_text(shape.book.reader.pages[p - 1])) for p in range(first, last + 1)
    )


@pytest.mark.parametrize("card_id", [LEVERAGE, ISOLATION, SANCTIONS])
def test_a_cards_text_reads_once_and_in_order_across_its_pages(shape: Shape, card_id: str) -> None:
    card = SHIPPED.card(card_id)
    assert card is not None
    text = _card_text(shape, card_id)
    at = 0
    by_addressee: dict[str, list[str]] = {}
    for rec in card.recommendations:  # the card view groups them by addressee
        by_addressee.setdefault(rec.to.strip(), []).append(rec.action)
    parts = [p.claim for p in card.argument] + [a for g in by_addressee.values() for a in g]
    events = sorted(card.timeline, key=lambda e: e.date.sort_key)
    parts += [a.role for a in card.actors if a.role] + [e.event for e in events]
    for part in parts:
        wanted = squash(part)
        assert text.count(wanted) == 1, (shape.name, part)
        found = text.find(wanted, at)
        assert found >= at, (shape.name, "out of order", part)
        at = found


# --- generated cards: every break point met ------------------------------------------------


def _card(number: int, extra_lines: int, body: list[str]) -> str:
    """A card whose summary is ``extra_lines`` lines longer than its sibling's, so that the
    same content meets the page break one line further down in each card of a set."""
    base = generate_card(number).text
    head, _, _ = base.partition("\nsummary:")
    summary = " ".join(["Filler words to make one more printed line of the summary."] * 2)
    lines = [head, f'summary: "{" ".join([summary] * extra_lines) or "Short."}"', *body]
    return "\n".join(lines) + "\ntags: [theme/test]\n"


def _export_set(
    export: Export, write_set: Callable[[dict[str, str]], Path], files: dict[str, str], out: Path
) -> Book:
    root = write_set(files)
    run = export(root, "-o", out, "--no-index")
    assert run.code == 0, run.err
    return Book(out)


def _pages(book: Book) -> Iterator[tuple[int, list[Line]]]:
    for page in range(3, book.pages + 1):
        yield page, body_lines(book.reader.pages[page - 1])


def test_an_addressee_heading_never_ends_a_page(
    export: Export, write_set: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """Recommendations to many addressees, one short action each, so that over four cards
    whose summaries differ by a line an addressee's heading meets every page bottom."""
    body = ["argument:", '  - claim: "One point."', "recommendations:"]
    for i in range(40):
        body += [f'  - to: "Addressee {i}"', f'    action: "Act {i} and report back."']
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(4)}
    book = _export_set(export, write_set, files, tmp_path / "addressees.pdf")
    seen = 0
    for page, lines in _pages(book):
        seen += any(line.text.startswith("To Addressee") for line in lines)
        assert not lines[-1].text.startswith("To Addressee"), (page, lines[-1].text)
        assert lines[-1].text != "Recommendations", page
    assert seen >= 8


def test_a_short_table_row_is_never_split_across_pages(
    export: Export, write_set: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """Actors whose names take two lines: the row moves whole to the next page rather than
    leave the first half of a name at the foot of a page."""
    body = ["argument:", '  - claim: "One point."', "actors:"]
    for i in range(45):
        body += [
            f'  - name: "Alpha{i} bravo charlie delta echo foxtrot golf Omega{i}"',
            f'    role: "Role {i}."',
        ]
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(3)}
    book = _export_set(export, write_set, files, tmp_path / "actors.pdf")
    rows = 0
    for page, lines in _pages(book):
        found = re.findall(r"\b(Alpha|Omega)(\d+)\b", " ".join(line.text for line in lines))
        alphas = {n for word, n in found if word == "Alpha"}
        omegas = {n for word, n in found if word == "Omega"}
        assert alphas == omegas, (page, alphas ^ omegas)
        rows += len(alphas)
    assert rows == 3 * 45


def test_a_heading_above_a_table_keeps_its_margin(shape: Shape) -> None:
    """Qt drops a paragraph's bottom margin before a table: the comparison pages' titles sat
    on their tables' top borders (18 pt from the title's baseline to the first row's)."""
    for title in ("Topic matrix", "Timeline"):
        lines = shape.lines(shape.comparison_page(title))
        assert lines[0].text == title
        assert lines[1].top - lines[0].top > 22, (shape.name, title, lines[1].top - lines[0].top)


def test_a_row_moved_to_a_new_page_starts_right_under_the_repeated_head(shape: Shape) -> None:
    """The merged timeline repeats its column heads on every page; a row moved whole to the
    next page sits right under them, as a row that continues does (the row above must not
    reach over the break and show a sliver of empty cells there)."""
    first = shape.comparison_page("Timeline")
    gaps = []
    for page in range(first + 1, shape.book.pages + 1):
        lines = shape.lines(page)
        if not lines[0].text.startswith("DateEvent"):
            break
        gaps.append(lines[1].top - lines[0].top)
    assert len(gaps) >= 3
    assert max(gaps) - min(gaps) < 4, (shape.name, gaps)


def test_an_argument_claim_stays_with_the_start_of_its_support(
    export: Export, write_set: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """A point's claim is never the last thing on a page with its support on the next: over
    three cards whose summaries differ by a line, claims meet every page bottom."""
    body = ["argument:"]
    for i in range(24):
        body += [
            f'  - claim: "Claim{i} {"says a thing that takes a line or two. " * 2}EndClaim{i}"',
            f'    support: "Support{i} {"gives the evidence at some length. " * 6}"',
            f'    where: "¶{i + 1}"',
        ]
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(3)}
    book = _export_set(export, write_set, files, tmp_path / "claims.pdf")
    claims = 0
    for page, lines in _pages(book):
        text = " ".join(line.text for line in lines)
        for i in re.findall(r"\bEndClaim(\d+)\b", text):
            claims += 1
            assert re.search(rf"\bSupport{i}\b", text), (page, f"claim {i} ends the page")
    assert claims == 3 * 24


def test_short_points_and_events_keep_their_numbers_and_dates_narrow(
    export: Export, write_set: Callable[[dict[str, str]], Path], tmp_path: Path
) -> None:
    """Two-column tables whose text is all short: the number and date columns stay as wide
    as their content (Qt split the width evenly, and "1" sat mid-page)."""
    body = ["argument:", '  - claim: "Short1 point."', '  - claim: "Short2 point."', "timeline:"]
    body += ['  - date: "2021-09"', '    event: "Event1 short."']
    book = _export_set(export, write_set, {"c.yaml": _card(1, 0, body)}, tmp_path / "short.pdf")
    lines = body_lines(book.reader.pages[2])
    margin = min(line.left for line in lines)
    for word, most in (("Short1", 25), ("Short2", 25), ("Event1", 110)):
        line = next(line for line in lines if word in line.text)
        assert line.left - margin < most, (word, line.left - margin)
