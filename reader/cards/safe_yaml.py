"""Safe, bounded YAML reading that keeps the position of every key and value.

Cards are written by other people, so the reader:

* never constructs Python objects from tags (it composes plain dicts, lists and strings from
  the parser's event stream itself, so ``!!python/object`` can only ever be an error);
* reads every scalar as the text written, so ``no``, ``on``, ``2023`` and ``2023-02-09`` stay
  text (the "Norway problem") and the format's own rules check them afterwards;
* enforces the size, alias and nesting limits on the event stream, before any tree exists
  (PyYAML's C composer overflows the C stack on deeply nested input and takes the process
  down; aliases are cheap to parse but multiply when expanded);
* records a 1-based (line, column) for each key and value, so diagnostics point at the node
  that is wrong rather than at line 1.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from reader.cards.file_reading import MAX_BYTES, YamlError, decode
from reader.cards.plain_yaml import compose_plain, scan_bytes
from reader.cards.positions import LINE_BREAK, PathKey, Position, nearest_position, position_at

# What callers of read_yaml handle and address documents by, defined where no parser is
# imported (reader.cards.file_reading, reader.cards.positions) and offered here with it.
__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EXPANDED_NODES",
    "Document",
    "PathKey",
    "Position",
    "YamlError",
    "decode",
    "read_yaml",
    "read_yaml_bytes",
]

# Only the loaders' event methods are used (check_event/get_event): nothing is ever
# constructed by PyYAML. libyaml's parser is several times faster than the pure-Python one.
_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_ALIASES = 100
MAX_DEPTH = 50
#: Scalars and containers a document may hold once aliases are expanded (a "billion laughs"
#: file stays under the alias count but explodes when expanded).
MAX_EXPANDED_NODES = 100_000

_NULL_PLAIN = frozenset({"", "~", "null", "Null", "NULL"})
#: Tags a card may spell out explicitly; their values are still read as text.
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "binary")
)


@dataclass(slots=True)
class Document:
    """A composed document: plain data plus where each part of it was written."""

    data: Any
    value_positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)

    def value_position(self, path: PathKey) -> Position:
        """Where the value at ``path`` starts, or the nearest enclosing node that exists."""
        return nearest_position(self.value_positions, path)

    def key_position(self, path: PathKey) -> Position:
        """Where the key naming ``path`` is written (its value's position when it has no key)."""
        if path in self.key_positions:
            return self.key_positions[path]
        return self.value_position(path)


def _mark(mark: Any) -> Position:
    if mark is None:
        return (1, 1)
    return (int(mark.line) + 1, int(mark.column) + 1)


def _within(position: Position, text: str) -> Position:
    """libyaml may place an error at end of input one line past the last: show the last line."""
    lines = LINE_BREAK.split(text)
    if position[0] <= len(lines):
        return position
    return (len(lines), len(lines[-1]) + 1)


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    detail = f"{context}, {problem}" if context else problem
    if isinstance(exc, yaml.reader.ReaderError):
        # Its text ends in "in <unicode string>, position N" on a line of its own, and N
        # counts bytes for libyaml: locate the character instead, and word it as read_yaml does.
        character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        index = text.find(character)
        return _not_allowed(character, position_at(text, index) if index >= 0 else (1, 1))
    return YamlError(_within(_mark(mark), text), f"YAML syntax error: {detail}")


@dataclass(slots=True)
class _Frame:
    """An open mapping or sequence while its events stream in."""

    container: dict[str, Any] | list[Any]
    path: PathKey
    anchor: str | None
    weight: int = 1
    pending_key: str | None = None


class _Composer:
    """Builds plain data from parser events, iteratively, enforcing the limits as it goes."""

    def __init__(self) -> None:
        self.doc = Document(None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.documents = 0
        self.done = False

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError(
                    _mark(event.start_mark),
                    "the file holds more than one YAML document ('---'); "
                    "put each card in a file of its own",
                )
        elif isinstance(event, yaml.ScalarEvent):
            self._check_tag(event.tag, event.start_mark)
            value = None if event.implicit[0] and event.value in _NULL_PLAIN else event.value
            self._add(value, _mark(event.start_mark), event.anchor, 1, is_scalar=True)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._close()

    def _check_tag(self, tag: str | None, mark: Any) -> None:
        if tag is None or tag == "!" or tag in _CORE_TAGS:
            return
        shown = tag.replace("tag:yaml.org,2002:", "!!", 1)
        raise YamlError(
            _mark(mark),
            f"the YAML tag '{shown}' is not allowed in a card; write plain values without tags",
        )

    def _count(self, weight: int, position: Position) -> None:
        self.expanded += weight
        if self.expanded <= MAX_EXPANDED_NODES:
            return
        if self.aliases:
            raise YamlError(
                position,
                f"the document expands to more than {MAX_EXPANDED_NODES:,} values once its "
                "aliases are expanded; cards do not need aliases",
            )
        raise YamlError(
            position,
            f"the document holds more than {MAX_EXPANDED_NODES:,} keys and values; "
            "a card needs far fewer",
        )

    def _open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        self._check_tag(event.tag, event.start_mark)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(
                _mark(event.start_mark),
                f"the document nests deeper than {MAX_DEPTH} levels; a card needs only a few",
            )
        path = self._child_path(event.start_mark, is_scalar=False)
        self.doc.value_positions[path] = _mark(event.start_mark)
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        self.stack.append(_Frame(container, path, event.anchor))
        self._count(1, _mark(event.start_mark))

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.weight)
        self._attach(frame.container, frame.path, frame.weight)

    def _alias(self, event: yaml.AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise YamlError(
                _mark(event.start_mark),
                f"the document uses more than {MAX_ALIASES} aliases ('*name'); "
                "cards do not need them",
            )
        anchor = event.anchor
        if anchor not in self.anchors:
            raise YamlError(
                _mark(event.start_mark), f"the alias '*{anchor}' refers to no anchor '&{anchor}'"
            )
        value, weight = self.anchors[anchor]
        self._count(weight, _mark(event.start_mark))
        self._add(value, _mark(event.start_mark), None, weight, is_scalar=True, counted=True)

    def _child_path(self, mark: Any, *, is_scalar: bool) -> PathKey:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.pending_key is None:
            if not is_scalar:
                raise YamlError(
                    _mark(mark),
                    "a mapping key must be plain text, not a list or mapping",
                )
            return top.path  # the key itself; _add turns it into pending_key
        return (*top.path, top.pending_key)

    def _add(
        self,
        value: Any,
        position: Position,
        anchor: str | None,
        weight: int,
        *,
        is_scalar: bool,
        counted: bool = False,
    ) -> None:
        if not counted:
            self._count(1, position)
        if anchor is not None:
            self.anchors[anchor] = (value, weight)
        if self.stack:
            top = self.stack[-1]
            if isinstance(top.container, dict) and top.pending_key is None:
                self._take_key(top, value, position)
                return
        path = self._child_path(None, is_scalar=is_scalar)
        self.doc.value_positions[path] = position
        self._attach(value, path, weight)

    def _take_key(self, frame: _Frame, key: Any, position: Position) -> None:
        if not isinstance(key, str):
            raise YamlError(position, "a mapping key must be plain text")
        assert isinstance(frame.container, dict)
        if key in frame.container:
            raise YamlError(
                position,
                f"the key '{key}' appears twice in the same mapping; keep only one",
            )
        frame.pending_key = key
        self.doc.key_positions[(*frame.path, key)] = position

    def _attach(self, value: Any, path: PathKey, weight: int) -> None:
        if not self.stack:
            self.doc.data = value
            self.done = True
            return
        top = self.stack[-1]
        top.weight += weight
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            assert top.pending_key is not None
            top.container[top.pending_key] = value
            top.pending_key = None


#: Every character YAML 1.1 does not allow (the complement of its "printable" set): C0 controls
#: but tab and line ends, DEL, C1 controls but NEL, surrogates, U+FFFE and U+FFFF. Found here,
#: each is reported where it is; libyaml would report it at 1:1, over two lines.
_NOT_ALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _not_allowed(character: str, position: Position) -> YamlError:
    kind = "control character" if unicodedata.category(character) == "Cc" else "character"
    return YamlError(
        position, f"the file contains the {kind} U+{ord(character):04X}, which YAML does not allow"
    )


def read_yaml(text: str, *, allowed: bool = False, bound: int | None = None) -> Document:
    """Compose ``text`` into plain data with positions, or raise :class:`YamlError`.

    ``allowed``: the caller has found none of the characters YAML does not allow; ``bound``:
    it has counted the text's :func:`~reader.cards.plain_yaml.nesting_bound`.
    """
    bad = None if allowed else _NOT_ALLOWED.search(text)
    if bad:
        raise _not_allowed(bad.group(), position_at(text, bad.start()))
    plain = compose_plain(text, MAX_DEPTH, MAX_EXPANDED_NODES, bound)
    if plain is not None:
        return Document(*plain)
    try:
        return _compose_events(_Parser, text)
    except yaml.YAMLError as exc:
        error, stop = _syntax_error(exc, text), _error_index(exc, text)
    _check_limits_before(text, stop)
    raise error


def _compose_events(parser_class: Any, text: str) -> Document:
    composer = _Composer()
    parser = parser_class(text)
    try:
        while parser.check_event():
            composer.feed(parser.get_event())
    finally:
        parser.dispose()
    return composer.doc


def _error_index(exc: yaml.YAMLError, text: str) -> int:
    """Where in ``text`` the parser gave up (the end of the text when it does not say)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = getattr(mark, "index", None)
    return len(text) if not isinstance(index, int) else min(index, len(text))


def _check_limits_before(text: str, stop: int) -> None:
    """Raise the project's own limit error if the text before a parse error breaks a limit.

    libyaml reads ahead of the events it hands over, and newer releases stop deep nesting
    themselves (at 1,000 levels, in their own words) before the composer has seen level 51.
    Whatever the installed libyaml refuses, the card's author should read the project's
    diagnostic, at the same place, so the events up to the error are replayed through the
    pure-Python parser, which enforces nothing of its own. This runs only for files that
    fail to parse; the prefix cut at the error usually ends in a syntax error of its own,
    which says nothing about the limits and is dropped.
    """
    try:
        _compose_events(yaml.BaseLoader, text[: stop + 1])
    except yaml.YAMLError:
        return


def read_yaml_bytes(data: bytes) -> Document:
    """Check the size limit, decode, then compose."""
    if len(data) > MAX_BYTES:
        raise YamlError(
            (1, 1),
            f"the file is {len(data) / 1024 / 1024:.1f} MiB; a card may be at most "
            f"{MAX_BYTES // 1024 // 1024} MiB",
        )
    allowed, bound = scan_bytes(data)
    return read_yaml(decode(data), allowed=allowed, bound=bound)
