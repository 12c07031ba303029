"""What the index keeps and how it reads it back: the stored state's layout."""

from __future__ import annotations

import marshal

from reader.cards.catalog import CardSummary
from reader.cards.dates import PartialDate
from reader.cards.problems import Problem, Severity
from reader.index._rows import content_digest
from reader.index._state import State, _decode_state, _encode_state

SUMMARY = ("an-id", "A title", "A publisher", 2021, 9, None, "report", ("a", "b/c"), "x/y.yaml")
PROBLEM = ("x/y.yaml", 3, 4, "warning", "a message")


def test_the_stored_state_keeps_its_layout() -> None:
    """Indexes stored by earlier versions decode alike (changing the layout means bumping
    SCHEMA_VERSION, which discards them): a summary's values, then the rowids, then each
    problem's, all in this order."""
    payload = marshal.dumps(([SUMMARY], (7,), [PROBLEM]))
    state = _decode_state(content_digest(payload) + payload, 5)
    summary = CardSummary(
        "an-id", "A title", "A publisher", PartialDate(2021, 9), "report", ("a", "b/c"), "x/y.yaml"
    )
    problem = Problem("x/y.yaml", 3, 4, Severity.WARNING, "a message")
    assert state == State((summary,), (7,), (problem,), 5)
    blob = _encode_state(state)
    assert marshal.loads(blob[len(content_digest(b"")) :]) == ([SUMMARY], (7,), [PROBLEM])
