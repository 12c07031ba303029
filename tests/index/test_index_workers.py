"""The messages between the index and its worker processes: framed, read whole, and a reply
that is cut short or is not a message at all is an error, never a wait or a wrong result."""

from __future__ import annotations

import io

import pytest

from reader.index._workers import MARK, read_message, write_message


def framed(message: object) -> bytes:
    stream = io.BytesIO()
    write_message(stream, message)
    return stream.getvalue()


def test_messages_arrive_whole_and_in_order() -> None:
    rows = [("a.yaml", 12, None, b"\x00\x01", "t\u00e9xt " * 1000), ("b.yaml", 3, 4.5, None, "")]
    stream = io.BytesIO(framed(rows) + framed(([], frozenset({"x"}))))
    assert read_message(stream) == rows
    assert read_message(stream) == ([], frozenset({"x"}))
    with pytest.raises(EOFError):
        read_message(stream)


@pytest.mark.parametrize("cut", [1, 3, 5, 40])
def test_a_message_cut_short_is_the_end_not_a_result(cut: int) -> None:
    data = framed([("a.yaml", 12, "text " * 20)])
    with pytest.raises(EOFError):
        read_message(io.BytesIO(data[:cut]))


def test_what_is_not_a_message_is_refused_at_its_first_byte() -> None:
    assert not b"?".startswith(MARK)
    with pytest.raises(ValueError, match="not a message"):
        read_message(io.BytesIO(b"?"))
