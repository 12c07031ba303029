"""fold() is fast for whole cards but must mean exactly what its definition says."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.query import fold


def reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@settings(max_examples=500)
@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_fold_equals_its_definition(text: str) -> None:
    assert fold(text) == reference_fold(text)


def test_fold_examples() -> None:
    assert fold("Goïta GOITA Côte d'Ivoire") == "goita goita cote d'ivoire"
    assert fold("Straße ﬁnance Å\u0301") == "strasse finance a"
