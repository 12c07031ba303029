"""Where a card's source text is looked for, and parsing each source text once."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.cards.load import load_set
from reader.verify.quotes import verify_set
from reader.verify.sources import (
    Availability,
    SourceTexts,
    source_folders,
    source_status,
)
from tests.conftest import DATA

EVIDENCE = DATA / "evidence"


def evidence_set(tmp_path: Path, set_sources: str | None) -> Path:
    """The evidence set with its texts moved to ``texts/`` (named by ``sources:`` or not)."""
    root = tmp_path / "set"
    shutil.copytree(EVIDENCE, root)
    (root / "sources").rename(root / "texts")
    for card in root.glob("*.yaml"):
        card.write_text(card.read_text("utf-8").replace("sources/", ""), "utf-8")
    if set_sources:
        with (root / "cardset.yaml").open("a", encoding="utf-8") as out:
            out.write(f"sources: {set_sources}\n")
    return root


def test_the_sets_sources_folder_is_looked_in_after_the_set_folder(tmp_path: Path) -> None:
    root = evidence_set(tmp_path, "texts")
    card_set = load_set(root)
    folders = source_folders(root, card_set.info)
    assert folders == [root, root / "texts"]
    card = next(c for c in card_set.cards if c.id == "dam-report")
    assert source_status(card, folders).path == (root / "texts" / "report.txt").resolve()
    # The same health check as when the texts sat beside the cards.
    assert [str(p).split(":")[0] for p in verify_set(card_set, None)] == [
        "dam-report-wrong.yaml"
    ] * 4 + ["orchard-article-wrong.yaml"] * 2


def test_a_chosen_folder_comes_last_and_a_missing_text_is_said(tmp_path: Path) -> None:
    root = evidence_set(tmp_path, None)
    card_set = load_set(root)
    card = next(c for c in card_set.cards if c.id == "dam-report")
    assert source_status(card, source_folders(root, card_set.info)).availability is (
        Availability.NOT_FOUND
    )
    chosen = source_folders(root, card_set.info, root / "texts")
    assert source_status(card, chosen).available
    assert verify_set(card_set, None) == []  # nothing found, nothing to check, no noise


def test_each_text_is_parsed_once_per_content(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_text("One.\n\nTwo.\n", "utf-8")
    texts = SourceTexts()
    first = texts.load(path, None)
    assert texts.load(path, None) is first
    assert texts.load(path, (1, 1)) is not first
    path.write_text("One.\n\nTwo, edited.\n", "utf-8")
    assert [p.text for p in texts.load(path, None).paragraphs] == ["One.", "Two, edited."]
