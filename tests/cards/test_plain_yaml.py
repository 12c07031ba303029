"""The C-composer fast path gives exactly what the event composer gives, or steps aside."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cards import safe_yaml as yamlread
from reader.cards.plain_yaml import C_SAFE_DEPTH, compose_plain, nesting_bound
from reader.cards.safe_yaml import MAX_DEPTH, MAX_EXPANDED_NODES, Document, YamlError, decode
from tests.conftest import DATA, SHIPPED_CARDS
from tests.support.synthetic import generate_cards, set_file_text

YAML_BITS = ["[", "]", "{", "}", ": ", ":", "- ", "-", "? ", "'", '"', "\n", "  ", "#", "|", ">",
             ",", "~", "null", "---\n", "...\n", "\t", "é", "\u2019", "x"]  # fmt: skip


def event_composed(text: str) -> Document | YamlError:
    """The reference: the event composer alone."""
    original = yamlread.compose_plain
    yamlread.compose_plain = lambda *_args: None  # type: ignore[assignment]
    try:
        return yamlread.read_yaml(text)
    except YamlError as exc:
        return exc
    finally:
        yamlread.compose_plain = original


def assert_same_as_events(text: str) -> bool:
    """True when the fast path answered (and agreed); False when it stepped aside."""
    fast = compose_plain(text, MAX_DEPTH, MAX_EXPANDED_NODES)
    if fast is None:
        return False
    reference = event_composed(text)
    assert isinstance(reference, Document), f"fast path accepted what the events reject: {text!r}"
    data, values, keys = fast
    assert data == reference.data
    assert values == reference.value_positions
    assert keys == reference.key_positions
    return True


@cache
def corpus() -> list[str]:
    texts = [set_file_text(), *(c.text for c in generate_cards(40, seed=3))]
    for path in [*sorted(DATA.rglob("*.y*ml")), *sorted(SHIPPED_CARDS.glob("*.yaml"))]:
        if path.is_file():
            try:
                texts.append(decode(path.read_bytes()))
            except YamlError:
                continue
    return texts


def test_every_corpus_file_composes_the_same() -> None:
    answered = [assert_same_as_events(text) for text in corpus()]
    # The generated cards are plain, so the fast path must actually be taken for them.
    assert sum(answered) >= 41


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # aliases: the event composer counts and limits them
        "a: !!python/object:os.system 1\n",
        "a: 1\na: 2\n",  # duplicate key: worded by the event composer
        "? [a, b]\n: c\n",  # a key that is not text
        "null: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "",
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    ],
)
def test_unusual_documents_are_left_to_the_event_composer(text: str) -> None:
    assert compose_plain(text, MAX_DEPTH, MAX_EXPANDED_NODES) is None


def test_deep_block_nesting_under_the_crude_bound_still_hits_the_exact_limit() -> None:
    deep = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 2)) + " " * 60 + "v\n"
    assert nesting_bound(deep) <= C_SAFE_DEPTH
    assert compose_plain(deep, MAX_DEPTH, MAX_EXPANDED_NODES) is None
    with pytest.raises(YamlError, match="nests deeper"):
        yamlread.read_yaml(deep)


def test_nesting_that_could_overflow_c_never_reaches_libyaml() -> None:
    assert nesting_bound("[" * 30_000) > C_SAFE_DEPTH
    assert compose_plain("[" * 30_000, MAX_DEPTH, MAX_EXPANDED_NODES) is None


#: A node budget for the boundary test. Both composers count against a limit they are given
#: (compose_plain as an argument, the event composer from safe_yaml's module), so they are
#: compared at this one on a short document rather than at the shipped one on 100,000 values.
BUDGET = 2_000


def test_the_node_budget_matches_the_event_composer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_EXPANDED_NODES", BUDGET)
    text = "[" + ", ".join("a" for _ in range(BUDGET)) + "]"
    assert compose_plain(text, MAX_DEPTH, BUDGET) is None
    assert isinstance(event_composed(text), YamlError)
    under = "[" + ", ".join("a" for _ in range(BUDGET - 1)) + "]"
    assert compose_plain(under, MAX_DEPTH, BUDGET) is not None  # the fast path answers
    assert assert_same_as_events(under)  # as the event composer does, at the same budget


@st.composite
def yamlish(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from(corpus()[:12]))
    text = list(base)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text[at:at] = draw(st.sampled_from(YAML_BITS))
        else:
            del text[at : at + draw(st.integers(1, 30))]
    return "".join(text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish())
def test_mutated_documents_compose_the_same_or_step_aside(text: str) -> None:
    assert_same_as_events(text)


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text("abc-é ", min_size=1, max_size=4), inner, max_size=4)
        ),
        max_leaves=20,
    ),
    st.booleans(),
)
def test_dumped_structures_compose_the_same(value: object, flow: bool) -> None:
    yaml = pytest.importorskip("yaml")
    text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=True)
    assert_same_as_events(text)


def test_shipped_cards_take_the_fast_path_or_agree() -> None:
    for path in sorted(Path(SHIPPED_CARDS).glob("*.yaml")):
        assert_same_as_events(decode(path.read_bytes()))
