"""Where things are in a YAML text: the spans :mod:`reader.authoring.patch` cuts and fills.

PyYAML's node marks give each node's start and end, but a block list or mapping ends where
the next token starts, which swallows the comments and blank lines after it. The spans here
end at the last character of the node's own content (its "tight end") and grow to whole
lines, so that a removed item takes its comment lines with it and nothing of its neighbours.
Edited text is spliced in with the file's own line breaks (LF or CRLF).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from reader.authoring import emit


class UnsupportedLayoutError(Exception):
    """A layout the patcher does not edit in place: the caller writes the value again."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``text`` (already in the file's line breaks)."""

    start: int
    end: int
    text: str


def splice(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` (each carries the file's own line breaks)."""
    out: list[str] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor:
            raise UnsupportedLayoutError("edits overlap")
        out += [text[cursor : edit.start], edit.text]
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


class Layout:
    """Span arithmetic over one file's text (character indices, as PyYAML's marks count)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"

    # --- lines --------------------------------------------------------------------------
    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def line_end(self, pos: int) -> int:
        """The start of the line after the one holding ``pos`` (``pos`` itself when it
        already starts a line just after a break)."""
        if pos > 0 and self.text[pos - 1] == "\n":
            return pos
        found = self.text.find("\n", pos)
        return len(self.text) if found < 0 else found + 1

    def column(self, pos: int) -> int:
        return pos - self.line_start(pos)

    def first_on_line(self, pos: int) -> bool:
        return not self.text[self.line_start(pos) : pos].strip()

    def with_comments_above(self, start: int, floor: int) -> int:
        """``start`` (a line start) moved up over the comment lines right above it."""
        while start > floor:
            above = self.line_start(start - 1)
            if above < floor or not self.text[above:start].strip().startswith("#"):
                break
            start = above
        return start

    def lines_text(self, lines: list[str]) -> str:
        return self.newline.join(lines) + self.newline

    def own(self, emitted: str) -> str:
        """Emitted text (LF) in the file's line breaks."""
        return emitted.replace("\n", self.newline)

    # --- nodes --------------------------------------------------------------------------
    def tight_end(self, node: yaml.Node) -> int:
        """Where the node's own content ends (before trailing blank lines and comments)."""
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):
                span = self.text[node.start_mark.index : node.end_mark.index]
                return node.start_mark.index + len(span.rstrip())
            return int(node.end_mark.index)
        if getattr(node, "flow_style", False) or not node.value:
            return int(node.end_mark.index)
        if isinstance(node, yaml.MappingNode):
            key, value = node.value[-1]
            return self.colon_after(key) + 1 if _empty(value) else self.tight_end(value)
        last = node.value[-1]
        return self.dash_before(last) + 1 if _empty(last) else self.tight_end(last)

    def colon_after(self, key: yaml.Node) -> int:
        pos = int(key.end_mark.index)
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        if pos >= len(self.text) or self.text[pos] != ":" or not isinstance(key, yaml.ScalarNode):
            raise UnsupportedLayoutError("a key not followed by ':'")
        return pos

    def dash_before(self, item: yaml.Node) -> int:
        pos = int(item.start_mark.index) - 1
        while pos >= 0 and self.text[pos] in " \t\r\n":
            pos -= 1
        if pos < 0 or self.text[pos] != "-":
            raise UnsupportedLayoutError("a list item without its '-' before it")
        return pos

    # --- edits --------------------------------------------------------------------------
    def scalar_edit(self, node: yaml.ScalarNode, new: str | None) -> Edit:
        if new is None:
            raise UnsupportedLayoutError("an empty value is written after its key")
        style = node.style or None  # libyaml says '' for plain, PyYAML None
        written: str | None
        if style == "'":
            written = emit.single_quoted(new)
        elif style in ("|", ">"):
            written = self._literal(node, new)
        elif style is None:
            written = emit.plain(new)
        else:
            written = None
        return Edit(node.start_mark.index, self.tight_end(node), written or emit.double_quoted(new))

    def _literal(self, node: yaml.ScalarNode, new: str) -> str | None:
        """``new`` as a literal block at the indentation the old block used."""
        if not new.strip() or new[0] in " \n" or new.endswith("\n\n") or "\r" in new:
            return None
        if (
            emit.double_quoted(new.replace("\n", "").replace("\t", ""))
            != '"' + new.replace("\n", "").replace("\t", "") + '"'
        ):
            return None  # a character only an escape can write
        body = self.text[node.start_mark.index : node.end_mark.index].split("\n")[1:]
        content = [line for line in body if line.strip()]
        indent = len(content[0]) - len(content[0].lstrip(" ")) if content else 2
        header = "|" if new.endswith("\n") else "|-"
        lines = new.removesuffix("\n").split("\n")
        return self.newline.join([header, *((" " * indent + ln) if ln else "" for ln in lines)])

    def flow_edit(self, node: yaml.Node, new: object) -> Edit:
        """A flow list of scalars written again in flow style, unchanged items as they were."""
        if not isinstance(node, yaml.SequenceNode) or not isinstance(new, list):
            raise UnsupportedLayoutError("a flow mapping")
        if not node.value or not all(isinstance(v, str) for v in new):
            raise UnsupportedLayoutError("a flow list that grows from empty or holds collections")
        if not all(isinstance(item, yaml.ScalarNode) for item in node.value):
            raise UnsupportedLayoutError("a flow list of collections")
        text = self.text
        was = {i.value: text[i.start_mark.index : i.end_mark.index] for i in node.value}
        quoted = any(item.style for item in node.value)
        items = [
            was.get(v) or (None if quoted else emit.plain(v, in_flow=True)) or emit.double_quoted(v)
            for v in new
        ]
        return Edit(node.start_mark.index, node.end_mark.index, "[" + ", ".join(items) + "]")

    def key_edit(self, key: yaml.Node, name: str) -> Edit:
        """A key renamed in its own quoting style where it can be."""
        style = getattr(key, "style", None) or None
        written = emit.single_quoted(name) if style == "'" else None
        if style is None:
            written = emit.plain(name, in_flow=True)
        text = written or emit.double_quoted(name)
        return Edit(key.start_mark.index, key.end_mark.index, text)

    def delete_key(self, mapping: yaml.MappingNode, key: yaml.Node) -> Edit:
        keys = [k for k, _ in mapping.value]
        i = keys.index(key)
        if not self.first_on_line(key.start_mark.index):
            if i + 1 >= len(keys):
                raise UnsupportedLayoutError("the last key shares its line")
            return Edit(key.start_mark.index, keys[i + 1].start_mark.index, "")
        floor = self._after_pair(mapping, i - 1) if i else self.line_start(key.start_mark.index)
        start = self.with_comments_above(self.line_start(key.start_mark.index), floor)
        return Edit(start, self._after_pair(mapping, i), "")

    def _after_pair(self, mapping: yaml.MappingNode, i: int) -> int:
        key, value = mapping.value[i]
        end = self.colon_after(key) + 1 if _empty(value) else self.tight_end(value)
        return self.line_end(end)

    def insert_after_key(self, mapping: yaml.MappingNode, key: yaml.Node, lines: list[str]) -> Edit:
        i = [k for k, _ in mapping.value].index(key)
        pos = self._after_pair(mapping, i)
        text = self.lines_text(lines)
        if pos == len(self.text) and not self.text.endswith("\n"):
            text = self.newline + text.removesuffix(self.newline)
        return Edit(pos, pos, text)

    def insert_before_key(self, key: yaml.Node, lines: list[str]) -> Edit:
        pos = int(key.start_mark.index)
        if self.first_on_line(pos):
            return Edit(self.line_start(pos), self.line_start(pos), self.lines_text(lines))
        head = [lines[0].lstrip(" "), *lines[1:]]
        return Edit(pos, pos, self.lines_text(head) + " " * self.column(pos))

    def item_chunks(self, items: list[yaml.Node], dashes: list[int]) -> list[tuple[int, int]]:
        """Each item's whole lines: the first takes the comment lines above it, each later
        one everything after the item before it (blank lines, comments)."""
        if not all(self.first_on_line(dash) for dash in dashes):
            raise UnsupportedLayoutError("a list item that shares its line")
        ends = [
            self.line_end(dash + 1 if _empty(item) else self.tight_end(item))
            for item, dash in zip(items, dashes, strict=True)
        ]
        first = self.with_comments_above(self.line_start(dashes[0]), 0)
        return list(zip([first, *ends[:-1]], ends, strict=True))

    def chunk_text(self, start: int, end: int, inner: list[Edit]) -> str:
        """An item's lines with the edits inside them, ending in a line break."""
        if any(e.start < start or e.end > end for e in inner):
            raise UnsupportedLayoutError("an edit outside its item")
        shifted = [Edit(e.start - start, e.end - start, e.text) for e in inner]
        chunk = splice(self.text[start:end], shifted)
        return chunk if chunk.endswith("\n") else chunk + self.newline

    def replace_chunks(self, start: int, end: int, written: list[str]) -> Edit:
        joined = "".join(written)
        if not self.text[start:end].endswith("\n"):
            joined = joined.removesuffix(self.newline)
        return Edit(start, end, joined)


def _empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == ""
