"""Set-wide tag and topic changes: every card (sub-folders too) and the set file, nothing else
in them moved; applied all or nothing; undone byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.authoring.plan import PlanConflictError
from reader.authoring.tags import (
    TagError,
    plan_tag_delete,
    plan_tag_describe,
    plan_tag_merge,
    plan_tag_rename,
)
from reader.authoring.topics import (
    TopicError,
    plan_topic_add,
    plan_topic_remove,
    plan_topic_rename,
)
from reader.cards.load import load_set

SET = """\
format: briefing-set/1
title: "Small set"
topics:
  # the one question
  - key: why
    label: "Why"
    question: "Why?"
tags:
  actor: "Actors"   # top level
  # Wagner, with a comment
  actor/wagner: "The Wagner Group"
  org: "Organisations"
"""

CARD = """\
format: briefing-card/1
id: {id}
title: "Card {id}"
source:
  publisher: "P"
  published: "2023"
thesis: "T."
summary: "S."
argument:
  - claim: "C."
perspectives:
  - topic: why   # the stance
    stance: skeptical
    view: "V."
tags:
  - actor/wagner   # keep this comment
  - theme/x
{extra}"""


@pytest.fixture
def small_set(write_set: Callable[[dict[str, str]], Path]) -> Path:
    return write_set(
        {
            "cardset.yaml": SET,
            "a.yaml": CARD.format(id="a", extra="  - org\n"),
            "deep/b.yml": CARD.format(id="b", extra="# trailing comment\n"),
            "c.yaml": CARD.format(id="c", extra="").replace("actor/wagner", "theme/y"),
        }
    )


def texts(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*.y*ml"))}


def test_a_tag_rename_moves_nested_tags_and_keeps_everything_else(small_set: Path) -> None:
    before = texts(small_set)
    plan = plan_tag_rename(small_set, "actor", "group")
    assert [c.path.relative_to(small_set).as_posix() for c in plan.changes] == [
        "a.yaml",
        "deep/b.yml",
        "cardset.yaml",
    ]
    assert plan.occurrences == 4
    plan.apply()
    after = texts(small_set)
    assert after["a.yaml"] == before["a.yaml"].replace("- actor/wagner", "- group/wagner")
    assert after["deep/b.yml"] == before["deep/b.yml"].replace("actor/wagner", "group/wagner")
    assert after["cardset.yaml"] == before["cardset.yaml"].replace("  actor:", "  group:").replace(
        "  actor/wagner:", "  group/wagner:"
    )
    assert after["c.yaml"] == before["c.yaml"]
    assert load_set(small_set).problems == ()
    plan.inverse().apply()
    assert texts(small_set) == before


def test_a_merge_keeps_the_target_description_and_lists_a_tag_once(small_set: Path) -> None:
    before = texts(small_set)
    plan = plan_tag_merge(small_set, "actor/wagner", "org")
    assert "'org' is used already" in plan.warnings[0]
    plan.apply()
    after = texts(small_set)
    assert "actor/wagner" not in after["cardset.yaml"]
    assert 'org: "Organisations"' in after["cardset.yaml"]
    assert after["a.yaml"] == before["a.yaml"].replace(
        "  - actor/wagner   # keep this comment\n", ""
    )
    assert "  - org   # keep this comment\n" in after["deep/b.yml"]


def test_delete_and_describe(small_set: Path) -> None:
    plan_tag_delete(small_set, "theme").apply()
    assert all("theme/" not in text for text in texts(small_set).values())
    plan_tag_describe(small_set, "theme/y", "Why, described").apply()
    assert 'org: "Organisations"\n  theme/y: "Why, described"\n' in texts(small_set)["cardset.yaml"]
    with pytest.raises(TagError, match="no card or set file uses the tag 'nothing'"):
        plan_tag_rename(small_set, "nothing", "else")
    with pytest.raises(TagError, match="not a valid tag"):
        plan_tag_rename(small_set, "org", "a//b")


def test_a_file_changed_since_the_preview_stops_the_whole_change(small_set: Path) -> None:
    plan = plan_tag_rename(small_set, "actor", "group")
    (small_set / "deep" / "b.yml").write_text("changed meanwhile\n")
    before = texts(small_set)
    with pytest.raises(PlanConflictError, match=r"b\.yml"):
        plan.apply()
    assert texts(small_set) == before


def test_a_topic_rename_updates_every_perspective(small_set: Path) -> None:
    before = texts(small_set)
    plan = plan_topic_rename(small_set, "why", "why-russia")
    assert len(plan.changes) == 4
    plan.apply()
    after = texts(small_set)
    assert after["cardset.yaml"] == before["cardset.yaml"].replace("key: why", "key: why-russia")
    assert "  - topic: why-russia   # the stance\n" in after["deep/b.yml"]
    assert load_set(small_set).problems == ()


def test_a_topic_in_use_is_not_removed_without_force(small_set: Path) -> None:
    with pytest.raises(TopicError, match=r"change them first: a\.yaml, c\.yaml, deep/b\.yml"):
        plan_topic_remove(small_set, "why")
    plan_topic_add(small_set, "new-one", "New", "New?").apply()
    text = texts(small_set)["cardset.yaml"]
    assert '    question: "Why?"\n  - key: new-one\n    label: "New"\n' in text
    plan_topic_remove(small_set, "new-one").apply()
    assert texts(small_set)["cardset.yaml"] == SET
