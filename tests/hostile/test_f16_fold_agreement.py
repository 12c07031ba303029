"""F16: the index and the in-memory scan fold every character the same way.

``search`` answers from the index, ``export --search`` and the window's small sets from the
in-memory scan (:class:`MemoryCatalog`). Compatibility characters such as "㎒", "ℌ" and "𝐀"
decompose into capitals, which the scan kept and the index's tokenizer lower-cased, so the
two disagreed. The differential test over generated texts is test_differential_search.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.index import open_index
from tests.hostile.conftest import Cli, assert_no_traceback, card_text

#: card id → its title.
TITLES = {
    "radio": "A 100 ㎒ band",
    "gothic": "ℌigh ground",
    "bold": "𝐀lpha and 𝐁eta",
    "street": "Straße, Ørsted, ﬁnance, Œuvre",
    "marks": "Goi\u0308ta, Ko\u0304be",
}
#: query → the ids both sides must find.
EXPECTED = {
    "mhz": ["radio"],
    "MHZ": ["radio"],
    "㎒": ["radio"],
    "high": ["gothic"],
    "ℌigh": ["gothic"],
    "alpha beta": ["bold"],
    "𝐀𝐋𝐏𝐇𝐀": ["bold"],
    "strasse": ["street"],
    "STRASSE ørsted": ["street"],
    "finance œuvre": ["street"],
    "goïta kōbe": ["marks"],
    "goita kobe": ["marks"],
}


@pytest.fixture
def hostile_set(tmp_path: Path) -> Path:
    root = tmp_path / "set"
    root.mkdir()
    for card_id, title in TITLES.items():
        text = card_text(card_id).replace(
            f'title: "{card_id}"', f"title: {json.dumps(title, ensure_ascii=False)}"
        )
        (root / f"{card_id}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("text", EXPECTED)
def test_the_index_and_the_scan_find_the_same_cards(
    hostile_set: Path, tmp_path: Path, text: str
) -> None:
    query = Query(text=text)
    memory = MemoryCatalog(load_set(hostile_set))  # what export --search filters with
    index = open_index(hostile_set, cache_dir=tmp_path / "cache")
    assert memory.matching(query) == EXPECTED[text]
    assert index.matching(query) == EXPECTED[text]
    assert index.search(query) == EXPECTED[text]


def test_search_on_the_command_line(hostile_set: Path, run_main: Cli) -> None:
    for text in ("mhz", "high", "alpha"):
        searched = run_main("search", hostile_set, text)
        assert_no_traceback(searched)
        assert searched.returncode == 0, searched.stderr
        assert searched.stdout.split() == EXPECTED[text if text != "alpha" else "alpha beta"]
