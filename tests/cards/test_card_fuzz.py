"""Random mutations of a valid card give problems, never an exception."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cards.card_file import parse_card
from reader.cards.safe_yaml import YamlError, read_yaml_bytes
from reader.cards.schema import _validator, is_valid
from tests.conftest import DATA

VALID = (DATA / "good" / "full.yaml").read_bytes()
TOPICS = frozenset({"russia-partnership", "western-response"})
SIGNIFICANT = [
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"- ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"'",
    b'"',
    b"\t",
    b"\x00",
    b"\xff",
    b"\xe9",
    b"---\n",
    b"\n",
    b"  ",
    b"#",
    b"|",
    b">",
    b"? ",
    b"%YAML 1.1\n",
    b"!",
    b"~",
    b"\r",
    b"\xef\xbb\xbf",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "dup_line"]))
        at = draw(st.integers(0, len(data)))
        if kind == "insert":
            chunk = draw(st.one_of(st.sampled_from(SIGNIFICANT), st.binary(min_size=1, max_size=8)))
            data[at:at] = chunk
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutations_yield_problems_not_exceptions(data: bytes) -> None:
    card, problems = parse_card("card.yaml", data, TOPICS)
    if card is None:
        assert any(p.is_error for p in problems)
    # Lines as YAML and editors count them: CR, LF, CRLF (and YAML 1.1's NEL, LS, PS).
    line_count = len(re.split("\r\n|[\r\n\x85\u2028\u2029]", data.decode(errors="replace")))
    for problem in problems:
        assert problem.path == "card.yaml"
        assert 1 <= problem.line <= line_count
        assert problem.column >= 1
        assert problem.message


def test_the_unmutated_card_is_valid() -> None:
    card, problems = parse_card("card.yaml", VALID, TOPICS)
    assert card is not None
    assert problems == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fast_and_full_schema_validators_agree(data: bytes) -> None:
    """Valid cards take the compiled fast path; it must accept exactly what jsonschema does."""
    try:
        doc = read_yaml_bytes(data)
    except YamlError:
        return
    full = _validator("briefing-card")
    assert is_valid(doc.data, "briefing-card") == full.is_valid(doc.data)
