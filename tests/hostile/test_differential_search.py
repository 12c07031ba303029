"""The review's differential test, kept: the index answers every query as the in-memory scan does.

``search`` and the window answer from the index (SQLite FTS5 over folded words); ``export
--search`` answers from :class:`MemoryCatalog`'s scan. Over generated card texts and queries
rich in the characters folding gets wrong (compatibility letters that decompose into capitals,
ß, ø, ligatures, dotted and dotless i, final sigma, combining marks), both must find the same
cards. The review's fuzzer found 10 disagreements in 7,523 queries (F16).
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.cards.query import Query
from reader.index import open_index

#: Characters that fold in unusual ways, and plain letters for them to stand among.
HOSTILE = [*"㎒ℌ𝐀𝐛ßẞøØﬁﬂﬃæŒİıΣσς℡Ⅻ½Ａｂ’—“_-'ǅ", "\u0301", "\u0308", "\u0345"]
PLAIN = list("aehimsz MHZ")
#: One character at a time, so that each strategy is drawn from as often as the others (a
#: text strategy merges its alphabet into one set, where these few would be lost).
CHARACTER = st.sampled_from(HOSTILE) | st.sampled_from(PLAIN) | st.characters(codec="utf-8")
TEXT = st.lists(CHARACTER, min_size=1, max_size=24).map("".join)


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back exactly (escapes where needed)."""
    return (
        '"'
        + "".join(
            ch if ch.isprintable() and ch not in '"\\' else f"\\U{ord(ch):08x}" for ch in text
        )
        + '"'
    )


def write_card(root: Path, n: int, title: str, summary: str) -> None:
    (root / f"c{n}.yaml").write_text(
        "\n".join(
            [
                "format: briefing-card/1",
                f"id: c{n}",
                f"title: {yaml_quoted(title)}",
                "source:",
                '  publisher: "P"',
                '  published: "2020"',
                f"thesis: {yaml_quoted(summary[::-1])}",
                f"summary: {yaml_quoted(summary)}",
                "argument:",
                '  - claim: "c"',
                "tags: [t]",
                "",
            ]
        ),
        encoding="utf-8",
    )


#: How a person may type what a card says: as written, in other cases, in its compatibility
#: form ("MHz" for "㎒", "fi" for "ﬁ"), or as a phrase.
SHAPES = {
    "as written": lambda text: text,
    "upper": str.upper,
    "lower": str.lower,
    "compatible": lambda text: unicodedata.normalize("NFKC", text),
    "compatible lower": lambda text: unicodedata.normalize("NFKC", text).lower(),
    "decomposed": lambda text: unicodedata.normalize("NFKD", text),
    "phrase": lambda text: f'"{text}"',
}


def queries_from(texts: list[str]) -> st.SearchStrategy[str]:
    """The start of a word or two of the cards' own texts, shaped as a person may type them,
    or any text."""
    written = [word for text in texts for word in text.split()] or ["x"]
    start = st.sampled_from(written).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n]))
    piece = st.lists(start, min_size=1, max_size=2).map(" ".join)
    shaped = st.tuples(piece, st.sampled_from(list(SHAPES.values()))).map(lambda p: p[1](p[0]))
    return shaped | TEXT


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=4), st.data())
def test_the_index_answers_as_the_scan_does(
    cards: list[tuple[str, str]], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "set"
        root.mkdir()
        for n, (title, summary) in enumerate(cards):
            write_card(root, n, title, summary)
        index = open_index(root, cache_dir=Path(scratch) / "cache", workers=1)
        memory = MemoryCatalog(load_set(root))
        assert list(index.summaries()) == list(memory.summaries())
        texts = [text for pair in cards for text in pair]
        for text in data.draw(st.lists(queries_from(texts), min_size=6, max_size=6)):
            query = Query(text=text)
            expected = memory.matching(query)
            assert index.matching(query) == expected, text
            assert sorted(index.search(query)) == sorted(expected), text
        index.close()
