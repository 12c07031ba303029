"""terminal_safe's shortcut for plain ASCII gives what its patterns give (cli/terminal.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli.terminal import _escape, _patterns, terminal_safe


def by_the_patterns(text: str) -> str:
    unsafe, surrogate = _patterns()
    return surrogate.sub("\ufffd", unsafe.sub(lambda m: _escape(m.group()), text))


@settings(max_examples=50)
@given(st.text(st.characters(max_codepoint=0x7F)) | st.text())
def test_plain_ascii_and_any_text_come_out_as_the_patterns_make_them(text: str) -> None:
    assert terminal_safe(text) == by_the_patterns(text)


def test_the_controls_of_ascii_are_still_escaped() -> None:
    assert terminal_safe("a\tb\nc\x1b[2J\r\x7f") == "a\tb\nc\\u001b[2J\\u000d\\u007f"
