"""How many cards a side-by-side comparison takes, and what to say when it cannot open.

Apart from :mod:`reader.analysis.side_by_side` (the comparison itself, with its row and cell
types), because the window asks these at start-up, for its commands' states and hints, and
should not import the comparison before a comparison view is first made (#17 §4).
"""

from __future__ import annotations

from reader.cards.set_info import SetInfo

MIN_COMPARE = 2
#: More columns than this no longer fit side by side; the topic matrix takes any number.
MAX_COMPARE = 4
NO_TOPICS_HINT = (
    "This set defines no topics, so the cards cannot be lined up question by question. "
    "To add topics, list them under “topics:” in cardset.yaml (each with a key, a label and a "
    "question) and give each card “perspectives:” on those keys."
)


def compare_unavailable_reason(selected: int, available: int) -> str | None:
    """Why Compare cannot open on ``selected`` cards of a set of ``available``, or None."""
    if available < MIN_COMPARE:
        return "Compare needs at least two cards; this set or filter has only one."
    if selected < MIN_COMPARE:
        return f"Select {MIN_COMPARE}–{MAX_COMPARE} cards to compare them side by side."
    if selected > MAX_COMPARE:
        return (
            f"Compare shows at most {MAX_COMPARE} cards side by side ({selected} selected); "
            "the topic matrix shows any number."
        )
    return None


def no_topics_hint(info: SetInfo) -> str | None:
    """The hint to show instead of topic rows when the set defines no topics."""
    return None if info.topics else NO_TOPICS_HINT
