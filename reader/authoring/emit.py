"""Write new YAML values the way the shipped cards are written.

Everything :mod:`reader.authoring.patch` puts into a file that was not there before comes from
here, so a new field reads like a hand-written one: two-space indentation, ``- `` list items,
prose in double quotes on one line (``\\n`` for paragraph breaks, as ``cardset.yaml`` does),
and slugs (ids, tags, topic keys, stances, kinds) plain. Every scalar is checked by reading it
back with the project's own reader, so what is written is always read as the value meant.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reader.cards.safe_yaml import YamlError, read_yaml

INDENT = 2
#: Words YAML 1.1 tools read as booleans or null: written quoted, whatever the reader makes
#: of them, so that other tools reading the card see text too.
_SPECIAL_WORDS = frozenset(
    spelling
    for word in ("y", "n", "yes", "no", "on", "off", "true", "false", "null")
    for spelling in (word, word.title(), word.upper())
) | {"~"}
#: Slugs are written plain (``kind: analysis``, ``- actor/wagner``); anything else is quoted.
_SLUG = re.compile(r"[a-z][a-z0-9_./-]*")
#: The fields (and, for ``tags``, the list items) whose slugs the shipped cards write plain.
PLAIN_FIELDS = frozenset({"format", "id", "kind", "topic", "stance", "key", "tags"})
#: Characters a double-quoted scalar must escape: the ones YAML does not allow raw, and the
#: line breaks it would fold (NEL, LS, PS).
_ESCAPED = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
_SHORT_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def normalize(value: Any) -> Any:
    """``value`` as the project's reader would give it back: text scalars, lists, dicts.

    The reader keeps every scalar as the text written (``2023`` stays ``"2023"``), so numbers,
    booleans and dates a caller passes are turned into the text they are written as.
    """
    if isinstance(value, dict):
        return {str(key): normalize(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normalize(item) for item in value]
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def double_quoted(text: str) -> str:
    """``text`` as a one-line double-quoted scalar."""

    def escape(found: re.Match[str]) -> str:
        char = found.group()
        return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04X}"

    return '"' + _ESCAPED.sub(escape, text) + '"'


def single_quoted(text: str) -> str | None:
    """``text`` as a single-quoted scalar, or None when that style cannot hold it."""
    if _ESCAPED.search(text.replace("\\", "").replace('"', "")) or text != text.strip():
        return None
    return "'" + text.replace("'", "''") + "'"


def plain(text: str, *, in_flow: bool = False) -> str | None:
    """``text`` as a plain scalar, or None when it would not read back as the same text."""
    if not text or text != text.strip() or "\n" in text or text in _SPECIAL_WORDS:
        return None
    if _ESCAPED.search(text):
        return None
    probe = f"[{text}]" if in_flow else text
    try:
        found = read_yaml(f"k: {probe}\n").data
    except YamlError:
        return None
    return text if found == {"k": [text] if in_flow else text} else None


def scalar(value: str | None, field: str | None = None, *, in_flow: bool = False) -> str:
    """A new scalar in house style: the slug of a slug field (``PLAIN_FIELDS``: ids, tags,
    topics, stances, kinds) plain, everything else double-quoted."""
    if value is None:
        return "null"
    if field in PLAIN_FIELDS and _SLUG.fullmatch(value):
        written = plain(value, in_flow=in_flow)
        if written is not None:
            return written
    return double_quoted(value)


def key(name: str) -> str:
    """A mapping key: plain when it can be (``actor/wagner``), else double-quoted."""
    return plain(name, in_flow=True) or double_quoted(name)


def is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def after_key(value: Any, column: int, field: str | None = None) -> str:
    """What follows ``field:`` for ``value``, the key written at ``column`` (no line break at
    the end): `` "text"``, or a line break and an indented block."""
    if value is None:
        return ""
    if is_scalar(value):
        return " " + scalar(value, field)
    if not value:
        return " []" if isinstance(value, list) else " {}"
    return "\n" + "\n".join(block(value, column + INDENT, field))


def after_dash(value: Any, column: int, field: str | None = None) -> str:
    """What follows ``-`` for an item of the list ``field`` whose dash is at ``column``."""
    if is_scalar(value) or not value:
        return after_key(value, column, field) if value is not None else " null"
    lines = block(value, column + INDENT)
    return " " + "\n".join([lines[0].lstrip(" "), *lines[1:]])


def block(value: dict[str, Any] | list[Any], column: int, field: str | None = None) -> list[str]:
    """The lines of a non-empty block mapping, or of the list ``field``, whose entries start
    at ``column``."""
    pad = " " * column
    lines: list[str] = []
    if isinstance(value, dict):
        for name, item in value.items():
            head = pad + key(name) + ":"
            lines.extend((head + after_key(item, column, name)).split("\n"))
        return lines
    for item in value:
        lines.extend((pad + "-" + after_dash(item, column, field)).split("\n"))
    return lines


def document(data: Any, newline: str = "\n") -> str:
    """A whole file for ``data`` in house style (a new card, or a file that cannot be patched)."""
    data = normalize(data)
    if isinstance(data, dict | list) and data:
        return newline.join(block(data, 0)) + newline
    return (scalar(data) if is_scalar(data) else ("[]" if data == [] else "{}")) + newline
