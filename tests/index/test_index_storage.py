"""What the index keeps on disk: little (no copy of the cards, their words compressed, a
contentless full-text table), and what it needs to forget a card's words when the card changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import zstandard

from reader.cards.load import load_set
from reader.cards.query import Query
from reader.cards.set_walk import find_card_files
from reader.index import open_index
from reader.index._rows import pack, unpack
from tests.index.conftest import assert_agrees
from tests.support.synthetic import write_set


def index_bytes(index_file: Path) -> int:
    return sum(p.stat().st_size for p in index_file.parent.glob(index_file.name + "*"))


def test_the_index_takes_at_most_twice_the_cards_size(tmp_path: Path, cache: Path) -> None:
    """#17's bound at 100,000 cards (it was 3x: a copy of each card's bytes, and its words).
    150 cards: below that, the pages every index has weigh more than the cards."""
    root = tmp_path / "set"
    write_set(root, 150, seed=4)
    catalog = open_index(root, cache_dir=cache, workers=1)
    index_file = catalog.index_file
    assert index_file is not None
    catalog.close()  # the last connection checkpoints the write-ahead log and removes it
    card_bytes = sum(f.path.stat().st_size for f in find_card_files(root))
    assert index_bytes(index_file) <= 2 * card_bytes


def retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_card_loses_its_old_words(cards: Path, cache: Path) -> None:
    """The full-text table keeps no text: it is told a changed card's old words from the
    stored copy, and must then find the card by its new words only."""
    card = load_set(cards).cards[3]
    path = cards / card.path
    retitle(path, card.title, f"{card.title} quokkaold")
    catalog = open_index(cards, cache_dir=cache, workers=1)
    assert catalog.matching(Query(text="quokkaold")) == [card.id]
    retitle(path, "quokkaold", "quokkanew")
    refreshed = catalog.refresh([path])
    assert refreshed.matching(Query(text="quokkaold")) == []
    assert refreshed.matching(Query(text="quokkanew")) == [card.id]
    assert refreshed.search(Query(text="quokkanew")) == [card.id]
    assert refreshed.note is None
    assert refreshed.index_file is not None
    with sqlite3.connect(refreshed.index_file) as conn:
        conn.execute("INSERT INTO fulltext (fulltext) VALUES ('integrity-check')")
    assert_agrees(refreshed, cards)


def test_a_changed_card_whose_stored_words_are_damaged_rebuilds_the_index(
    cards: Path, cache: Path
) -> None:
    """Told other words than it was given, the full-text table would keep the card's old ones
    for good: the index is rebuilt instead, with a note."""
    card = load_set(cards).cards[5]
    catalog = open_index(cards, cache_dir=cache, workers=1)
    assert catalog.index_file is not None
    with sqlite3.connect(catalog.index_file) as conn:
        conn.execute("UPDATE files SET words = x'00ff' WHERE card_id = ?", (card.id,))
    conn.close()
    path = cards / card.path
    retitle(path, card.title, f"{card.title} quokkanew")
    refreshed = catalog.refresh([path])
    assert refreshed.note is not None
    assert "the index was damaged" in refreshed.note
    assert refreshed.matching(Query(text="quokkanew")) == [card.id]
    assert_agrees(refreshed, cards)


def test_stored_words_come_back_exactly_and_damaged_ones_fail_to_decode() -> None:
    """The words are the full-text table's only way to forget a card: they must come back
    as given, and a damaged copy must say so (the index is then rebuilt), never decode to
    other words or set aside the size a damaged header claims."""
    text = "goita ’ bamako 2019 " * 200
    packed = pack(text)
    assert len(packed) < len(text) // 4
    assert unpack(packed) == text
    not_utf8 = zstandard.ZstdCompressor().compress(b"\xff\xfe")
    claims_much = zstandard.ZstdCompressor().compress(b"x" * 1000)[:6] + b"\xff" * 8
    damaged = (b"", b"\x00\xff", packed[:-3], packed[:8], b"x" + packed[1:], not_utf8)
    for blob in (*damaged, claims_much, None):
        with pytest.raises(ValueError, match=r"\w"):  # with a message that says something
            unpack(blob)
