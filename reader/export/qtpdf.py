"""What finishing reads of the PDF Qt has just written, read a few kilobytes at a time.

Finishing needs little of Qt's file: the trailer, the catalog, the list of pages, the
information dictionary's place, and where Qt put the few thousand named places the outline
jumps to. pypdf's reader held, for a book of ten thousand cards, an object for every entry
of the cross-reference table (a million and more) and for every one of the some 400,000
named places, several hundred megabytes at the export's end. Here the table is read where
it lies (its entries are 20 bytes each, so an object's entry is found by arithmetic), and
the named places are read as a stream of tokens, keeping only the wanted ones.

The grammar is the part of PDF's that Qt's writer uses for these objects: names, numbers,
literal and hexadecimal strings, references, arrays and dictionaries. Anything else (a
stream, a compressed cross-reference table) is an error: the file is Qt's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from io import SEEK_END
from typing import BinaryIO

#: Bytes read at a time; tokens are found only well inside what is read (see ``_Tokens``).
CHUNK = 1 << 16
#: No token but a string, which ends itself, is longer than this.
_MARGIN = 256
_TOKEN = re.compile(
    rb"""[\s\x00]*(?:
        (?P<string>\((?:[^\\()]|\\.)*\))
      | (?P<hex><[0-9A-Fa-f\s]*>)
      | (?P<ref>(?P<num>\d+)\s+(?P<gen>\d+)\s+R)(?![\w.])
      | (?P<word><<|>>|\[|\]|/[^\s\x00/\[\]()<>{}%]*|[-+]?[\d.]+|[A-Za-z]+)
    )""",
    re.VERBOSE | re.DOTALL,
)
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\r?\n0 (\d+)\s*?\n")
_ESCAPE = re.compile(rb"\\(.)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Ref:
    """An indirect reference, ``num gen R``."""

    num: int
    gen: int


@dataclass(frozen=True, slots=True)
class Name:
    """A PDF name (``/Type``), without its slash."""

    name: str


@dataclass(frozen=True, slots=True)
class String:
    """A string's bytes, as written (a literal's escapes undone, a hex string decoded)."""

    data: bytes

    def text(self) -> str:
        """The string as text: UTF-16 after its byte order mark, else Latin-1 (which Qt's
        names never need: it writes every text string as UTF-16)."""
        if self.data.startswith(b"\xfe\xff"):
            return self.data[2:].decode("utf-16-be", errors="replace")
        return self.data.decode("latin-1")


Value = Ref | Name | String | float | bool | None | list["Value"] | dict[str, "Value"]


def _read(pdf: BinaryIO, start: int, stop: int) -> bytes:
    pdf.seek(start)
    return pdf.read(stop - start)


class _Tokens:
    """The tokens of the file from ``start``, read ``CHUNK`` bytes at a time."""

    def __init__(self, pdf: BinaryIO, start: int) -> None:
        self._pdf = pdf
        self._next = start
        self._buffer = b""
        self._at = 0
        self._ended = False

    def _more(self) -> bool:
        if self._ended:
            return False
        self._pdf.seek(self._next)
        chunk = self._pdf.read(CHUNK)
        self._next += len(chunk)
        self._ended = not chunk
        self._buffer = self._buffer[self._at :] + chunk
        self._at = 0
        return bool(chunk)

    def next(self) -> re.Match[bytes]:
        while True:
            found = _TOKEN.match(self._buffer, self._at)
            near_end = found is None or found.end() > len(self._buffer) - _MARGIN
            if near_end and self._more():
                continue
            if found is None:
                raise ValueError("Qt's PDF has an object this reader does not know")
            self._at = found.end()
            return found


def _string(token: re.Match[bytes]) -> String:
    raw = token.group("string")
    if raw is not None:
        return String(_ESCAPE.sub(_unescape, raw[1:-1]))
    digits = re.sub(rb"\s", b"", token.group("hex")[1:-1])
    return String(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))


def _unescape(escape: re.Match[bytes]) -> bytes:
    """A literal string's escape: Qt escapes only ``(``, ``)`` and ``\\``; the rest of
    PDF's (line ends, octal codes) are read too, for any writer's strings."""
    char = escape.group(1)
    named = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    return named.get(char, char)


def _value(tokens: _Tokens, token: re.Match[bytes] | None = None) -> Value:
    """The value that starts with ``token`` (the next one when None)."""
    token = tokens.next() if token is None else token
    if token.group("ref") is not None:
        return Ref(int(token.group("num")), int(token.group("gen")))
    if token.group("word") is None:
        return _string(token)
    word = token.group("word")
    if word == b"[":
        items: list[Value] = []
        while (item := tokens.next()).group("word") != b"]":
            items.append(_value(tokens, item))
        return items
    if word == b"<<":
        entries: dict[str, Value] = {}
        while (key := tokens.next()).group("word") != b">>":
            if not (key.group("word") or b"").startswith(b"/"):
                raise ValueError("Qt's PDF has a dictionary key that is not a name")
            entries[key.group("word")[1:].decode("latin-1")] = _value(tokens)
        return entries
    if word.startswith(b"/"):
        return Name(word[1:].decode("latin-1"))
    if word in (b"true", b"false"):
        return word == b"true"
    if word == b"null":
        return None
    try:
        return float(word)
    except ValueError:
        raise ValueError(f"Qt's PDF has '{word.decode('latin-1')}' where a value goes") from None


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a named place is: its page's reference, and the point on it (None: unsaid)."""

    page: Ref
    left: float | None
    top: float | None


class QtPdf:
    """Qt's PDF, open for reading: its trailer, and any object by number on request."""

    def __init__(self, pdf: BinaryIO) -> None:
        self._pdf = pdf
        self.size = pdf.seek(0, SEEK_END)
        tail = _read(pdf, max(0, self.size - 64), self.size)
        found = _STARTXREF.search(tail)
        if found is None:
            raise ValueError("Qt's PDF has no cross-reference table where expected")
        #: Where the cross-reference table starts.
        self.startxref = int(found.group(1))
        head = _XREF_HEAD.match(_read(pdf, self.startxref, self.startxref + 64))
        if head is None:
            raise ValueError("Qt's PDF has a cross-reference table this reader does not know")
        self.objects = int(head.group(1))
        #: Where the table's entries start, and where the trailer does (after them).
        self.entries = self.startxref + head.end()
        self.trailer_at = self.entries + 20 * self.objects
        tokens = _Tokens(pdf, self.trailer_at)
        if tokens.next().group("word") != b"trailer":
            raise ValueError("Qt's PDF has no trailer after its cross-reference table")
        trailer = _value(tokens)
        if not isinstance(trailer, dict):
            raise ValueError("Qt's PDF has a trailer that is not a dictionary")
        self.trailer = trailer

    def ref(self, key: str, within: dict[str, Value] | None = None) -> Ref:
        """The reference at ``key`` of the trailer (or of ``within``)."""
        value = (self.trailer if within is None else within).get(key)
        if not isinstance(value, Ref):
            raise ValueError(f"Qt's PDF has no reference at /{key}")
        return value

    def offset(self, num: int) -> int:
        """Where object ``num`` starts, from its entry in the table."""
        if not 0 < num < self.objects:
            raise ValueError(f"Qt's PDF has no object {num}")
        start = self.entries + 20 * num
        entry = _read(self._pdf, start, start + 20)
        if entry[17:18] != b"n":
            raise ValueError(f"Qt's PDF has no object {num}")
        return int(entry[:10])

    def _tokens(self, num: int) -> _Tokens:
        """The tokens of object ``num``, after its ``num gen obj``."""
        tokens = _Tokens(self._pdf, self.offset(num))
        head = [tokens.next() for _ in range(2)]
        if head[0].group("ref") is not None or tokens.next().group("word") != b"obj":
            raise ValueError(f"Qt's PDF has no object {num} where its table says")
        if int(head[0].group("word") or -1) != num:
            raise ValueError(f"Qt's PDF has another object where {num} should be")
        return tokens

    def object(self, ref: Ref) -> Value:
        """Object ``ref``, whole: for small objects (the catalog, the page list)."""
        return _value(self._tokens(ref.num))

    def dictionary(self, ref: Ref) -> dict[str, Value]:
        value = self.object(ref)
        if not isinstance(value, dict):
            raise ValueError(f"Qt's PDF has no dictionary at object {ref.num}")
        return value

    def pages(self) -> list[Ref]:
        """The pages in order: Qt writes one flat list (/Kids) under the catalog."""
        tree = self.dictionary(self.ref("Pages", self.dictionary(self.ref("Root"))))
        kids = tree.get("Kids")
        if not isinstance(kids, list) or not all(isinstance(k, Ref) for k in kids):
            raise ValueError("Qt's PDF has a page tree this reader does not know")
        return [k for k in kids if isinstance(k, Ref)]

    def named(self, wanted: set[str]) -> dict[str, Destination]:
        """Where Qt put each of the ``wanted`` named places (those it drew)."""
        catalog = self.dictionary(self.ref("Root"))
        if not isinstance(catalog.get("Names"), Ref):
            return {}
        names = self.dictionary(self.ref("Names", catalog))
        if not isinstance(names.get("Dests"), Ref):
            return {}
        found: dict[str, Destination] = {}
        for name, ref in self._tree(self.ref("Dests", names), 0):
            if name in wanted and (where := self._destination(ref)) is not None:
                found[name] = where
        return found

    def _tree(self, node: Ref, depth: int) -> Iterator[tuple[str, Ref]]:
        """A name tree's (name, value) pairs, read as a stream of tokens: the /Names of a
        leaf can hold hundreds of thousands, and only a few are wanted."""
        if depth > 32:
            raise ValueError("Qt's PDF has a name tree too deep to be its own")
        tokens = self._tokens(node.num)
        if tokens.next().group("word") != b"<<":
            raise ValueError("Qt's PDF has a name tree node that is not a dictionary")
        kids: list[Value] = []
        while (key := tokens.next()).group("word") != b">>":
            if key.group("word") == b"/Names":
                if tokens.next().group("word") != b"[":
                    raise ValueError("Qt's PDF has a list of names that is not an array")
                while (name := tokens.next()).group("word") != b"]":
                    value = _value(tokens)
                    is_string = name.group("word") is None and name.group("ref") is None
                    if is_string and isinstance(value, Ref):
                        yield _string(name).text(), value
            elif key.group("word") == b"/Kids":
                found = _value(tokens)
                kids = found if isinstance(found, list) else []
            else:
                _value(tokens)
        for kid in kids:
            if isinstance(kid, Ref):
                yield from self._tree(kid, depth + 1)

    def _destination(self, ref: Ref) -> Destination | None:
        """A destination ``[page /XYZ left top zoom]`` (or a dictionary holding it as /D);
        None for any other form, which the outline then replaces by its page."""
        dest = self.object(ref)
        if isinstance(dest, dict):
            dest = dest.get("D")
        if not isinstance(dest, list) or not dest or not isinstance(dest[0], Ref):
            return None
        xyz = len(dest) >= 4 and dest[1] == Name("XYZ")
        left, top = (_number(dest[2]), _number(dest[3])) if xyz else (None, None)
        return Destination(dest[0], left, top)


def _number(value: Value) -> float | None:
    return value if isinstance(value, float) else None
