"""apply_edits: what changed is rewritten, every other byte of the file stays as written."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.authoring.patch import apply_edits
from reader.cards.safe_yaml import read_yaml
from tests.conftest import DATA, SHIPPED_CARDS

EVERY_CARD = sorted([*SHIPPED_CARDS.glob("*.yaml"), *(DATA / "good").rglob("*.y*ml")])

COMMENTED = """\
# A card with comments, odd spacing and every style of scalar.
format: briefing-card/1
id: commented   # the id
title: 'Single-quoted title'
source:
  publisher: "Example"    # trailing comment
  published: "2023"
thesis: >-
  A folded
  thesis.
summary: |
  Line one.
  Line two.
argument:
  # the first point
  - claim: "One."
    where: "¶1"

  # the second point, after a blank line
  - claim: "Two."
  - claim: Three, plain.
tags:
  - region/sahel   # keep me
  - actor/wagner
notes: "End."
"""


def changed(text: str, edit: Callable[[Any], None]) -> tuple[str, list[str]]:
    """The new text after ``edit`` on the data, and the diff's changed lines (+/-)."""
    data = copy.deepcopy(read_yaml(text).data)
    edit(data)
    result = apply_edits(text, data)
    assert read_yaml(result).data == data
    diff = difflib.unified_diff(text.splitlines(), result.splitlines(), n=0, lineterm="")
    return result, [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


@pytest.mark.parametrize("path", EVERY_CARD, ids=lambda p: p.name)
def test_unchanged_data_gives_the_same_bytes(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    data = read_yaml(text).data
    assert apply_edits(text, copy.deepcopy(data)) == text


def test_a_scalar_keeps_its_style_and_the_comment_after_it() -> None:
    _, diff = changed(COMMENTED, lambda d: d["source"].update(publisher='New "one"'))
    assert diff == [
        '-  publisher: "Example"    # trailing comment',
        '+  publisher: "New \\"one\\""    # trailing comment',
    ]
    _, diff = changed(COMMENTED, lambda d: d.update(title="It's new"))
    assert diff == ["-title: 'Single-quoted title'", "+title: 'It''s new'"]


def test_a_block_scalar_stays_a_block() -> None:
    result, diff = changed(COMMENTED, lambda d: d.update(summary="First.\nSecond.\n"))
    assert diff == ["-  Line one.", "-  Line two.", "+  First.", "+  Second."]
    result, _ = changed(COMMENTED, lambda d: d.update(thesis="A new thesis."))
    assert "thesis: |-\n  A new thesis.\nsummary: |" in result


def test_list_items_move_with_their_comments() -> None:
    result, _ = changed(COMMENTED, lambda d: d["argument"].reverse())
    assert result.index("- claim: Three, plain.") < result.index("# the second point")
    assert result.index("# the second point") < result.index("# the first point")
    assert result.startswith(COMMENTED[: COMMENTED.index("argument:")])
    assert result.endswith(COMMENTED[COMMENTED.index("tags:") :])


def test_an_item_added_and_one_removed_touch_only_their_lines() -> None:
    _, diff = changed(COMMENTED, lambda d: d["tags"].append("theme/new"))
    assert diff == ["+  - theme/new"]
    _, diff = changed(COMMENTED, lambda d: d["tags"].pop(0))
    assert diff == ["-  - region/sahel   # keep me"]
    _, diff = changed(COMMENTED, lambda d: d["argument"].pop(0))
    assert diff == ["-  # the first point", '-  - claim: "One."', '-    where: "¶1"']


def test_a_nested_field_is_edited_in_place() -> None:
    _, diff = changed(COMMENTED, lambda d: d["argument"][1].update(claim="Two, edited."))
    assert diff == ['-  - claim: "Two."', '+  - claim: "Two, edited."']
    _, diff = changed(COMMENTED, lambda d: d["argument"][0].pop("claim"))
    assert diff == ['-  - claim: "One."', '-    where: "¶1"', '+  - where: "¶1"']


def test_a_new_key_goes_where_the_schema_puts_it_in_house_style() -> None:
    def add(d: dict[str, Any]) -> None:
        d["source"]["kind"] = "report"
        d["source"]["title"] = "Its own title"
        d["perspectives"] = [{"topic": "why-russia", "stance": "skeptical", "view": "A view."}]

    result, diff = changed(COMMENTED, add)
    assert diff == [
        '+  title: "Its own title"',
        "+  kind: report",
        "+perspectives:",
        "+  - topic: why-russia",
        "+    stance: skeptical",
        '+    view: "A view."',
    ]
    assert result.index("kind: report") > result.index("published:")
    assert result.index("perspectives:") < result.index("tags:")


def test_a_key_removed_takes_its_lines_only() -> None:
    _, diff = changed(COMMENTED, lambda d: d.pop("summary"))
    assert diff == ["-summary: |", "-  Line one.", "-  Line two."]


def test_crlf_files_stay_crlf() -> None:
    text = COMMENTED.replace("\n", "\r\n")
    result, _ = changed(text, lambda d: d["tags"].append("theme/new"))
    assert "\n" not in result.replace("\r\n", "")
    assert result.replace("  - theme/new\r\n", "") == text


def test_a_flow_list_keeps_its_style() -> None:
    text = (DATA / "good" / "full.yaml").read_text(encoding="utf-8")
    _, diff = changed(text, lambda d: d["tags"].append("theme/new"))
    assert diff == [
        "-tags: [region/sahel, actor/wagner, kind/report]",
        "+tags: [region/sahel, actor/wagner, kind/report, theme/new]",
    ]


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    claim=_TEXT,
    tags=st.lists(st.sampled_from(["a/b", "c", "d/e f", "x"]), min_size=0, max_size=4),
    order=st.permutations(range(3)),
)
def test_any_edit_reads_back_as_the_data_asked_for(
    claim: str, tags: list[str], order: list[int]
) -> None:
    data = read_yaml(COMMENTED).data
    data["argument"] = [data["argument"][i] for i in order]
    data["argument"][0]["claim"] = claim
    data["tags"] = tags
    result = apply_edits(COMMENTED, data)
    assert read_yaml(result).data == data
    assert result.startswith("# A card with comments")  # patched, not written anew
