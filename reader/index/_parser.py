"""How the index reaches its parsing (:mod:`reader.index._parse`): imported on first use, on a
thread that may import, and found without an import on any other.

A window lists a warm set from the index's stored state before the card parser and the card
model are imported (YAML, fastjsonschema, the card modules and the model are some 30 ms of its
start, #17 §4), so no index module imports the parsing at its top. The window imports it on its
UI thread, in the first steps of :data:`reader.index.PREPARATION`, before its loader may parse
(the loader waits at the parser gate, reader.app.parser_gate); the loader and the index's
threads then find it cached here and execute no ``import`` (PySide6's import hook is not
thread-safe, see reader.app.loading; tests/index/test_index_threads.py checks it). A
command-line run or a worker process, which have no such threads, import it at their first
parse.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from reader.cards.model import Card, CardSet, SetInfo
    from reader.cards.parts import Parts
    from reader.cards.problems import Problem
    from reader.index._rows import FileRow, FileStamp

    class Parsing(Protocol):
        """What the index asks of :mod:`reader.index._parse` (the module answers it)."""

        def parse_files(
            self, stamps: Sequence[FileStamp], topics: frozenset[str] | None
        ) -> list[FileRow]: ...

        def restore_card(
            self, rel: str, data: bytes, topics: frozenset[str] | None
        ) -> Card | None: ...

        def load_set_info(self, root: Path) -> tuple[SetInfo, list[Problem]]: ...

        def load_set(self, root: Path) -> CardSet: ...

        def parse_set_file(
            self, raw: bytes, fallback_title: str, root: Path | None = None
        ) -> tuple[SetInfo, list[Problem]]: ...

        def decode_analysis(self, row: str, parts: Parts = ...) -> Card: ...

        def skeleton_card(
            self, card_id: str, rel: str, position: tuple[int, int], names: list[str]
        ) -> Card: ...

        def assemble(
            self, root: Path, info: SetInfo, loaded: list[Card], problems: list[Problem]
        ) -> CardSet: ...


@functools.cache
def parser() -> Parsing:
    """The index's parsing, imported by the first call (see the module docstring)."""
    from reader.index import _parse  # the one import of the parser: see the module docstring

    return _parse
