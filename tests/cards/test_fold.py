"""fold() is fast for whole cards but must mean exactly what its definition says."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cards.query import fold


def reference_fold(text: str) -> str:
    """NFKC, casefold, NFKD without the marks, casefold again: the definition, slowly."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@settings(max_examples=500)
@given(st.text(st.characters(exclude_categories=("Cs",))))
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
@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_folded_text_is_folded(text: str) -> None:
    """Folding twice changes nothing: what the index stores and what it is asked agree."""
    assert fold(fold(text)) == fold(text)
