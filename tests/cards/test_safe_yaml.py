"""The bounded YAML reader: text-only scalars, positions, and limits enforced before any tree."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from reader.cards import safe_yaml as yamlread
from reader.cards.plain_yaml import nesting_bound, scan_bytes
from reader.cards.safe_yaml import (
    MAX_BYTES,
    Position,
    YamlError,
    decode,
    read_yaml,
    read_yaml_bytes,
)


def test_scalars_arrive_as_the_text_written() -> None:
    doc = read_yaml("a: no\nb: on\nc: 2023\nd: 2023-02-09\ne: 1e3\nf: 'yes'\n")
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "2023",
        "d": "2023-02-09",
        "e": "1e3",
        "f": "yes",
    }


def test_plain_nulls_are_none_but_quoted_ones_are_text() -> None:
    doc = read_yaml("a:\nb: ~\nc: null\nd: 'null'\n")
    assert doc.data == {"a": None, "b": None, "c": None, "d": "null"}


def test_positions_point_at_keys_and_values() -> None:
    doc = read_yaml("top:\n  list:\n    - first\n    - key: value\n")
    assert doc.key_position(("top", "list")) == (2, 3)
    assert doc.value_position(("top", "list", 0)) == (3, 7)
    assert doc.value_position(("top", "list", 1, "key")) == (4, 12)
    # A path that does not exist falls back to its nearest existing parent.
    assert doc.value_position(("top", "list", 1, "missing")) == (4, 7)


def test_python_tags_are_refused_not_executed() -> None:
    with pytest.raises(YamlError, match=r"'!!python/object/apply:os.system' is not allowed") as exc:
        read_yaml("a: !!python/object/apply:os.system ['echo pwned']\n")
    assert exc.value.position == (1, 4)


class _StrictLibyaml(yaml.BaseLoader):
    """Stands for a libyaml that refuses input itself, in its own words, before any event.

    PyYAML 6.0.4's libyaml stops nesting at 1,000 levels while it reads ahead, so the
    composer never sees the level its own limit is about; a later release may refuse other
    things the same way. This parser refuses at the end of the text, as far ahead as any
    read-ahead can go.
    """

    def check_event(self, *choices: Any) -> bool:
        end = yaml.Mark("<unicode string>", len(self.buffer) - 1, 1, 1, None, None)
        raise yaml.scanner.ScannerError("while reading ahead", end, "refused by the library", end)


#: The installed libyaml, a parser that limits nothing (libyaml before 6.0.4, or no libyaml),
#: and one that refuses everything itself before the composer sees it.
_PARSERS = {
    "installed": yamlread._Parser,
    "unlimited": yaml.BaseLoader,
    "strict": _StrictLibyaml,
}

_LIMIT_CASES = {
    "flow nesting": ("[" * 25_000, "nests deeper than 50 levels", (1, 51)),
    "block nesting": ("- " * 2_000 + "x\n", "nests deeper than 50 levels", (1, 101)),
    "nesting after content": (
        "a: b\nc: " + "[" * 1_200,
        "nests deeper than 50 levels",
        (2, 53),
    ),
    "aliases": (
        "a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n",
        "more than 100 aliases",
        (2, 405),
    ),
    "expansion": (
        "\n".join(
            ["a: &a [" + ", ".join(['"lol"'] * 10) + "]"]
            + [
                f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]"
                for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
            ]
        ),
        "expands to more than",
        None,
    ),
}


@pytest.mark.parametrize("parser", _PARSERS.values(), ids=_PARSERS.keys())
@pytest.mark.parametrize("case", _LIMIT_CASES.values(), ids=_LIMIT_CASES.keys())
def test_the_projects_own_limits_win_whatever_libyaml_refuses(
    monkeypatch: pytest.MonkeyPatch, parser: Any, case: tuple[str, str, Position | None]
) -> None:
    # PyYAML's C composer overflows the C stack (a segfault) on deep input: the limits are
    # enforced on the event stream, and their wording and place do not depend on libyaml.
    text, message, position = case
    monkeypatch.setattr(yamlread, "_Parser", parser)
    with pytest.raises(YamlError, match=message) as exc:
        read_yaml(text)
    if position is not None:
        assert exc.value.position == position
    assert "\n" not in exc.value.message


@pytest.mark.parametrize("parser", _PARSERS.values(), ids=_PARSERS.keys())
def test_a_syntax_error_is_still_the_parsers_when_no_limit_is_broken(
    monkeypatch: pytest.MonkeyPatch, parser: Any
) -> None:
    monkeypatch.setattr(yamlread, "_Parser", parser)
    with pytest.raises(YamlError, match="YAML syntax error") as exc:
        read_yaml("a: [b\nc: d: e")
    assert exc.value.position[0] == 2


def test_alias_count_is_limited() -> None:
    text = "a: &x 1\nb: [" + ", ".join(["*x"] * 101) + "]\n"
    with pytest.raises(YamlError, match="more than 100 aliases"):
        read_yaml(text)


def test_alias_expansion_is_limited() -> None:
    lines = ["a: &a [" + ", ".join(['"lol"'] * 10) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(YamlError, match="expands to more than"):
        read_yaml("\n".join(lines))


def test_aliases_within_limits_resolve() -> None:
    assert read_yaml("a: &x [1, 2]\nb: *x\n").data == {"a": ["1", "2"], "b": ["1", "2"]}


def test_unknown_alias_is_an_error() -> None:
    with pytest.raises(YamlError, match=r"'\*nowhere' refers to no anchor"):
        read_yaml("a: *nowhere\n")


def test_duplicate_keys_are_an_error_at_the_second_key() -> None:
    with pytest.raises(YamlError, match="'a' appears twice") as exc:
        read_yaml("a: 1\nb: 2\na: 3\n")
    assert exc.value.position == (3, 1)


def test_non_scalar_keys_are_refused() -> None:
    with pytest.raises(YamlError, match="key must be plain text"):
        read_yaml("? [a, b]\n: c\n")


def test_several_documents_are_refused() -> None:
    with pytest.raises(YamlError, match="more than one YAML document") as exc:
        read_yaml("a: 1\n---\nb: 2\n")
    assert exc.value.position[0] == 2


def test_bom_and_crlf_are_fine() -> None:
    assert read_yaml_bytes(b"\xef\xbb\xbfa: 1\r\nb: x\r\n").data == {"a": "1", "b": "x"}


def test_non_utf8_says_where() -> None:
    with pytest.raises(YamlError, match="byte 0xE9 at line 2, column 4") as exc:
        decode(b"a: 1\nb: \xe9\n")
    assert exc.value.position == (2, 4)


def test_control_characters_are_located() -> None:
    with pytest.raises(YamlError, match="U\\+0007") as exc:
        read_yaml("a: 1\nb: x\x07y\n")
    assert exc.value.position == (2, 5)


#: Every character around the edges of what YAML does not allow, in each UTF-8 length.
EDGES = [*range(0x00, 0x3000), *range(0xD700, 0xD800), *range(0xE000, 0x10400), 0x10FFFF]


def test_the_byte_scan_finds_what_the_text_checks_find() -> None:
    for code in EDGES:
        text = f"a: x{chr(code)}y\n"
        allowed, bound = scan_bytes(text.encode())
        assert allowed == (yamlread._NOT_ALLOWED.search(text) is None), code
        assert bound == nesting_bound(text), code
    text = "a: [b, {c: d}]\n\u00e9t\u00e9: ? - x\n- \u2014: [[{}]]\n"
    assert scan_bytes(text.encode()) == (True, nesting_bound(text)) == (True, 13)


def test_a_character_yaml_does_not_allow_is_located_in_a_file_as_in_a_text() -> None:
    for code in (0x07, 0x7F, 0x80, 0x9F, 0xFFFE, 0xFFFF):
        text = f"a: 1\nb: \u00e9x{chr(code)}y\n"
        with pytest.raises(YamlError) as from_text:
            read_yaml(text)
        with pytest.raises(YamlError) as from_bytes:
            read_yaml_bytes(text.encode())
        assert from_bytes.value.message == from_text.value.message
        assert from_bytes.value.position == from_text.value.position == (2, 6)


def test_oversized_input_is_refused_before_parsing() -> None:
    with pytest.raises(YamlError, match="at most 1 MiB"):
        read_yaml_bytes(b"a: " + b"x" * MAX_BYTES)


def test_syntax_errors_carry_the_parser_position() -> None:
    with pytest.raises(YamlError, match="YAML syntax error") as exc:
        read_yaml("a: [1, 2\nb: 3\n")
    assert exc.value.position[0] >= 2


def test_an_error_at_the_end_points_into_the_file_and_cr_counts_as_a_line_break() -> None:
    # Found by the fuzzer: libyaml put this error one line past the last (a lone CR is a
    # line break in YAML and in editors, so the text has four lines).
    with pytest.raises(YamlError, match="could not find expected ':'") as exc:
        read_yaml("\rformat: x\nid: y\ns")
    assert exc.value.position == (4, 2)
