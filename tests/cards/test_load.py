"""Loading a set folder: every valid card, and an exact diagnostic for everything else."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cards.dates import PartialDate
from reader.cards.load import load_set
from reader.cards.model import Actor, Perspective, Point, Quote, Recommendation, TimelineEvent
from tests.conftest import DATA

VALID = """\
format: briefing-card/1
id: {id}
title: "A card"
source:
  publisher: "Someone"
  published: "2023"
thesis: "A claim."
summary: "A paragraph."
argument:
  - claim: "A point."
tags: [theme/test]
"""


def test_bad_corpus_gives_exactly_the_expected_diagnostics() -> None:
    card_set = load_set(DATA / "bad")
    expected = (DATA / "bad" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in card_set.problems] == expected
    # Only the card with a mere warning and the first of the duplicate ids load.
    assert sorted(c.id for c in card_set.cards) == ["same-id", "unknown-field"]


def test_every_bad_file_is_reported() -> None:
    reported = {p.path for p in load_set(DATA / "bad").problems}
    files = {p.name for p in (DATA / "bad").iterdir() if p.suffix == ".yaml"}
    files -= {"cardset.yaml", "duplicate-id-a.yaml"}
    assert files <= reported


def test_good_set_exercises_every_field() -> None:
    card_set = load_set(DATA / "good")
    assert card_set.problems == ()
    assert card_set.title == "Every field"
    assert card_set.info.description is not None
    assert [t.key for t in card_set.info.topics] == ["russia-partnership", "western-response"]
    assert card_set.info.tag_descriptions["actor/wagner"].startswith("The Wagner Group")
    assert card_set.info.actor_aliases == {
        "Malian authorities": ("Bamako", "The transitional government")
    }
    card = card_set.card("full-card")
    assert card is not None
    assert card.source.authors == ("Ada Example", "Bo Example")
    assert card.source.published == PartialDate(2023, 2, 9)
    assert card.source.kind == "report"
    assert card.source.url == "https://example.org/report"
    assert card.source.lines == (1, 3)
    assert card.argument[0] == Point(
        "The first point.", "Evidence: 49 soldiers, 23 December 2022.", "¶1"
    )
    assert card.argument[1] == Point("A point without support or locator.")
    assert card.recommendations[0] == Recommendation(
        "Bamako", "Rebalance relations with partners.", "¶2"
    )
    assert card.perspectives == (
        Perspective("russia-partnership", "skeptical", "Russia alone cannot fix Mali's security."),
    )
    assert card.actors[1] == Actor("ECOWAS")
    assert card.timeline[0] == TimelineEvent(PartialDate(2021, 5), "Second coup.")
    assert card.quotes[0].where == "¶2"
    assert isinstance(card.quotes[0], Quote)
    assert card.notes == "Written for the tests."
    assert card.path == "full.yaml"


def test_the_norway_problem_does_not_exist() -> None:
    card = load_set(DATA / "good").card("2023")
    assert card is not None
    assert card.path == "nested/norway.yml"
    assert (card.title, card.source.publisher, card.thesis) == ("no", "on", "yes")
    assert card.tags == ("no", "on", "off")
    assert card.summary == "1e3"


def test_without_a_set_file_the_title_is_the_folder_name(
    write_set: Callable[[dict[str, str]], Path],
) -> None:
    root = write_set({"a.yaml": VALID.format(id="a")})
    card_set = load_set(root)
    assert card_set.title == "set"
    assert card_set.info.topics == ()
    assert [c.id for c in card_set.cards] == ["a"]


def test_perspective_without_set_file_is_an_error(
    write_set: Callable[[dict[str, str]], Path],
) -> None:
    text = VALID.format(id="a") + "perspectives:\n  - topic: x\n    stance: mixed\n    view: v\n"
    problems = load_set(write_set({"a.yaml": text})).problems
    assert [str(p) for p in problems] == [
        "a.yaml:13:12: error: topic 'x' is not defined: the set has no cardset.yaml with topics"
    ]


def test_a_bad_card_never_stops_the_others(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set(
        {"a.yaml": VALID.format(id="a"), "b.yaml": "[unclosed", "c/d.yml": VALID.format(id="d")}
    )
    card_set = load_set(root)
    assert [c.id for c in card_set.cards] == ["a", "d"]
    assert [p.path for p in card_set.problems] == ["b.yaml"]


def test_oversized_file(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set({"big.yaml": "notes: " + "x" * (1024 * 1024 + 10)})
    [problem] = load_set(root).problems
    assert str(problem) == "big.yaml:1:1: error: the file is 1.0 MiB; a card may be at most 1 MiB"


def test_broken_link(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set({"a.yaml": VALID.format(id="a")})
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    [problem] = load_set(root).problems
    assert str(problem) == "gone.yaml:1:1: error: the file cannot be read: it is a broken link"


def test_permission_denied(
    write_set: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who can read anything: make the denial explicit.
    root = write_set({"a.yaml": VALID.format(id="a"), "secret.yaml": VALID.format(id="s")})
    real_open = os.open

    def guarded(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).name == "secret.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", guarded)
    card_set = load_set(root)
    assert [c.id for c in card_set.cards] == ["a"]
    assert [str(p) for p in card_set.problems] == [
        "secret.yaml:1:1: error: the file cannot be read: permission denied"
    ]


def test_symlink_loops_do_not_hang(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set({"sub/a.yaml": VALID.format(id="a")})
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "self.yaml").symlink_to(root / "self.yaml")
    card_set = load_set(root)
    assert [c.id for c in card_set.cards] == ["a"]
    assert [str(p) for p in card_set.problems] == [
        "self.yaml:1:1: error: the file cannot be read: it is a link that loops back on itself"
    ]


def test_hidden_folders_are_skipped(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set({".git/x.yaml": "junk: [", "a.yaml": VALID.format(id="a")})
    card_set = load_set(root)
    assert card_set.problems == ()


def test_broken_set_file_still_loads_cards(write_set: Callable[[dict[str, str]], Path]) -> None:
    root = write_set(
        {"cardset.yaml": "format: briefing-set/1\ntitle: [", "a.yaml": VALID.format(id="a")}
    )
    card_set = load_set(root)
    assert [c.id for c in card_set.cards] == ["a"]
    assert card_set.problems[0].path == "cardset.yaml"
    assert card_set.title == "set"


def test_set_file_problems(write_set: Callable[[dict[str, str]], Path]) -> None:
    set_file = """\
format: briefing-set/2
title: "T"
topics:
  - key: Bad Key
    label: "L"
    question: "Q"
  - key: ok
    label: "L"
    question: "Q"
  - key: ok
    label: "L2"
    question: "Q2"
tags:
  "a//b": "empty part"
  theme: [a, b]
actors:
  "Malian authorities": ["Bamako"]
  "Government": ["Bamako"]
colour: blue
"""
    card_set = load_set(write_set({"cardset.yaml": set_file}))
    assert [str(p) for p in card_set.problems] == [
        "cardset.yaml:1:9: error: `format` must be 'briefing-set/1', not 'briefing-set/2'",
        "cardset.yaml:4:10: error: `key` of topic 1 must be 1–64 lowercase letters, digits or "
        "hyphens, starting with a letter or digit (like mali-wagner-2023), not 'Bad Key'",
        "cardset.yaml:10:10: error: topic key 'ok' is used twice",
        "cardset.yaml:14:3: error: 'a//b' is not a valid tag: write levels separated by single "
        "'/', with no empty parts or spaces at their ends (like actor/wagner)",
        "cardset.yaml:15:10: error: `theme` must be text, not a list",
        "cardset.yaml:17:26: warning: the alias 'Bamako' of 'Malian authorities' is used by "
        "no card",
        "cardset.yaml:18:18: error: the name 'Bamako' is listed under both 'Malian authorities' "
        "and 'Government'; a name can stand for only one actor",
        "cardset.yaml:18:18: warning: the alias 'Bamako' of 'Government' is used by no card",
        "cardset.yaml:19:1: warning: unknown field `colour` is ignored (known fields: actors, "
        "description, format, sources, tags, title, topics)",
    ]
    assert [t.key for t in card_set.info.topics] == ["ok"]


def test_the_sources_folder_must_stay_inside_the_set(
    write_set: Callable[[dict[str, str]], Path],
) -> None:
    # A shared set must never point the app at the reader's own files.
    for value, kept in (("texts", "texts"), ("../elsewhere", None), ("/etc", None)):
        root = write_set(
            {"cardset.yaml": f'format: briefing-set/1\ntitle: T\nsources: "{value}"\n'}
        )
        card_set = load_set(root)
        assert card_set.info.sources == kept
        assert [str(p) for p in card_set.problems] == (
            []
            if kept
            else [
                f"cardset.yaml:3:10: error: `sources` must be a folder inside the set folder, "
                f"not '{value}'"
            ]
        )
