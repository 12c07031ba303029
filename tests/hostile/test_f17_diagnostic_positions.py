"""F17: every diagnostic is one line, at the place in the file it is about, in honest words.

Characters libyaml refuses but the app's own check missed (C1 controls, U+FFFE, U+FFFF) were
reported at 1:1 with libyaml's message running onto a second line ("in <unicode string>,
position 40"), and a file of 60,000 plain keys was told about aliases it does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cards import safe_yaml as yamlread
from reader.cards.safe_yaml import YamlError, read_yaml, read_yaml_bytes
from tests.hostile.conftest import Cli, assert_no_traceback, card_text

DIAGNOSTIC = re.compile(r"^[^:]+:\d+:\d+: (error|warning): \S")


def test_check_places_refused_characters_on_one_line_each(run_main: Cli, tmp_path: Path) -> None:
    root = tmp_path / "set"
    root.mkdir()
    titled = card_text("x").replace('title: "x"', 'title: "A{} title"')
    (root / "csi.yaml").write_text(titled.format("\u009b"), encoding="utf-8")
    (root / "fffe.yaml").write_text(titled.format("\ufffe"), encoding="utf-8")
    (root / "ffff.yaml").write_text(titled.format("\uffff"), encoding="utf-8")
    # Old Mac line ends: YAML counts a CR alone as a line break, and so does the position.
    (root / "cr.yaml").write_bytes(titled.format("\x07").replace("\n", "\r").encode())
    pairs = "".join(f"k{i}: v\n" for i in range(60_000))
    (root / "many-keys.yaml").write_text(pairs, encoding="utf-8")

    result = run_main("check", root)
    assert_no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines[:-1] == [
        "cr.yaml:3:10: error: the file contains the control character U+0007, "
        "which YAML does not allow",
        "csi.yaml:3:10: error: the file contains the control character U+009B, "
        "which YAML does not allow",
        "fffe.yaml:3:10: error: the file contains the character U+FFFE, which YAML does not allow",
        "ffff.yaml:3:10: error: the file contains the character U+FFFF, which YAML does not allow",
        "many-keys.yaml:50000:9: error: the document holds more than 100,000 keys and values; "
        "a card needs far fewer",
    ]
    assert all(DIAGNOSTIC.match(line) for line in lines[:-1])
    assert lines[-1].startswith("0 cards, 5 errors, 0 warnings")


def test_nel_is_a_line_break_not_a_refused_character() -> None:
    # U+0085 (NEL) is the one C1 character YAML allows: it ends a line.
    assert read_yaml("a: b\x85c: d\n").data == {"a": "b", "c": "d"}
    with pytest.raises(YamlError) as caught:
        read_yaml("a: b\x85c: \x86\n")
    assert caught.value.position == (2, 4)


def test_an_undecodable_byte_is_placed_on_yaml_lines() -> None:
    with pytest.raises(YamlError) as caught:
        read_yaml_bytes(b"\xef\xbb\xbfa: 1\rb: \xff\n")
    assert caught.value.position == (2, 4)


def test_aliases_are_named_only_when_used() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n"
        for prev, name in zip("abcdef", "bcdefg", strict=True)
    )
    with pytest.raises(YamlError, match="once its aliases are expanded"):
        read_yaml(laughs)


def test_a_character_only_the_parser_refuses_is_still_placed_on_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Should libyaml ever refuse a character the app's own check lets through, its error
    # is still worded and placed like the check's, without the parser's second line.
    monkeypatch.setattr(yamlread, "_NOT_ALLOWED", re.compile("[\x00-\x08]"))
    with pytest.raises(YamlError) as caught:
        read_yaml("a: é\nb: \u009b\n")
    assert caught.value.position == (2, 4)
    assert caught.value.message == (
        "the file contains the control character U+009B, which YAML does not allow"
    )
