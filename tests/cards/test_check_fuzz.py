"""``briefing-reader check`` on mutated real cards: diagnostics only, each inside its file.

Beside :mod:`tests.cards.test_card_fuzz` (random bytes in one card, parsed in process), this
drives the whole command over every valid card the project has, with mutations at two levels:
bytes (the other test's significant chunks, random bytes, cuts, duplicated lines) and structure
(a key dropped, a list item duplicated, a value retyped, a number with thousands of digits, deep
nesting, odd Unicode), the card written back as YAML. Whatever the card holds, ``check`` exits
0 or 1, never raises, and every problem points at a line of its file (counted as YAML counts
lines) and a column at most one past that line's end.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.cards.safe_yaml import read_yaml_bytes
from reader.cli import main
from tests.cards.test_card_fuzz import SIGNIFICANT
from tests.conftest import DATA, SHIPPED_CARDS

#: Each valid card with the set it belongs to (its topics, and its source text if present).
GOOD = DATA / "good"
BASES = [
    (path.read_bytes(), set_dir)
    for path, set_dir in [
        (GOOD / "full.yaml", GOOD),
        (GOOD / "nested" / "norway.yml", GOOD),
        *((card, SHIPPED_CARDS) for card in sorted(SHIPPED_CARDS.glob("*.yaml"))),
    ]
    if path.name != "cardset.yaml"
]
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
HUGE_NUMBER = "9" * 5000
ODD_TEXT = [
    "\u202eevil\u202c",  # right-to-left override
    "e\u0301\u0301\u0301",  # stacked combining marks
    "\U0001f600\u200d\U0001f525",  # emoji joined
    "a\x85b\u2028c\u2029d",  # YAML 1.1 line breaks inside a value
    "\u009b2J",  # a C1 control
    "\ufeffbom",
    "\ufffe\uffff",
    "\x1b[31m",
    "\u0000",
    "x" * 20_000,
]
#: Values that once crashed ``check`` where the field reads them as a number or a path.
HOSTILE_VALUES = {
    "lines": [f"1-{HUGE_NUMBER}", f"{HUGE_NUMBER}-1", "0-0"],
    "where": [f"¶{HUGE_NUMBER}", f"§III ¶1–{HUGE_NUMBER}"],
    "published": [HUGE_NUMBER, "2023-99-99"],
    "date": [HUGE_NUMBER],
    "file": ["a\x00b.txt", "../../../../etc/passwd", "/dev/zero", "x" * 300, "."],
}
REPLACEMENTS = st.one_of(
    st.sampled_from(
        [None, "", [], {}, ["x"], {"k": "v"}, HUGE_NUMBER, f"1-{HUGE_NUMBER}", f"¶{HUGE_NUMBER}"]
    ),
    st.sampled_from(ODD_TEXT),
    st.integers(0, 80).map(lambda depth: _nest(depth)),
)


def _nest(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``value``, outermost first."""
    found: list[tuple[Any, Any]] = []
    pending = [value]
    while pending:
        container = pending.pop()
        keys = list(container) if isinstance(container, dict) else range(len(container))
        for key in keys:
            found.append((container, key))
            if isinstance(container[key], dict | list):
                pending.append(container[key])
    return found


@st.composite
def structure_mutated(draw: st.DrawFn) -> tuple[bytes, Path]:
    raw, set_dir = draw(st.sampled_from(BASES))
    data = read_yaml_bytes(raw).data
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(data)
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        action = draw(st.sampled_from(["drop", "duplicate", "retype", "rename", "odd", "hostile"]))
        if action == "hostile":
            fields = [(c, k) for c, k in slots if k in HOSTILE_VALUES] or [(container, key)]
            container, key = draw(st.sampled_from(fields))
            container[key] = draw(st.sampled_from(HOSTILE_VALUES.get(key, [HUGE_NUMBER])))
        elif action == "drop":
            del container[key]
        elif action == "duplicate" and isinstance(container, list):
            container.insert(key, container[key])
        elif action == "rename" and isinstance(container, dict):
            container[draw(st.sampled_from(["id", "tags", "x", "where", "lines", ""]))] = (
                container.pop(key)
            )
        elif action == "odd" and isinstance(container[key], str):
            text = container[key]
            at = draw(st.integers(0, len(text)))
            container[key] = text[:at] + draw(st.sampled_from(ODD_TEXT)) + text[at:]
        else:
            container[key] = draw(REPLACEMENTS)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return dumped.encode("utf-8", "surrogatepass"), set_dir


@st.composite
def byte_mutated(draw: st.DrawFn) -> tuple[bytes, Path]:
    raw, set_dir = draw(st.sampled_from(BASES))
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "dup_line"]))
        if action == "insert":
            data[at:at] = draw(st.one_of(st.sampled_from(SIGNIFICANT), st.binary(max_size=8)))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            data = bytearray(b"\n".join([*lines[: i + 1], *lines[i:]]))
    return bytes(data), set_dir


def _check(card: bytes, set_dir: Path) -> None:
    """Run ``check --format json`` on a set of ``card`` and its set's files; assert the rules."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("cardset.yaml", "source.txt"):
            if (set_dir / name).is_file():
                shutil.copy(set_dir / name, root / name)
        (root / "card.yaml").write_bytes(card)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = main(["check", str(root), "--format", "json"])
        problems = json.loads(out.getvalue())
        assert status in (0, 1)
        assert (status == 1) == any(p["severity"] == "error" for p in problems)
        for problem in problems:
            text = (root / problem["path"]).read_bytes().decode("utf-8", "replace")
            lines = _LINE_BREAK.split(text.removeprefix("\ufeff"))
            assert 1 <= problem["line"] <= len(lines), problem
            assert 1 <= problem["column"] <= len(lines[problem["line"] - 1]) + 1, problem
            assert problem["message"], problem


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _full_card_with(old: bytes, new: bytes) -> tuple[bytes, Path]:
    """The good set's full card with one value replaced: the review's crashers, always run."""
    raw, set_dir = BASES[0]
    assert old in raw
    return raw.replace(old, new), set_dir


@FUZZ
@given(structure_mutated())
def test_structure_mutations_give_diagnostics_inside_the_file(case: tuple[bytes, Path]) -> None:
    _check(*case)


@FUZZ
@example(_full_card_with(b'lines: "1-3"', f'lines: "1-{HUGE_NUMBER}"'.encode()))
@example(_full_card_with(b'where: "\xc2\xb61"', f'where: "¶{HUGE_NUMBER}"'.encode()))
@example(_full_card_with(b'file: "source.txt"', b'file: "a\\0b.txt"'))
@given(byte_mutated())
def test_byte_mutations_give_diagnostics_inside_the_file(case: tuple[bytes, Path]) -> None:
    _check(*case)


def test_the_unmutated_cards_pass() -> None:
    for raw, set_dir in BASES:
        _check(raw, set_dir)
