"""Rewrite only what changed in a YAML file: every untouched byte stays as it was written.

Round-trip YAML libraries (ruamel.yaml) re-flow long lines, re-indent lists and drop odd
spacing in the parts nobody edited, which turns a one-word fix into a diff of the whole card.
Here the original text is composed into PyYAML nodes, whose marks say where each key and value
was written; the old and the new data are compared node by node, and only the spans of changed
nodes are replaced:

* a changed scalar is written again in its own style (double-quoted stays double-quoted, a
  literal block stays a block);
* a list item added, removed or moved is its whole lines, comments above it included;
* a key removed is its lines; a key added goes where the schema's field order puts it;
* anything else (a value changing kind, a flow ``[a, b]`` list growing an item) is that
  value written again in house style (:mod:`reader.authoring.emit`).

The result is read back with the project's reader and compared with the data asked for; should
a file ever defeat the patcher (aliases, odd layouts), the whole document is written in house
style instead, so what is saved is always what was edited.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from reader.authoring import emit
from reader.authoring.layout import Edit, Layout, UnsupportedLayoutError, splice
from reader.cards.resources import schema
from reader.cards.safe_yaml import PathKey, YamlError, read_yaml

_BOM = "\ufeff"
#: Composes nodes only (no tag resolution: every scalar is the text written); libyaml's when
#: the wheel has it, several times faster, and its marks count characters as Python's do.
_Composer: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
#: ``old_data`` not given: apply_edits reads it from the text.
_UNREAD: Any = object()
_NULL_PLAIN = frozenset({"", "~", "null", "Null", "NULL"})
#: Pairing an edited list item with its old self keeps its comments and quoting; below this
#: likeness a changed item is taken for a new one.
_LIKENESS = 0.5


def apply_edits(text: str, new_data: Any, *, old_data: Any = _UNREAD) -> str:
    """``text`` changed to hold ``new_data``, rewriting only the nodes whose value changed.

    ``new_data`` is plain data as :func:`reader.cards.safe_yaml.read_yaml` gives it (text
    scalars, lists, dicts; numbers, booleans and dates are written as their text). When it
    equals what ``text`` holds, ``text`` is returned unchanged; a byte-order mark is kept. Raises
    :class:`reader.cards.safe_yaml.YamlError` when ``text`` is not readable YAML. A caller
    that has read ``text`` already passes what it read as ``old_data`` (saves a parse).
    """
    if text.startswith(_BOM):  # kept, so an unchanged file stays byte-identical
        return _BOM + apply_edits(text.removeprefix(_BOM), new_data, old_data=old_data)
    new = emit.normalize(new_data)
    old = read_yaml(text).data if old_data is _UNREAD else old_data
    if old == new:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        root = yaml.compose(text, Loader=_Composer)  # marks count characters (libyaml too)
        if root is None:
            raise UnsupportedLayoutError("an empty document")
        patcher = _Patcher(Layout(text), _schema_for(old))
        result = splice(text, patcher.value(root, new, (), _Slot(0, 0, "root")))
    except (UnsupportedLayoutError, yaml.YAMLError):
        result = ""
    if _reads_as(result, new):
        return result
    return emit.document(new, newline)


def _reads_as(text: str, data: Any) -> bool:
    try:
        return bool(text) and read_yaml(text).data == data
    except YamlError:
        return False


def _schema_for(data: Any) -> dict[str, Any] | None:
    """The shipped schema that orders the keys of this file (card or set file)."""
    if not isinstance(data, dict):
        return None
    kind = str(data.get("format") or "")
    return schema("briefing-set" if kind.startswith("briefing-set") else "briefing-card")


def node_data(node: yaml.Node) -> Any:
    """What the project's reader makes of ``node`` (plain scalars like ``~`` are None)."""
    if isinstance(node, yaml.ScalarNode):
        return None if not node.style and node.value in _NULL_PLAIN else node.value
    if isinstance(node, yaml.SequenceNode):
        return [node_data(item) for item in node.value]
    return {str(k.value): node_data(v) for k, v in node.value}


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where a value sits, so it can be written again whole: after ``key:`` or ``-`` (the
    ``start`` just after that indicator, ``column`` the indicator's), or the document."""

    start: int
    column: int
    kind: str  # "key", "item" or "root"
    #: The key, or for a list item the list's key: it decides plain or quoted (emit.scalar).
    field: str | None = None

    def rewrite(self, layout: Layout, node: yaml.Node, new: Any) -> Edit:
        if self.kind == "root":
            return Edit(0, len(layout.text), emit.document(new, layout.newline))
        end = layout.tight_end(node)
        if _is_empty_plain(node):
            end = self.start
        written = emit.after_key if self.kind == "key" else emit.after_dash
        return Edit(self.start, end, layout.own(written(new, self.column, self.field)))


def _is_empty_plain(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""


class _Patcher:
    """Compares a node with its new value and yields the edits that make the text hold it."""

    def __init__(self, layout: Layout, order_schema: dict[str, Any] | None) -> None:
        self.layout = layout
        self.schema = order_schema

    def value(self, node: yaml.Node, new: Any, path: PathKey, slot: _Slot) -> Iterator[Edit]:
        if node_data(node) == new:
            return
        try:
            edits = list(self._changed(node, new, path))
        except UnsupportedLayoutError:
            edits = [slot.rewrite(self.layout, node, new)]
        yield from edits

    def _changed(self, node: yaml.Node, new: Any, path: PathKey) -> Iterator[Edit]:
        if isinstance(node, yaml.ScalarNode):
            if not emit.is_scalar(new) or _is_empty_plain(node):
                raise UnsupportedLayoutError("a scalar becomes something else")
            yield self.layout.scalar_edit(node, new)
        elif getattr(node, "flow_style", False):
            yield self.layout.flow_edit(node, new)
        elif isinstance(node, yaml.MappingNode):
            yield from self._mapping(node, new, path)
        else:
            assert isinstance(node, yaml.SequenceNode)
            yield from self._sequence(node, new, path)

    def _mapping(self, node: yaml.MappingNode, new: Any, path: PathKey) -> Iterator[Edit]:
        if not isinstance(new, dict) or not new:
            raise UnsupportedLayoutError("a mapping becomes something else")
        layout = self.layout
        pairs = {str(k.value): (k, v) for k, v in node.value}
        renamed = _renamed_keys(pairs, new)
        kept = [name for name in pairs if name in new or name in renamed]
        if not kept:
            raise UnsupportedLayoutError("no key is kept")
        for name, (key_node, value_node) in pairs.items():
            if name in renamed:
                yield layout.key_edit(key_node, renamed[name])
                name = renamed[name]
            elif name not in new:
                yield layout.delete_key(node, key_node)
                continue
            colon = layout.colon_after(key_node)
            slot = _Slot(colon + 1, key_node.start_mark.column, "key", name)
            yield from self.value(value_node, new[name], (*path, name), slot)
        done = set(pairs) | set(renamed.values())
        added = [name for name in new if name not in done]
        if added:
            yield from self._added_keys(node, new, path, kept, added, renamed)

    def _added_keys(
        self,
        node: yaml.MappingNode,
        new: dict[str, Any],
        path: PathKey,
        kept: list[str],
        added: list[str],
        renamed: dict[str, str],
    ) -> Iterator[Edit]:
        order = self._key_order(path) or list(new)
        rank = {name: i for i, name in enumerate(order)}
        last = len(order)
        pairs = {str(k.value): k for k, _ in node.value}
        groups: dict[str | None, list[str]] = {}
        for name in sorted(added, key=lambda n: rank.get(n, last)):
            mine = rank.get(name, last)
            before = [k for k in kept if rank.get(renamed.get(k, k), last) < mine]
            # The last kept key, in the file's order, that the schema puts before this one.
            anchor = max(before, key=kept.index) if before else None
            groups.setdefault(anchor, []).append(name)
        column = node.value[0][0].start_mark.column
        for anchor, names in groups.items():
            lines = emit.block({name: new[name] for name in names}, column)
            if anchor is None:
                yield self.layout.insert_before_key(pairs[kept[0]], lines)
            else:
                yield self.layout.insert_after_key(node, pairs[anchor], lines)

    def _key_order(self, path: PathKey) -> list[str] | None:
        part: Any = self.schema
        for step in path:
            if not isinstance(part, dict):
                return None
            part = part.get("items") if isinstance(step, int) else part.get("properties", {})
            if not isinstance(step, int) and isinstance(part, dict):
                part = part.get(step)
        if isinstance(part, dict) and isinstance(part.get("properties"), dict):
            return list(part["properties"])
        return None

    def _sequence(self, node: yaml.SequenceNode, new: Any, path: PathKey) -> Iterator[Edit]:
        if not isinstance(new, list) or not new:
            raise UnsupportedLayoutError("a list becomes something else")
        layout = self.layout
        old = [node_data(item) for item in node.value]
        field = path[-1] if path and isinstance(path[-1], str) else None
        dashes = [layout.dash_before(item) for item in node.value]
        pairing = _pair(old, new)
        if pairing == list(range(len(old))) and len(old) == len(new):
            for i, item in enumerate(node.value):
                slot = _Slot(dashes[i] + 1, layout.column(dashes[i]), "item", field)
                yield from self.value(item, new[i], (*path, i), slot)
            return
        chunks = layout.item_chunks(node.value, dashes)
        column = layout.column(dashes[0])
        written: list[str] = []
        for j, (value, was) in enumerate(zip(new, pairing, strict=True)):
            if was is None:
                written.append(layout.lines_text(emit.block([value], column, field)))
                continue
            slot = _Slot(dashes[was] + 1, column, "item", field)
            inner = list(self.value(node.value[was], value, (*path, j), slot))
            start, end = chunks[was]
            written.append(layout.chunk_text(start, end, inner))
        yield layout.replace_chunks(chunks[0][0], chunks[-1][1], written)


def _renamed_keys(
    pairs: dict[str, tuple[yaml.Node, yaml.Node]], new: dict[str, Any]
) -> dict[str, str]:
    """Keys that go while a key with the same value comes (a tag renamed in the set file's
    descriptions): the key is renamed where it stands, with its comments."""
    gone = [name for name in pairs if name not in new]
    come = [name for name in new if name not in pairs]
    renamed: dict[str, str] = {}
    for name in gone:
        value = node_data(pairs[name][1])
        match = next((c for c in come if new[c] == value), None)
        if match is not None:
            come.remove(match)
            renamed[name] = match
    return renamed


def _pair(old: list[Any], new: list[Any]) -> list[int | None]:
    """For each new item, the old item it continues (None: a new item).

    Equal items pair first, in order (so a move keeps the item's comments); the rest pair
    with the most alike unpaired old item, so an edited item keeps its layout.
    """
    keys = [json.dumps(item, sort_keys=True) for item in old]
    free = list(range(len(old)))
    pairing: list[int | None] = []
    for item in new:
        wanted = json.dumps(item, sort_keys=True)
        match = next((i for i in free if keys[i] == wanted), None)
        if match is not None:
            free.remove(match)
        pairing.append(match)
    for j, item in enumerate(new):
        if pairing[j] is not None or not free:
            continue
        wanted = json.dumps(item, sort_keys=True)
        scores = [(difflib.SequenceMatcher(None, keys[i], wanted).ratio(), -i) for i in free]
        score, best = max(scores)
        if score >= _LIKENESS:
            free.remove(-best)
            pairing[j] = -best
    return pairing
