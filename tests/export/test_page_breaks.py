"""Page breaks that read well: nothing is left stranded at the foot of a page, nothing is cut
after its first line or before its last, and no gap opens where a paragraph was cut.

Read where the breaks are decided: in the laid-out documents the export paints, line by line
with each line's position on its page (see :mod:`tests.export.layout`), for the shipped book in
the three shapes a reader meets (A4, A4 with a three-card compare page, Letter) and for
generated cards built so that page breaks fall on every kind of break point. What only the
painted PDF shows (a line painted twice under the clip, the column heads repeated on each
page) is read back from the PDF in :mod:`tests.export.test_book`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.cards.load import load_set
from reader.export.sections import Kind
from tests.conftest import SHIPPED_CARDS
from tests.export.conftest import ISOLATION, LEVERAGE, SANCTIONS, assert_reads_once_in_order, squash
from tests.export.layout import LaidBook, Page, lay_out_book, request_for
from tests.export.paper import BAND_PT, Line
from tests.support.synthetic import generate_card

#: Cards compared and paper size of each shape.
SHAPES = {
    "a4": ((), "A4"),
    "a4-compare": ((LEVERAGE, SANCTIONS, ISOLATION), "A4"),
    "letter": ((), "Letter"),
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
    book: LaidBook

    def comparison_page(self, title: str) -> Page:
        """The first page of a comparison section (the card parts share some titles)."""
        return self.book.section(Kind.COMPARISON, title)[0]


@pytest.fixture(scope="module", params=sorted(SHAPES))
def shape(request: pytest.FixtureRequest, qapp: object) -> Shape:
    name = request.param
    compare, paper = SHAPES[name]
    return Shape(name, lay_out_book(request_for(SHIPPED_CARDS, compare=compare, page_size=paper)))


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
    return line.text in headings or line.text.startswith("As “")


def test_an_index_entry_gives_the_pages_of_the_cards_carrying_its_tag(shape: Shape) -> None:
    """#16 review 41: "country/france pp. 3, 11 — France, …": page numbers on the tag's own
    line, not every card's title again under every tag."""
    pages = shape.book.section(Kind.INDEX)
    starts = {p.section.title: p.number for p in shape.book.pages if p.index == 0}
    text = " ".join(line.text for page in pages for line in page.lines)
    for tag in TAGS:
        numbers = [starts[c.title] for c in SHIPPED.cards if tag in c.tags]
        label = "p." if len(numbers) == 1 else "pp."
        listed = f"{tag} {label} {', '.join(map(str, sorted(numbers)))}"
        assert re.search(rf"(^| ){re.escape(listed)}( |$)", text), (shape.name, listed)
    assert not any(c.title in text for c in SHIPPED.cards)
    assert len(pages) <= 3, shape.name  # four pages for the three cards' 31 tags before


def test_no_page_ends_with_a_heading(shape: Shape) -> None:
    """A section heading, an addressee, a topic, a source or an index entry's tag line is
    never the last line of a page: it moves to the next page with what it introduces."""
    headings = _headings()
    for page in shape.book.from_page(3):
        if page.last_of_section:
            continue  # the next page starts a new section
        lines = page.lines
        assert lines, (shape.name, page.number)
        assert not _stranded(lines[-1], headings), (shape.name, page.number, lines[-1].text)


def test_no_page_ends_with_a_lone_point_number(shape: Shape) -> None:
    """Second review N9: an argument point's number ("1") is never left at the foot of a page
    (under its section's heading) while the point's text starts on the next: a row that
    splits keeps at least two lines of itself, every cell begun, on the page it starts on."""
    for page in shape.book.from_page(3):
        if page.last_of_section:
            continue
        last = page.lines[-1].text
        assert not re.fullmatch(r"\d+\.?", last), (shape.name, page.number, last)


def test_no_page_inside_a_section_is_left_mostly_blank(shape: Shape) -> None:
    """#9: a page that a section goes on after is at least 30 % filled (a moved block of tags
    or a moved row left 85 % of one blank); a section's last page may be short."""
    for page in shape.book.from_page(3):
        if page.last_of_section:
            continue
        tops = [line.top for line in page.lines]  # cell by cell in a table: not in order
        assert max(tops) - min(tops) > 0.3 * 700, (shape.name, page.number)


def test_no_page_starts_with_a_lone_locator(shape: Shape) -> None:
    """A quote's or a point's locator ("§VI ¶1") is not carried alone onto the next page."""
    for page in shape.book.from_page(3):
        first = page.lines[0]
        assert not LOCATOR.match(first.text), (shape.name, page.number, first.text)


def test_every_page_starts_at_the_top_of_its_body(shape: Shape) -> None:
    """No blank band opens the page: a heading moved to a new page leaves its margin behind.
    (On a page that continues a table, its repeated column heads open the page.)"""
    for page in shape.book.from_page(2):
        first = page.lines[0]
        top = first.top - page.head
        assert top < BAND_PT + 24, (shape.name, page.number, first.text, top)


def test_no_paragraph_runs_over_a_page_break(shape: Shape) -> None:
    """Every paragraph is cut at the page breaks it runs over, so that each part is on one page
    (the painter draws a paragraph whole on every page it touches: see
    test_book.test_a_cards_text_reads_once_and_in_order_across_its_pages)."""
    assert shape.book.paragraphs > 1000
    assert shape.book.over_a_break == [], shape.name


def _card_text(shape: Shape, card_id: str) -> str:
    card = SHIPPED.card(card_id)
    assert card is not None
    pages = shape.book.section(Kind.CARD, card.title)
    return "".join(squash(page.text) for page in pages)


@pytest.mark.parametrize("card_id", [LEVERAGE, ISOLATION, SANCTIONS])
def test_a_cards_text_reads_once_and_in_order_across_its_pages(shape: Shape, card_id: str) -> None:
    """Nothing of a card is lost, doubled or moved out of order where its pages break."""
    card = SHIPPED.card(card_id)
    assert card is not None
    assert_reads_once_in_order(_card_text(shape, card_id), card, shape.name)


# --- generated cards: every break point met ------------------------------------------------


def _card(number: int, extra_lines: int, body: list[str]) -> str:
    """A card whose summary is ``extra_lines`` lines longer than its sibling's, so that the
    same content meets the page break one line further down in each card of a set."""
    base = generate_card(number).text
    head, _, _ = base.partition("\nsummary:")
    summary = " ".join(["Filler words to make one more printed line of the summary."] * 2)
    lines = [head, f'summary: "{" ".join([summary] * extra_lines) or "Short."}"', *body]
    return "\n".join(lines) + "\ntags: [theme/test]\n"


WriteSet = Callable[[dict[str, str]], Path]


def _lay_out_set(write_set: WriteSet, files: dict[str, str]) -> LaidBook:
    """The book ``export SET --no-index`` would print for these card files."""
    return lay_out_book(request_for(write_set(files), index=False))


def _pages(book: LaidBook) -> Iterator[tuple[int, list[Line]]]:
    """Every page after the contents: its number and printed lines."""
    for page in book.from_page(3):
        yield page.number, page.lines


def test_an_addressee_heading_never_ends_a_page(write_set: WriteSet) -> None:
    """Recommendations to many addressees, one short action each, so that over four cards
    whose summaries differ by a line an addressee's heading meets every page bottom."""
    body = ["argument:", '  - claim: "One point."', "recommendations:"]
    for i in range(40):
        body += [f'  - to: "Addressee {i}"', f'    action: "Act {i} and report back."']
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(4)}
    book = _lay_out_set(write_set, files)
    seen = 0
    for page, lines in _pages(book):
        seen += any(line.text.startswith("To Addressee") for line in lines)
        assert not lines[-1].text.startswith("To Addressee"), (page, lines[-1].text)
        assert lines[-1].text != "Recommendations", page
    assert seen >= 8


def test_a_paragraph_leaves_no_line_alone_at_a_page_break(write_set: WriteSet) -> None:
    """Neither an orphan (a paragraph's first line alone at the foot of a page) nor a widow
    (its last line alone at the top of the next): over six cards whose summaries differ by a
    line, every line of the notes' five-line paragraphs meets a page bottom."""
    words = "takes the paragraph over four or five printed lines of the page. " * 5
    notes = "\n\n".join(f"Start{i} {words}End{i}" for i in range(16))
    body = ["argument:", '  - claim: "One point."', f"notes: {json.dumps(notes)}"]
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(6)}
    across = 0
    for page in _lay_out_set(write_set, files).from_page(3):
        first, last = page.lines[0].text, page.lines[-1].text
        assert not _markers("Start", last) - _markers("End", last), (page.number, "orphan", last)
        assert not _markers("End", first) - _markers("Start", first), (page.number, "widow", first)
        across += len(_markers("Start", page.text) - _markers("End", page.text))
    assert across >= 6  # paragraphs that do run over a break


def _markers(word: str, text: str) -> set[str]:
    return set(re.findall(rf"\b{word}(\d+)\b", text))


def test_a_short_table_row_is_never_split_across_pages(write_set: WriteSet) -> None:
    """Actors whose names take two lines: the row moves whole to the next page rather than
    leave the first half of a name at the foot of a page."""
    body = ["argument:", '  - claim: "One point."', "actors:"]
    for i in range(45):
        body += [
            f'  - name: "Alpha{i} bravo charlie delta echo foxtrot golf Omega{i}"',
            f'    role: "Role {i}."',
        ]
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(3)}
    book = _lay_out_set(write_set, files)
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
    for title, head in (("Topic matrix", "Topic"), ("Timeline", "Date")):
        lines = shape.comparison_page(title).lines
        assert lines[0].text == title
        # The timeline's key of sources (#35) is the paragraph above its table.
        i = next(i for i, line in enumerate(lines) if i and line.text.startswith(head))
        gap = lines[i].top - lines[i - 1].top
        assert gap > 22, (shape.name, title, gap)


def test_a_row_moved_to_a_new_page_starts_right_under_the_repeated_head(shape: Shape) -> None:
    """The merged timeline repeats its column heads on every page; a row moved whole to the
    next page sits right under them, as a row that continues does (the row above must not
    reach over the break and show a sliver of empty cells there). The heads are printed at
    the same place on every page, so each page's first row is too."""
    continued = shape.book.section(Kind.COMPARISON, "Timeline")[1:]
    assert all(page.head > 0 for page in continued), "the heads repeat on every page"
    tops = [page.lines[0].top for page in continued]
    assert len(tops) >= 3
    assert max(tops) - min(tops) < 4, (shape.name, tops)


def test_an_argument_claim_stays_with_the_start_of_its_support(write_set: WriteSet) -> None:
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
    book = _lay_out_set(write_set, files)
    claims = 0
    for page, lines in _pages(book):
        text = " ".join(line.text for line in lines)
        for i in re.findall(r"\bEndClaim(\d+)\b", text):
            claims += 1
            assert re.search(rf"\bSupport{i}\b", text), (page, f"claim {i} ends the page")
    assert claims == 3 * 24


def test_short_points_and_events_keep_their_numbers_and_dates_narrow(
    write_set: WriteSet,
) -> None:
    """Two-column tables whose text is all short: the number and date columns stay as wide
    as their content (Qt split the width evenly, and "1" sat mid-page)."""
    body = ["argument:", '  - claim: "Short1 point."', '  - claim: "Short2 point."', "timeline:"]
    body += ['  - date: "2021-09"', '    event: "Event1 short."']
    lines = _lay_out_set(write_set, {"c.yaml": _card(1, 0, body)}).page(3).lines
    margin = min(line.left for line in lines)
    for word, most in (("Short1", 25), ("Short2", 25), ("Event1", 110)):
        line = next(line for line in lines if word in line.text)
        assert line.left - margin < most, (word, line.left - margin)


def test_a_merged_timeline_row_is_never_split(write_set: WriteSet) -> None:
    """#16 review 8: the merged timeline's rows of one to seven lines, over two cards whose
    summaries differ by a line, meet every page bottom; each moves whole, never leaving part
    of an event under an empty date cell."""
    body = ["argument:", '  - claim: "One point."', "timeline:"]
    for i in range(60):
        words = "happens and is told at some length here. " * (1 + i % 7)
        date = f"20{10 + i // 12:02d}-{i % 12 + 1:02d}"
        body += [f'  - date: "{date}"', f'    event: "Begin{i} {words}Finish{i}"']
    files = {f"c{k}.yaml": _card(k + 1, k, body) for k in range(2)}
    pages = _lay_out_set(write_set, files).section(Kind.COMPARISON, "Timeline")
    assert len(pages) >= 4
    rows = 0
    for page in pages:
        # Cells run together in the page's text: no word boundary around the markers.
        begun = set(re.findall(r"Begin(\d+)", page.text))
        finished = set(re.findall(r"Finish(\d+)", page.text))
        assert begun == finished, (page.number, begun ^ finished)
        rows += len(begun)
    assert rows == 60


def test_a_cards_tag_block_splits_only_with_three_lines_on_each_side(
    write_set: WriteSet,
) -> None:
    """#16 review 9, second review #9: the tags that end a card never leave a line or two of
    chips alone on a page; nor do they move whole when enough of them fits at the foot of the
    page (which left a page 85 % blank above a block of chips alone). Over eight cards whose
    summaries differ by a line, the block meets every page bottom."""
    notes = " ".join(["Notes that fill most of the first page of the card with text."] * 10)
    body = ["argument:", '  - claim: "One point."', f"notes: {json.dumps(notes)}"]
    tags = ", ".join(f"theme/tag-number-{i}" for i in range(60))
    files = {
        f"c{k}.yaml": _card(k + 1, k, body).replace("tags: [theme/test]", f"tags: [{tags}]")
        for k in range(8)
    }
    book = _lay_out_set(write_set, files)
    chip = re.compile(r"(?i)tag[-\s]*number[-\s]*(\d+)")
    split = whole = 0
    for page in book.from_page(3):
        if page.section.kind is not Kind.CARD:
            continue
        # The chips show the tag's slug or its name ("Tag number 7"), as the set names it.
        found = set(chip.findall(page.text))
        lines = [line for line in page.lines if chip.search(line.text)]
        assert not found or len(found) == 60 or len(lines) >= 3, (page.number, len(lines))
        if found and len(found) < 40:
            split += 1
        whole += len(found) == 60
    # Blocks that did meet a page bottom, split and moved whole.
    assert split >= 4, split
    assert whole >= 2, whole


def test_cover_bullets_stand_clear_of_their_text(shape: Shape) -> None:
    """#16 review 41: the set description's bullets ("• 2021, before Wagner arrived") are set
    apart from their text, which hangs: its wrapped lines start well right of the bullet."""
    lines = shape.book.page(1).lines
    bullets = [i for i, line in enumerate(lines) if line.text.startswith("•")]
    assert len(bullets) == 3, shape.name
    for i in bullets:
        assert lines[i + 1].left - lines[i].left > 10, (shape.name, lines[i].text)
