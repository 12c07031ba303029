"""fold() is fast for whole cards but must mean exactly what its definition says."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cards import query
from reader.cards.query import fold, fold_spaced

#: Text as a file can hold it (lone surrogates do not decode).
NO_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)


def reference_fold(text: str) -> str:
    """NFKC, casefold, NFKD without the marks, casefold again: the definition, slowly."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@settings(max_examples=500)
@given(st.text(st.characters(exclude_categories=NO_SURROGATES)))
def test_fold_equals_its_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


def test_fold_examples() -> None:
    assert fold("Goïta GOITA Côte d'Ivoire") == "goita goita cote d'ivoire"
    assert fold("Straße ﬁnance Å\u0301") == "strasse finance a"


def test_compatibility_characters_fold_to_lower_case() -> None:
    """A compatibility decomposition brings capitals back; they are folded too (F16)."""
    assert fold("㎒ ℌigh 𝐀BC ℡ Ⅻ") == "mhz high abc tel xii"
    assert fold("Øre Œuvre") == "øre œuvre"  # no decomposition: kept, lower-cased


@settings(max_examples=300)
@given(st.text(st.characters(exclude_categories=NO_SURROGATES)))
def test_folded_text_is_folded(text: str) -> None:
    """Folding twice changes nothing: what the index stores and what it is asked agree."""
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300)
@given(st.text(st.characters(exclude_categories=NO_SURROGATES)))
def test_fold_spaced_is_fold_with_non_ascii_non_word_characters_made_spaces(text: str) -> None:
    expected = "".join(
        " " if not ch.isascii() and not re.match(r"\w", ch) else ch for ch in reference_fold(text)
    )
    assert fold_spaced(text) == expected
    assert fold_spaced("Côte d’Ivoire — “ÉTÉ”") == "cote d ivoire    ete "


def test_every_characters_mapping_holds_only_characters_that_map_to_themselves() -> None:
    """fold replaces each distinct character of a text in turn; a character a mapping put in
    the text must not be mapped again by a later replacement."""
    for code in [*range(0x80, 0xD800), *range(0xE000, 0x10000), *range(0x1D400, 0x1D800)]:
        for mapping in (query._plain, query._plain_or_space):
            for ch in mapping(chr(code)):
                assert ch.isascii() or mapping(ch) == ch, hex(code)
