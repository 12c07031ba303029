"""A faster way to compose ordinary cards: libyaml's own composer, behind a safety pre-check.

:mod:`reader.cards.safe_yaml` composes documents from the parser's event stream in Python so it
can enforce the nesting, alias and size limits before any tree exists (libyaml's C composer
recurses once per nesting level and takes the whole process down on deeply nested input). That
costs about a third more than letting the C composer build the node tree, which matters at
10,000 cards. Most cards are plain: no anchors, aliases or tags, a few levels deep. For those,
:func:`compose_plain` proves the nesting is shallow from the text alone, lets libyaml compose,
and converts the node tree to exactly what the event composer would have produced. Anything
unusual — a possible anchor, alias or tag, a bound above the depth limit, a duplicate or
non-text key, a syntax error, several documents — returns None, and the event composer handles
the file and words its problems. Nothing is ever decided here that the slow path would decide
differently; a test compares both on every card it has.
"""

from __future__ import annotations

import operator
import re
from typing import Any

import yaml

_CParser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)

#: libyaml's composer recurses in C once per level; a few thousand levels are safe on any
#: thread's stack (it crashed at about 25,000), so this bound only has to be sound, not tight.
C_SAFE_DEPTH = 2000
_NULL_PLAIN = frozenset({"", "~", "null", "Null", "NULL"})
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}

Composed = tuple[Any, dict[tuple[str | int, ...], tuple[int, int]], dict[Any, tuple[int, int]]]


class _UnusualDocumentError(Exception):
    """The document needs the event composer (to be read right or to have its error worded)."""


def nesting_bound(text: str) -> int:
    """An upper bound on how deeply the document's collections can nest.

    Every collection is opened by a character of its own: a block mapping by the ``:`` (or
    ``?``) of its first key, a block sequence by its first ``-``, a flow collection by its
    bracket, a one-pair mapping inside a flow sequence by its ``:``. Counting them is crude
    (prose is full of hyphens) but takes microseconds; the exact limit is checked in the walk.
    """
    return 1 + sum(text.count(ch) for ch in NESTING_CHARACTERS)


#: The characters :func:`nesting_bound` counts.
NESTING_CHARACTERS = ":?-[{"


#: The characters YAML does not allow (``safe_yaml._NOT_ALLOWED``) in strict UTF-8 bytes, found
#: faster than in the text (one 2.5 KB card: 4 µs rather than 10): one-byte ones by deleting
#: every other byte (but the ones the nesting bound counts, counted in the same pass), C1
#: controls and the two noncharacters by their lead bytes. A strict decode lets no surrogate
#: through, and no ASCII byte is part of another character in UTF-8.
_NESTING_BYTES = NESTING_CHARACTERS.encode()
_OTHER_BYTES = bytes(
    sorted(
        set(range(256)) - {*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F} - set(_NESTING_BYTES)
    )
)
_C1_BYTES = re.compile(b"\xc2[\x80-\x84\x86-\x9f]")
_NONCHARACTER_BYTES = re.compile(b"\xef\xbf[\xbe\xbf]")


def scan_bytes(data: bytes) -> tuple[bool, int]:
    """Whether UTF-8 ``data`` holds none of the characters YAML does not allow, and its
    :func:`nesting_bound`, in one pass over it."""
    kept = data.translate(None, _OTHER_BYTES)
    bad = kept.translate(None, _NESTING_BYTES)
    allowed = (
        not bad and _C1_BYTES.search(data) is None and _NONCHARACTER_BYTES.search(data) is None
    )
    return allowed, 1 + len(kept) - len(bad)


def compose_plain(
    text: str, max_depth: int, max_nodes: int, bound: int | None = None
) -> Composed | None:
    """(data, value positions, key positions) as the event composer gives them, or None.

    ``bound``: the text's :func:`nesting_bound`, when the caller has counted it already.
    """
    if bound is None:
        bound = nesting_bound(text)
    if _CParser is None or bound > C_SAFE_DEPTH:
        return None
    # An anchor, alias or tag needs the event composer's checks. These characters also occur
    # in prose ("AT&T", "*not*"), which only costs such a card the slower path.
    if "&" in text or "*" in text or "!" in text:
        return None
    parser = _PlainParser(text)
    try:
        root = parser.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()
    if root is None:
        return None
    walk = _Walk(max_depth)
    try:
        data = walk.document(root)
    except _UnusualDocumentError:
        return None
    if walk.nodes > max_nodes:
        return None
    return data, walk.values, walk.keys


class _PlainParser(_CParser or object):  # type: ignore[misc]
    """libyaml's parser and composer, with every node resolved as plain text, list or mapping.

    PyYAML's resolvers are called back from C for every node, and only ever answer the
    default tag here (files with tags never get this far); answering directly saves a
    quarter of the composing time. The composer also calls two resolver hooks around every
    node, for nothing here: they are C functions that take those arguments and do nothing
    that matters (a Python method would be a frame per call, a sixteenth of the composing).
    """

    def resolve(self, kind: type, _value: Any, _implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    #: Called as ``descend_resolver(parent, index)``: any two objects, result unused.
    descend_resolver = staticmethod(operator.is_)
    #: Called as ``ascend_resolver()``: result unused.
    ascend_resolver = staticmethod(tuple)


class _Walk:
    """The node tree as plain data, with every value's and key's (line, column).

    A scalar is read in its parent's loop (the same two lines in each), not by a call of
    its own: most nodes are scalars, and a Python call for each was most of the walk's time.
    Nodes and keys are counted (:attr:`nodes`) for the caller's budget: the tree exists
    already, so checking the total once at the end decides what checking it at every node
    would.
    """

    def __init__(self, max_depth: int) -> None:
        self.values: dict[tuple[str | int, ...], tuple[int, int]] = {}
        self.keys: dict[Any, tuple[int, int]] = {}
        self.nodes = 1
        self.max_depth = max_depth

    def document(self, root: Any) -> Any:
        mark = root.start_mark
        self.values[()] = (mark.line + 1, mark.column + 1)
        if root.tag == _STR:
            text: str = root.value
            return None if not root.style and text in _NULL_PLAIN else text
        return self.collection(root, (), 0)

    def collection(self, node: Any, path: tuple[str | int, ...], depth: int) -> Any:
        """The list or mapping at ``path`` (its own position is recorded by the caller)."""
        if depth >= self.max_depth:
            raise _UnusualDocumentError
        values = self.values
        tag = node.tag
        if tag == _SEQ:
            items = node.value
            self.nodes += len(items)
            out_list: list[Any] = []
            for i, item in enumerate(items):
                sub: tuple[str | int, ...] = (*path, i)
                mark = item.start_mark
                values[sub] = (mark.line + 1, mark.column + 1)
                if item.tag == _STR:
                    text: str = item.value
                    out_list.append(None if not item.style and text in _NULL_PLAIN else text)
                else:
                    out_list.append(self.collection(item, sub, depth + 1))
            return out_list
        if tag != _MAP:
            raise _UnusualDocumentError
        pairs = node.value
        self.nodes += 2 * len(pairs)
        keys = self.keys
        out: dict[str, Any] = {}
        for key_node, value_node in pairs:
            if key_node.tag != _STR:
                raise _UnusualDocumentError
            key: str = key_node.value
            if (not key_node.style and key in _NULL_PLAIN) or key in out:
                raise _UnusualDocumentError
            sub = (*path, key)
            mark = key_node.start_mark
            keys[sub] = (mark.line + 1, mark.column + 1)
            mark = value_node.start_mark
            values[sub] = (mark.line + 1, mark.column + 1)
            if value_node.tag == _STR:
                text = value_node.value
                out[key] = None if not value_node.style and text in _NULL_PLAIN else text
            else:
                out[key] = self.collection(value_node, sub, depth + 1)
        return out
