"""What the index keeps and how it reads it back: the stored state's layout, the modules its
fingerprint covers, and cards parsed once per change."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import grimp
import pytest

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.model import SET_FILE, Card, Source
from reader.cards.problems import Problem, Severity
from reader.index import _catalog as index_catalog
from reader.index import open_index
from reader.index._rows import content_digest
from reader.index._state import State, _decode_state, _encode_state
from reader.index._store import PARSING_MODULES
from tests.support.synthetic import write_set


def test_the_fingerprint_covers_every_module_the_row_maker_imports() -> None:
    """A helper the parser starts to use, left off the list, would serve stale cached cards."""
    graph = grimp.build_graph("reader", cache_dir=None)
    imported = graph.find_upstream_modules("reader.index._rows")
    assert set(PARSING_MODULES) == {"reader.index._rows", *imported}


SUMMARY = ("an-id", "A title", "A publisher", 2021, 9, None, "report", ("a", "b/c"), "x/y.yaml")
PROBLEM = ("x/y.yaml", 3, 4, "warning", "a message")


def test_the_stored_state_keeps_its_layout() -> None:
    """Indexes stored by earlier versions decode alike (changing the layout means bumping
    SCHEMA_VERSION, which discards them): a summary's values, then the rowids, then each
    problem's, all in this order."""
    payload = marshal.dumps(([SUMMARY], (7,), [PROBLEM]))
    state = _decode_state(content_digest(payload) + payload, 5)
    summary = CardSummary(
        "an-id", "A title", "A publisher", PartialDate(2021, 9), "report", ("a", "b/c"), "x/y.yaml"
    )
    problem = Problem("x/y.yaml", 3, 4, Severity.WARNING, "a message")
    assert state == State((summary,), (7,), (problem,), 5)
    blob = _encode_state(state)
    assert marshal.loads(blob[len(content_digest(b"")) :]) == ([SUMMARY], (7,), [PROBLEM])


def count_card_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, the cards a catalog parses from the index's stored files (their paths)."""
    parsed: list[str] = []
    original = index_catalog.restore_card

    def counting(rel: str, data: bytes, topics: frozenset[str] | None) -> Card | None:
        parsed.append(rel)
        return original(rel, data, topics)

    monkeypatch.setattr(index_catalog, "restore_card", counting)
    return parsed


def retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f'title: "{title}"', text, flags=re.M), "utf-8")


def test_a_card_is_parsed_once_per_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "set"
    write_set(root, 12, seed=3)
    shown, other = sorted(p for p in root.rglob("*.yaml") if p.name != SET_FILE)[:2]
    unique = tmp_path.name  # content no other test parsed: the cache is the process's
    retitle(shown, f"Shown {unique}")
    catalog = open_index(root, cache_dir=tmp_path / "cache")
    rel = shown.relative_to(root).as_posix()
    card_id = next(s.id for s in catalog.summaries() if s.path == rel)
    parsed = count_card_parses(monkeypatch)

    first = catalog.card(card_id)
    assert first is not None
    assert first.title == f"Shown {unique}"
    assert [catalog.card(card_id) for _ in range(3)] == [first] * 3  # as export asks
    assert parsed == [rel]

    retitle(other, f"Other {unique}")  # another card changes: this one is not parsed again
    reloaded = catalog.refresh([other])
    assert reloaded.card(card_id) == first
    assert parsed == [rel]

    retitle(shown, f"Edited {unique}")  # this card changes: parsed once more, new content
    edited = reloaded.refresh([shown])
    for held in (edited, reloaded, catalog):
        again = held.card(card_id)
        assert again is not None
        assert again.title == f"Edited {unique}"
    assert parsed == [rel, rel]


def test_the_parsed_cards_are_bounded() -> None:
    cards = index_catalog.ParsedCards(size=2)
    source = Source(publisher="p", published=PartialDate(2020))
    made = {name: Card(name, name, source, "thesis", "summary", (), ()) for name in "abc"}
    for name, card in made.items():
        cards.put((name, b"digest", None), card)
    assert cards.get(("a", b"digest", None)) is None  # the oldest went
    assert cards.get(("b", b"digest", None)) is made["b"]
    cards.put(("d", b"digest", None), made["a"])
    assert cards.get(("c", b"digest", None)) is None  # b was used since: c was the oldest
    assert cards.get(("b", b"digest", None)) is made["b"]
