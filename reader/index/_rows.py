"""One card file → one index row: the work that worker processes do during a cold index.

Everything expensive happens in the workers: reading, parsing and validating the file and
making its row (:mod:`reader.index._parse`, which imports the parser and the card model) and,
here, folding its words for full-text search. The parent process only writes finished rows,
so adding cores speeds up the whole build. This module imports no parser: the window reads
stored rows before it has imported one (#17 §4).

How the card itself is kept: it is not. The index keeps the file's digest, and a card shown is
read from its file and parsed again by :func:`reader.index._parse.restore_card` (0.5 ms; a
pickle of the card would restore it in 0.13 ms, but pickling costs 0.13 ms of every card's
cold-index time). A copy of every file's bytes was a third of the index (33 MB at 10,000
cards); compressed, it cost an eighth of each card's parse in the cold index, which has no such
slack.

What the index keeps of a card's text is its folded words, compressed with Zstandard (:func:`pack`,
to two fifths of their size): the full-text index holds no text, and must be told a card's exact
words to forget it when the card changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

import zstandard

from reader.cards.problems import Problem
from reader.cards.query import fold_spaced

if TYPE_CHECKING:
    from reader.cards.model import Card

_WORDS = re.compile(r"\w+")


class FileStamp(NamedTuple):
    """A card file as the scan saw it, before it was read.

    Its stat data, compared as git compares it: a file rewritten with its size and
    modification time put back (``cp -p``, ``rsync -a``, ``tar x``, an editor restoring the
    times) still gets a new change time, and a copy put in its place a new inode. (A named
    tuple, as the other records the window's start makes: see reader.cards.set_walk.CardFile.)
    """

    rel: str
    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    #: The walk's own problem with this entry, as :attr:`FileRow.problems`; nothing is read.
    problems: str | None = None


class FileRow(NamedTuple):
    """What the index stores for one card file (a card, or only the problems that stop it)."""

    rel: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    digest: bytes | None
    #: The set topics the card's perspectives are on (see :func:`join`); None for a file
    #: without a valid card. A change of the set's topics can change the result of a file
    #: with topics, or without a card, and no other.
    topics: str | None
    card_id: str | None
    title: str | None
    publisher: str | None
    published: str | None
    year: int | None
    month: int | None
    day: int | None
    kind: str | None
    #: The card's tags, in the card's order (see :func:`join`).
    tags: str | None
    id_line: int | None
    id_column: int | None
    #: Recommendations' addressees and actors' names: what the set file's aliases refer to.
    addressees: str | None
    actors: str | None
    #: JSON list of problems (``Problem.to_json``); None when the file has none (most files).
    problems: str | None
    #: The card's words, :func:`pack`-ed (valid cards only): what the full-text index must be
    #: told to take the card out of it.
    words: bytes | None
    #: What the set-wide analyses read (:mod:`reader.index._projection`; valid cards only).
    analysis: str | None
    #: The card's earliest timeline date (:func:`reader.cards.event_order.first_event`): which
    #: cards the timeline's first screenful needs, found without reading their timelines.
    first_event: int | None
    #: The card's folded text, for full-text search (see :func:`fulltext`). Not a column (the
    #: last field, which :data:`COLUMNS` leaves out): it is kept packed, as ``words``.
    text: str


#: The columns of the ``files`` table a :class:`FileRow` fills, in its order.
COLUMNS = FileRow._fields[:-1]


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


#: Separates the items of a list kept in one column: splitting on it is many times faster than
#: decoding JSON, which is kept for the rare item that contains it (YAML escapes can write it).
SEPARATOR = "\x1f"


def join(items: Iterable[str]) -> str:
    listed = list(items)
    if any(SEPARATOR in item for item in listed):
        return json.dumps(listed)
    return SEPARATOR + SEPARATOR.join(listed) if listed else ""


def split(joined: str) -> list[str]:
    if not joined:
        return []
    if joined.startswith(SEPARATOR):
        return joined[1:].split(SEPARATOR)
    loaded: list[str] = json.loads(joined)
    return loaded


def problems_json(problems: Sequence[Problem]) -> str | None:
    return json.dumps([p.to_json() for p in problems], ensure_ascii=False) if problems else None


#: Each thread's compressor (one may not compress on two threads at once; making one per card
#: costs a third of what it saves).
_PACKERS = threading.local()


def pack(text: str) -> bytes:
    """A card's words as the index keeps them: Zstandard at level 1, to 0.41 of their size in
    half the instructions of zlib's fastest level (0.42; 127 k instructions a card against
    241 k, a twentieth of a worker's parse)."""
    packer: zstandard.ZstdCompressor | None = getattr(_PACKERS, "packer", None)
    if packer is None:
        packer = _PACKERS.packer = zstandard.ZstdCompressor(level=1)
    return packer.compress(text.encode())


def unpack(blob: object) -> str:
    """The words :func:`pack` stored; ValueError when ``blob`` is damaged (not bytes, not
    Zstandard, not UTF-8). Decompressed as a stream: a damaged header cannot make it set aside
    the size it claims."""
    if not isinstance(blob, bytes):
        raise ValueError("not a blob")
    unpacker = zstandard.ZstdDecompressor().decompressobj()
    try:
        words = unpacker.decompress(blob)
    except zstandard.ZstdError as exc:
        raise ValueError(str(exc)) from exc
    if not unpacker.eof:
        raise ValueError("the words end early")
    return words.decode()


def split_words(text: str) -> list[str]:
    """The words of a :func:`fulltext` text (for searching without FTS5)."""
    return _WORDS.findall(text)


def fulltext(card: Card) -> str:
    r"""The card's text as FTS5's ``ascii`` tokenizer must see it to find exactly :func:`words`.

    That tokenizer splits on ASCII characters other than letters, digits and ``_`` — the same
    ASCII characters Python's ``\w`` rejects — and keeps every non-ASCII character. So the
    folded text, with its non-ASCII non-word characters (’, —, “) made spaces
    (:func:`~reader.cards.query.fold_spaced`), tokenizes into exactly the words of the linear
    scan, without splitting it in Python (a seventh of a card's indexing time).
    """
    return fold_spaced(" ".join(card.texts()))
