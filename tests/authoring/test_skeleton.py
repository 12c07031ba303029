"""New cards and sets: the skeleton names its source, has a unique id, and fails `check`
with one message per field left to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.authoring.skeleton import (
    NewCardError,
    new_card,
    new_set,
    slug,
    source_title,
    title_candidates,
)
from reader.cards.load import load_set
from reader.cards.set_file import parse_set_file


def test_a_card_from_a_source_fails_check_naming_each_field_left(card_set: Path) -> None:
    sources = card_set / "sources"
    sources.mkdir()
    (sources / "report.txt").write_text("\n# Mali’s Wagner Gamble: a Report\n\nBody.\n")
    (card_set / "cardset.yaml").write_text(
        (card_set / "cardset.yaml").read_text() + "sources: sources\n"
    )
    path, text = new_card(sources / "report.txt", card_set)
    assert path == card_set / "malis-wagner-gamble-a-report.yaml"
    assert 'title: "Mali’s Wagner Gamble: a Report"' in text
    assert 'file: "report.txt"' in text
    path.write_text(text)
    problems = [p for p in load_set(card_set).problems if p.path == path.name]
    fields = [p.message.split(": placeholder")[0] for p in problems]
    assert fields == [
        "`publisher`",
        "`published`",
        "`thesis`",
        "`summary`",
        "`claim` of argument point 1",
        "`where` of argument point 1",
        "tag 1",
    ]
    assert all(
        p.is_error and "placeholder text left — replace 'TODO: " in p.message for p in problems
    )


def test_the_title_skips_a_web_page_s_menus_and_can_be_chosen(card_set: Path) -> None:
    capture = (
        "Follow us on social\n\nShutterstock_2026844540-scaled\n\n"
        "Is Mali flirting with Russian mercenaries to get Washington's attention?\n\n"
        "It's easy for smaller countries to exploit American fears in this context.\n"
    )
    assert source_title(capture) == (
        "Is Mali flirting with Russian mercenaries to get Washington's attention?"
    )
    assert title_candidates(capture)[0] == "Follow us on social"
    assert title_candidates(f"{'A paragraph. ' * 20}\n\nTitle\n") == ["Title"]
    assert title_candidates(f"{'word ' * 60}\n") == [("word " * 40).strip()]
    assert source_title("Short one\n\nA sentence of more than five words.\n") == "Short one"
    source = card_set / "capture.txt"
    source.write_text(capture, "utf-8")
    path, text = new_card(source, card_set, title="  Mali's  Wagner   bluff ")
    assert path.name == "malis-wagner-bluff.yaml"
    assert text.startswith("format: briefing-card/1\nid: malis-wagner-bluff\n")  # no comment
    assert 'title: "Mali\'s Wagner bluff"' in text


def test_the_id_is_unique_and_checked(card_set: Path) -> None:
    path, _ = new_card(None, card_set, taken={"new-card"})
    assert path.name == "new-card-2.yaml"
    _, text = new_card(None, card_set, id="my-card")
    assert "id: my-card" in text
    with pytest.raises(NewCardError, match="already used"):
        new_card(None, card_set, id="mali-sanctions-2023")
    with pytest.raises(NewCardError, match="not a card id"):
        new_card(None, card_set, id="Bad Id")
    assert slug("Ça va? Élan — 2023 «report»") == "ca-va-elan-2023-report"


def test_a_long_title_is_cut_between_phrases() -> None:
    """P13: the id stopped mid-phrase ("…-mercenaries-to-get")."""
    title = "Is Mali flirting with Russian mercenaries to get Washington's attention?"
    assert slug(title) == "is-mali-flirting-with-russian-mercenaries"
    # No joining word in reach: whole words up to the length, never a cut word.
    long = "Sanctions sanctions sanctions sanctions sanctions sanctions sanctions"
    assert slug(long) == "sanctions-sanctions-sanctions-sanctions"
    # A joining word is never the last word ("…-coup-for-the" would fit the length).
    cut = "The economic consequences of the coup for the West African region and the world"
    assert slug(cut) == "the-economic-consequences-of-the-coup"


def test_a_new_set_file_loads_and_is_never_overwritten(tmp_path: Path) -> None:
    path = new_set(tmp_path / "new", "  My set ", "About things.")
    info, problems = parse_set_file(path.read_bytes(), "fallback")
    assert (info.title, info.description, info.topics, problems) == (
        "My set",
        "About things.",
        (),
        [],
    )
    with pytest.raises(FileExistsError):
        new_set(tmp_path / "new", "Again")
