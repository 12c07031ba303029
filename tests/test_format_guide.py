"""The format guide's examples are real: each passes `check` unchanged."""

from __future__ import annotations

import re
from pathlib import Path

from reader.cards.load import load_set
from tests.conftest import SHIPPED_CARDS

GUIDE = SHIPPED_CARDS / "README.md"
EXAMPLE = re.compile(r"```yaml\n# file: (?P<name>\S+)\n(?P<body>.*?)```", re.S)


def test_the_guide_has_a_set_file_and_a_card() -> None:
    names = [m.group("name") for m in EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8"))]
    assert names == ["cardset.yaml", "example-card.yaml"]


def test_the_guide_examples_pass_check(tmp_path: Path) -> None:
    for match in EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8")):
        (tmp_path / match.group("name")).write_text(match.group("body"), encoding="utf-8")
    card_set = load_set(tmp_path)
    assert [str(p) for p in card_set.problems] == []
    assert [c.id for c in card_set.cards] == ["example-mali-report"]
    card = card_set.cards[0]
    assert card.source.published.display() == "February 2023"
    assert [t.key for t in card_set.info.topics] == ["russia-partnership", "western-response"]
