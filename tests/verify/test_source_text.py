"""Paragraphs, sections, pull-quotes and locators of a source's plain text."""

from __future__ import annotations

from reader.verify.source_text import SourceText, normalise

REPORT = """\
Title line

Summary paragraph one.

Summary paragraph two.

I. Overview
First paragraph of the overview, on Moscow.44Mali also did something.

A pull-quote repeats a sentence of the next paragraph.

Here: a pull-quote repeats a sentence of the next paragraph, and goes on.

II. Next Section

Only paragraph of section two.
"""


def test_sections_paragraphs_and_pull_quotes() -> None:
    text = SourceText.parse(REPORT, (3, 16))
    assert [p.locator for p in text.paragraphs] == ["¶1", "¶2", "§I ¶1", "§I ¶2", "§II ¶1"]
    assert text.sections == ("I", "II")


def test_footnote_numbers_are_not_text() -> None:
    text = SourceText.parse(REPORT)
    [hit] = text.find("on Moscow. Mali also did")
    assert hit.locator == "§I ¶1"


def test_quotes_match_across_whitespace_and_quote_marks() -> None:
    text = SourceText.parse("He said “it’s fine”\nand left.\n")
    assert text.find('said "it\'s fine" and left')
    assert normalise("a  ‘b’\n c") == "a 'b' c"


def test_lines_range_excludes_furniture() -> None:
    text = SourceText.parse("Menu\n\nBody one.\n\nBody two.\n\nFooter\n", (3, 5))
    assert [p.text for p in text.paragraphs] == ["Body one.", "Body two."]
    assert text.find("Footer") == []


def test_locators_resolve_or_say_why_not() -> None:
    text = SourceText.parse(REPORT, (3, 16))
    assert [p.locator for p in text.resolve("§I ¶2")] == ["§I ¶2"]  # type: ignore[union-attr]
    assert [p.locator for p in text.resolve("¶1–2")] == ["¶1", "¶2"]  # type: ignore[union-attr]
    assert len(text.resolve("§II")) == 1
    assert text.resolve("§III ¶1") == "the source has no section §III (sections: §I, §II)"
    assert text.resolve("§I ¶3") == "'§I ¶3' is outside the source: section §I has 2 paragraphs"
    assert text.resolve("¶2-1") == "'¶2-1' runs backwards"
    assert text.resolve("page 4") == (
        "'page 4' is not a locator like ¶7, ¶7–8, §III, §III ¶2 or a list of them (¶4, ¶7)"
    )


def locators(text: SourceText, locator: str) -> list[str] | str:
    found = text.resolve(locator)
    return found if isinstance(found, str) else [p.locator for p in found]


def test_a_list_names_several_places_in_the_sources_order() -> None:
    text = SourceText.parse(REPORT, (3, 16))
    assert locators(text, "§I ¶2, §II ¶1") == ["§I ¶2", "§II ¶1"]
    # A place without a section is in the section of the place before it.
    assert locators(text, "§I ¶1, ¶2") == ["§I ¶1", "§I ¶2"]
    assert locators(text, "¶2, ¶1, ¶1–2") == ["¶1", "¶2"]
    assert locators(text, "¶1, §I ¶9") == (
        "'§I ¶9' is outside the source: section §I has 2 paragraphs"
    )
    assert locators(text, "¶1,") == (
        "'¶1,' is not a locator like ¶7, ¶7–8, §III, §III ¶2 or a list of them (¶4, ¶7)"
    )


def test_closest_passage() -> None:
    text = SourceText.parse(REPORT)
    assert text.closest("Only paragraph of section 2") == "Only paragraph of section two."


def test_decimals_and_thousands_are_not_footnotes() -> None:
    text = SourceText.parse(
        "Sanctions froze $148.5 million, 1,000 accounts and more.12 Then in 2024.38 It rose.\n"
    )
    assert text.paragraphs[0].text == (
        "Sanctions froze $148.5 million, 1,000 accounts and more. Then in 2024. It rose."
    )


def test_the_shown_text_keeps_the_sources_quotation_marks_at_the_same_offsets() -> None:
    [paragraph] = SourceText.parse("He said “it’s  fine”.12 Then\nleft.\n").paragraphs
    assert paragraph.shown == "He said “it’s fine”. Then left."
    assert paragraph.text == 'He said "it\'s fine". Then left.'
    start = paragraph.text.find('"it\'s fine"')
    assert paragraph.shown[start : start + 11] == "“it’s fine”"


def test_paragraphs_know_their_lines_in_the_file() -> None:
    text = "Menu\n\nHeadline\n\nFirst line\nof the article.\n\nSecond.\n"
    source = SourceText.parse(text, (5, 8))
    assert [(p.locator, p.lines) for p in source.paragraphs] == [("¶1", (5, 6)), ("¶2", (8, 8))]
    assert [p.lines for p in SourceText.parse(text).paragraphs][2] == (5, 6)
