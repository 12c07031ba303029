"""Where things are written in a card or set file: 1-based (line, column) positions, and the
paths of keys and indexes that name each part of a document.

The card model, the schema check's wording and the editor all place their messages with these,
and most of them never parse YAML: the window lists a warm set from the index without the
parser (#17 §4), so this module imports none of it (:mod:`reader.cards.safe_yaml` makes the
positions; lines are counted as YAML counts them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

Position = tuple[int, int]
PathKey = tuple[str | int, ...]

#: What YAML counts as a line break (PyYAML follows YAML 1.1, so NEL, LS and PS count too).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def nearest_position(positions: Mapping[PathKey, Position], path: PathKey) -> Position:
    """The position of ``path``, or of the nearest enclosing node that has one."""
    while path and path not in positions:
        path = path[:-1]
    return positions.get(path, (1, 1))


def position_at(text: str, index: int) -> Position:
    """The 1-based (line, column) of ``text[index]``, with lines counted as YAML counts them
    (CR, LF, CRLF, NEL, LS, PS), so that it agrees with the parser's own positions."""
    line, line_start = 1, 0
    for found in LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, found.end()
    return (line, index - line_start + 1)
