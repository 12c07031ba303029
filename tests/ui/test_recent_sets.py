"""The set's title for Open Recent and the "Loading …" line: the one the loaded set has, read
without the set file's schema check (its validator is compiled only after the first paint)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.cards import schema
from reader.cards.load import load_set_info
from reader.cards.model import SET_FILE
from reader.ui.recent_sets import set_title

SET_FILES = {
    "valid": b'format: briefing-set/1\ntitle: "Mali and the West"\ntopics: []\n',
    "against the schema": b"format: briefing-set/9\ntitle: Kept anyway\nunknown: 1\n",
    "blank title": b"format: briefing-set/1\ntitle: '  '\n",
    "title not text": b"format: briefing-set/1\ntitle: [1, 2]\n",
    "not a mapping": b"- title: A list\n",
    "broken YAML": b"title: 'unclosed\n",
    "not UTF-8": b"title: \xff\xfe\n",
    "missing": None,
}


@pytest.mark.parametrize("case", SET_FILES)
def test_the_title_is_the_loaded_sets(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / f"folder {len(case)}"
    folder.mkdir()
    raw = SET_FILES[case]
    if raw is not None:
        (folder / SET_FILE).write_bytes(raw)
    asked: list[str] = []
    validator = schema._fast_validator

    def noted(name: str) -> Callable[[Any], Any]:
        asked.append(name)
        return validator(name)

    monkeypatch.setattr(schema, "_fast_validator", noted)
    title = set_title(folder)
    assert asked == []  # no schema check, so no validator made before the first paint
    assert title == load_set_info(folder)[0].title
    assert title in {"Mali and the West", "Kept anyway", folder.name}
