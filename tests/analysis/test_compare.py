"""The comparison core: alignment, addressees and aliases, blindspots, the merged timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reader.analysis.addressees import Addressees
from reader.analysis.columns import cards_of, date_order
from reader.analysis.compare_rules import (
    MAX_COMPARE,
    NO_TOPICS_HINT,
    compare_unavailable_reason,
    no_topics_hint,
)
from reader.analysis.ledger import recommendation_ledger
from reader.analysis.matrix import topic_matrix
from reader.analysis.side_by_side import (
    RecommendationsCell,
    RowKind,
    Sharing,
    SourceCell,
    TagsCell,
    TextCell,
    TopicCell,
    compare,
)
from reader.analysis.timeline import (
    EventKind,
    merged_timeline,
    same_event,
    timeline_entries,
    wording_overlap,
)
from reader.cards.catalog import MemoryCatalog
from reader.cards.dates import PartialDate
from reader.cards.load import load_set
from reader.cards.model import Card, SetInfo
from tests.analysis.compare_cards import TOPICS, catalog_of, generated_cards, make_card
from tests.conftest import SHIPPED_CARDS

INFO = SetInfo(title="T", topics=TOPICS, has_file=True)


def test_columns_are_in_date_order_with_less_precise_dates_first() -> None:
    cards = [
        make_card("day", "2021-09-01"),
        make_card("later", "2022"),
        make_card("month", "2021-09"),
        make_card("year", "2021"),
    ]
    result = compare(cards, INFO)
    assert [c.id for c in result.columns] == ["year", "month", "day", "later"]


def test_columns_keep_the_readers_order_when_asked() -> None:
    cards = [make_card("b", "2023"), make_card("a", "2021")]
    assert [c.id for c in compare(cards, INFO, by_date=False).columns] == ["b", "a"]


def test_rows_are_aligned_in_reading_order() -> None:
    cards = [
        make_card("a", "2021", perspectives={"why": "critical"}, recommendations=[("X", "do")]),
        make_card("b", "2022", perspectives={"impact": "mixed"}),
    ]
    result = compare(cards, INFO)
    kinds = [r.kind for r in result.rows]
    assert kinds == [
        RowKind.SOURCE,
        RowKind.THESIS,
        RowKind.TOPIC,
        RowKind.TOPIC,
        RowKind.TOPIC,
        RowKind.RECOMMENDATIONS,
        RowKind.TAGS,
        RowKind.ARGUMENT,
    ]
    assert [r.label for r in result.rows_of(RowKind.TOPIC)] == [t.label for t in TOPICS]
    assert all(len(r.cells) == 2 for r in result.rows)
    source = result.rows[0].cells[1]
    assert isinstance(source, SourceCell)
    assert source.card.id == "b"
    thesis = result.rows[1].cells[0]
    assert thesis == TextCell("Thesis of a.")
    topic_row = result.row("topic:why")
    assert topic_row is not None
    assert topic_row.note == "Why did it happen?"


def test_a_topic_a_card_does_not_address_gets_an_explicit_empty_cell() -> None:
    cards = [
        make_card("a", "2021", perspectives={"why": "critical"}),
        make_card("b", "2022", perspectives={"impact": "mixed"}),
    ]
    row = compare(cards, INFO).row("topic:why")
    assert row is not None
    first, second = row.cells
    assert isinstance(first, TopicCell)
    assert isinstance(second, TopicCell)
    assert first.perspective is not None
    assert first.perspective.stance == "critical"
    assert not second.addressed
    assert row.silent == (1,)
    result = compare(cards, INFO)
    assert result.silent_on(0) == ("What it changed", "How to respond")
    assert result.silent_on(1) == ("Why it happened", "How to respond")


@pytest.mark.parametrize(
    ("stances", "differ"),
    [
        (["critical", "critical", "critical"], False),
        (["critical", "skeptical", "critical"], True),
        (["critical", None, "critical"], False),  # silence is shown, but is not a difference
        (["critical", None, "mixed"], True),
        ([None, None, "mixed"], False),
        ([None, None, None], False),
        (["Critical", "critical ", None], False),  # the same word, however written
    ],
)
def test_stances_differ_only_among_the_cards_that_address_the_topic(
    stances: list[str | None], differ: bool
) -> None:
    cards = [
        make_card(f"c{i}", f"202{i}", perspectives={"why": s} if s else {})
        for i, s in enumerate(stances)
    ]
    row = compare(cards, INFO).row("topic:why")
    assert row is not None
    assert row.stances_differ is differ


def test_recommendations_align_by_canonical_addressee_through_aliases() -> None:
    info = SetInfo(
        title="T",
        topics=TOPICS,
        actor_aliases={"Malian authorities": ("Bamako", "The transitional authorities")},
        has_file=True,
    )
    cards = [
        make_card("a", "2021", recommendations=[("  bamako ", "talk"), ("ECOWAS", "wait")]),
        make_card("b", "2022", recommendations=[("The Transitional Authorities", "hold polls")]),
        make_card(
            "c", "2023", recommendations=[("malian AUTHORITIES", "reform"), ("AU", "mediate")]
        ),
    ]
    rows = compare(cards, info).rows_of(RowKind.RECOMMENDATIONS)
    # Three sources address the authorities; then one each, by name.
    assert [r.label for r in rows] == ["Malian authorities", "AU", "ECOWAS"]
    cells = rows[0].cells
    assert all(isinstance(c, RecommendationsCell) for c in cells)
    actions = [
        [rec.action for rec in c.recommendations]
        for c in cells
        if isinstance(c, RecommendationsCell)
    ]
    assert actions == [["talk"], ["hold polls"], ["reform"]]
    assert rows[0].note == "bamako; The Transitional Authorities"
    ecowas = rows[2].cells
    assert [isinstance(c, RecommendationsCell) and bool(c.recommendations) for c in ecowas] == [
        True,
        False,
        False,
    ]


def test_addressees_without_aliases_still_merge_spelling_variants() -> None:
    names = Addressees.from_aliases({})
    assert names.key("Western  partners") == names.key(" western partners")
    assert names.key("Côte d'Ivoire") == names.key("Cote d'Ivoire")
    assert names.key("Bamako") != names.key("Paris")
    assert names.display(" Western  partners ") == "Western partners"


def test_tags_are_marked_shared_by_all_by_some_or_unique() -> None:
    cards = [
        make_card("a", "2021", tags=("x", "only-a", "ab")),
        make_card("b", "2022", tags=("ab", "x")),
        make_card("c", "2023", tags=("x", "only-c")),
    ]
    row = compare(cards, INFO).row("tags")
    assert row is not None
    cell = row.cells[0]
    assert isinstance(cell, TagsCell)
    # Shared tags first, then the card's own, each group in the card's order.
    assert [(m.tag, m.sharing, m.count) for m in cell.tags] == [
        ("x", Sharing.ALL, 3),
        ("ab", Sharing.SOME, 2),
        ("only-a", Sharing.UNIQUE, 1),
    ]


def test_the_tags_row_names_each_tag_as_the_sidebar_does() -> None:
    """Review N4: the comparison's Tags row said ``actor/wagner`` beside a sidebar saying
    "The Wagner Group"."""
    info = SetInfo("T", tag_descriptions={"actor/wagner": "The Wagner Group, a company"})
    cards = [make_card("a", "2021", tags=("actor/wagner", "actor/cma")), make_card("b", "2022")]
    row = compare(cards, info).row("tags")
    assert row is not None
    cell = row.cells[0]
    assert isinstance(cell, TagsCell)
    assert [(m.tag, m.label) for m in cell.tags] == [
        ("actor/wagner", "The Wagner Group"),
        ("actor/cma", "CMA"),
    ]


def test_one_card_compares_without_claiming_differences() -> None:
    result = compare([make_card("a", "2021", perspectives={"why": "mixed"})], INFO)
    assert len(result.columns) == 1
    assert not any(r.stances_differ for r in result.rows_of(RowKind.TOPIC))
    tags = result.row("tags")
    assert tags is not None
    cell = tags.cells[0]
    assert isinstance(cell, TagsCell)
    assert {m.sharing for m in cell.tags} == {Sharing.UNIQUE}


def test_a_set_without_topics_has_no_topic_rows_and_a_hint() -> None:
    bare = SetInfo(title="T")
    result = compare([make_card("a", "2021"), make_card("b", "2022")], bare)
    assert result.rows_of(RowKind.TOPIC) == ()
    assert no_topics_hint(bare) == NO_TOPICS_HINT
    assert "cardset.yaml" in NO_TOPICS_HINT
    assert no_topics_hint(INFO) is None
    assert topic_matrix([make_card("a", "2021")], bare).rows == ()


@pytest.mark.parametrize(
    ("selected", "available", "expected"),
    [
        (1, 1, "only one"),
        (0, 3, "Select 2–4"),
        (1, 3, "Select 2–4"),
        (2, 3, None),
        (MAX_COMPARE, 50, None),
        (MAX_COMPARE + 1, 50, "at most 4"),
    ],
)
def test_why_compare_is_unavailable(selected: int, available: int, expected: str | None) -> None:
    reason = compare_unavailable_reason(selected, available)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None
        assert expected in reason


def test_topic_matrix_counts_and_blindspots_on_fifty_cards() -> None:
    cards = generated_cards(50)
    matrix = topic_matrix(cards, INFO)
    assert len(matrix.columns) == 50
    keys = [c.source.published.sort_key for c in matrix.columns]
    assert keys == sorted(keys)
    for row in matrix.rows:
        expected = [c.perspective(row.topic.key) for c in matrix.columns]
        assert list(row.cells) == expected
        assert row.addressed == sum(p is not None for p in expected)
        assert set(row.stances) == {p.stance for p in expected if p is not None}
    silent = {c.id: {t.key for t in TOPICS if c.perspective(t.key) is None} for c in cards}
    assert any(silent.values())  # the generator does leave blindspots
    for card in cards:
        assert {t.key for t in matrix.blindspots(card.id)} == silent[card.id]
    assert matrix.blindspots("no-such-card") == ()


def test_compare_scales_to_fifty_columns() -> None:
    cards = generated_cards(50)
    result = compare(cards, INFO)
    assert len(result.columns) == 50
    assert all(len(r.cells) == 50 for r in result.rows)
    tags = result.row("tags")
    assert tags is not None
    assert all(isinstance(c, TagsCell) for c in tags.cells)


def test_ledger_groups_by_addressee_then_source() -> None:
    aliases = {"Western partners": ("Paris", "Mali's Western partners")}
    cards = [
        make_card(
            "late", "2023", recommendations=[("Mali's Western partners", "stay"), ("ECOWAS", "x")]
        ),
        make_card("early", "2021", recommendations=[("Paris", "leave"), ("Paris", "apologise")]),
        make_card("mid", "2022", recommendations=[("AU", "y"), ("western partners", "fund")]),
        make_card("quiet", "2022"),
    ]
    ledger = recommendation_ledger(cards, aliases)
    assert [e.addressee for e in ledger] == ["Western partners", "AU", "ECOWAS"]
    west = ledger[0]
    assert [s.card.id for s in west.sources] == ["early", "mid", "late"]
    assert [r.action for r in west.sources[0].recommendations] == ["leave", "apologise"]
    assert west.names == ("Paris", "western partners", "Mali's Western partners")
    assert recommendation_ledger([], aliases) == ()


def test_timeline_orders_mixed_precision_and_keeps_each_dates_precision() -> None:
    cards = [
        make_card(
            "a",
            "2022-03",
            timeline=[
                ("2021-09-01", "Day event"),
                ("2021", "Year event"),
                ("2021-09", "Month event"),
            ],
        ),
        make_card("b", "2021-10", timeline=[("2021-08-31", "End of August")]),
    ]
    entries = merged_timeline(cards)
    assert [(e.date.display(), e.text) for e in entries] == [
        ("2021", "Year event"),
        ("31 August 2021", "End of August"),
        ("September 2021", "Month event"),
        ("1 September 2021", "Day event"),
        ("October 2021", "Publisher publishes “Title of b”"),
        ("March 2022", "Publisher publishes “Title of a”"),
    ]
    assert [e.kind for e in entries].count(EventKind.PUBLISHED) == 2
    assert entries[1].cards[0].id == "b"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Four Russian attack helicopters arrive in Mali (day and month printed, year inferred)",
            "Four Russian attack helicopters arrive in Mali",
        ),
        ("ECOWAS partially lifts its sanctions.", "ECOWAS partially lifts sanctions on Mali"),
        ("Mali leaves the G5 Sahel.", "MALI LEAVES THE G5 SAHEL"),
        ("France's Operation Barkhane begins", "Operation Barkhane begins"),
        ("Operation Barkhane, France's mission, begins", "France's Operation Barkhane begins"),
        ("four Russian helicopters arrived in Mali", "Four Russian helicopters arrive in Mali"),
        ("Goïta becomes president", "Goita becomes President."),
    ],
)
def test_near_duplicates_are_the_same_event(a: str, b: str) -> None:
    assert same_event(a, b)
    assert same_event(b, a)


def test_inflections_count_as_the_same_word_short_words_do_not() -> None:
    assert wording_overlap("Russia sanctions Mali", "Russian sanction on Mali") == 1.0
    assert wording_overlap("Mali arrives", "Mali arrive") == 1.0
    assert wording_overlap("G5 war", "G5 wars") == 0.5  # "war" is under four letters


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Real same-date pairs from the shipped set: different facts that share a subject.
        (
            "Russia delivers military hardware, notably helicopters, weapons and ammunition",
            "Russian and Malian foreign ministers meet cordially on the sidelines of the UN",
        ),
        (
            "Mali signs a further defence cooperation agreement with Russia",
            "The Group of Patriots claims over eight million signatures; Mali and Russia sign a "
            "military cooperation agreement.",
        ),
        (
            "First military coup; regional and Western actors let the officers keep much power",
            "A coup ousts President Ibrahim Boubacar Keïta; ECOWAS and the AU impose sanctions.",
        ),
        ("Russia invades Ukraine.", "Original end date of the transition"),
        # One differing name, number or verb in a short description: a different event.
        ("Coup in Mali", "Coup in Niger"),
        ("Event 3 happens", "Event 17 happens"),
        ("Mali leaves the G5 Sahel", "Mali joins the G5 Sahel"),
        ("Mali expels the ECOWAS representative", "ECOWAS suspends Mali"),
        # A paraphrase with new words is shown twice rather than guessed at.
        (
            "Four Russian attack helicopters arrive in Mali",
            "Russia delivers four attack helicopters to Bamako",
        ),
    ],
)
def test_different_events_are_not_merged(a: str, b: str) -> None:
    assert not same_event(a, b)
    assert wording_overlap(a, b) < 0.8


def test_descriptions_without_content_words_merge_only_when_equal() -> None:
    assert same_event("The", "the")
    assert not same_event("The", "Coup")


def test_timeline_merges_reports_of_one_event_from_several_cards() -> None:
    cards = [
        make_card(
            "rs",
            "2021-10",
            timeline=[("2021-09-30", "Four Russian attack helicopters arrive in Mali")],
        ),
        make_card(
            "icg",
            "2023",
            timeline=[
                ("2021-09-30", "Four Russian attack helicopters arrive in Mali (year inferred)"),
                ("2021-09", "Four Russian attack helicopters arrive in Mali"),  # another precision
                ("2021-09-30", "Mali expels the ECOWAS representative"),
            ],
        ),
        make_card(
            "ap",
            "2022",
            timeline=[("2021-09-30", "four Russian attack helicopters arrived in Mali")],
        ),
    ]
    events = [e for e in merged_timeline(cards) if e.kind is EventKind.EVENT]
    assert [(e.date.iso(), [c.id for c in e.cards]) for e in events] == [
        ("2021-09", ["icg"]),
        ("2021-09-30", ["rs", "ap", "icg"]),
        ("2021-09-30", ["icg"]),
    ]
    merged = events[1]
    assert (
        merged.text == "Four Russian attack helicopters arrive in Mali"
    )  # the oldest source's words
    assert [r.text for r in merged.reports][2].endswith("(year inferred)")


def test_one_card_never_merges_its_own_events() -> None:
    card = make_card(
        "a", "2022", timeline=[("2021", "Mali leaves the G5"), ("2021", "Mali leaves the G5")]
    )
    events = [e for e in merged_timeline([card]) if e.kind is EventKind.EVENT]
    assert len(events) == 2


def test_cards_of_skips_ids_the_catalog_no_longer_has() -> None:
    catalog = catalog_of([make_card("a", "2021"), make_card("b", "2022")])
    assert [c.id for c in cards_of(catalog, ["b", "gone", "a"])] == ["b", "a"]


@pytest.fixture(scope="module")
def shipped() -> MemoryCatalog:
    return MemoryCatalog(load_set(Path(SHIPPED_CARDS)))


def test_shipped_set_shows_where_the_three_sources_differ(shipped: MemoryCatalog) -> None:
    cards = [c for s in shipped.summaries() if (c := shipped.card(s.id)) is not None]
    result = compare(cards, shipped.info)
    assert [c.id for c in result.columns] == [
        "mali-wagner-leverage-2021",
        "crisis-group-mali-isolation-2023",
        "mali-sanctions-2023",
    ]
    why = result.row("topic:why-russia")
    assert why is not None
    assert why.stances == ("skeptical", "mixed")
    assert why.stances_differ
    assert why.silent == (2,)  # the sanctions article does not say why Mali turned to Russia
    west = result.row("topic:western-response")
    assert west is not None
    assert west.stances_differ
    assert result.rows_of(RowKind.RECOMMENDATIONS)
    timeline = merged_timeline(cards)
    assert len(timeline) == sum(len(c.timeline) for c in cards) + len(cards)
    assert date_order(cards) == list(result.columns)


def _merged_by_pairs(cards: list[Card]) -> list[tuple[str, list[tuple[str, str]]]]:
    """:func:`merged_timeline`'s clusters as its rule says them: each event against each."""
    groups: dict[PartialDate, list[list[tuple[str, str]]]] = {}
    for card in date_order(cards):
        for event in card.timeline:
            clusters = groups.setdefault(event.date, [])
            home = next(
                (
                    c
                    for c in clusters
                    if all(cid != card.id for cid, _ in c)
                    and any(same_event(text, event.event) for _, text in c)
                ),
                None,
            )
            if home is None:
                clusters.append([(card.id, event.event)])
            else:
                home.append((card.id, event.event))
    return [(d.iso(), c) for d, cs in groups.items() for c in cs]


WORDINGS = st.lists(
    st.sampled_from(["coup", "in", "mali", "niger", "sanction", "sanctions", "russia", "russian"]),
    min_size=1,
    max_size=5,
).map(" ".join)


#: Longer wordings, mostly of one-word groups: what the merge's filter by shared keys skips.
LONG_WORDINGS = st.lists(
    st.sampled_from(
        ["coup", "mali", "niger", "junta", "troops", "wagner", "leave", "leaves", "bamako", "au"]
    ),
    min_size=3,
    max_size=9,
).map(" ".join)


@given(
    st.one_of(
        st.lists(
            st.lists(st.tuples(st.sampled_from(["2021", "2021-09", "2022"]), WORDINGS), max_size=4),
            min_size=1,
            max_size=5,
        ),
        st.lists(
            st.lists(st.tuples(st.just("2021"), LONG_WORDINGS), max_size=3),
            min_size=2,
            max_size=6,
        ),
    )
)
@example(
    [[("2021", "coup mali niger junta troops")], [("2021", "coup mali niger junta au bamako")]]
)
def test_the_merged_timeline_merges_exactly_as_comparing_every_pair_would(
    timelines: list[list[tuple[str, str]]],
) -> None:
    cards = [make_card(f"c{i}", "2023", timeline=t) for i, t in enumerate(timelines)]
    merged = [
        (e.date.iso(), [(r.card.id, r.text) for r in e.reports])
        for e in merged_timeline(cards)
        if e.kind is EventKind.EVENT
    ]
    assert sorted(merged) == sorted(_merged_by_pairs(cards))


class StoppedError(Exception):
    """What a superseded request's checkpoint raises."""


def test_the_first_entries_come_before_later_dates_are_merged() -> None:
    cards = [
        make_card(f"c{i}", "2023", timeline=[(str(1900 + i), f"Event {i}")]) for i in range(300)
    ]
    calls: list[int] = []
    entries = timeline_entries(cards, lambda: calls.append(1))
    first = next(entries)
    assert (first.date.iso(), first.text) == ("1900", "Event 0")
    early = len(calls)
    rest = list(entries)
    assert len(calls) > early  # the later dates were merged only when asked for
    assert (first, *rest) == merged_timeline(cards)


def test_merging_timelines_stops_when_its_checkpoint_raises() -> None:
    cards = [make_card(f"c{i}", "2023", timeline=[("2022", f"Event {i}")]) for i in range(200)]
    calls: list[int] = []

    def checkpoint() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise StoppedError

    with pytest.raises(StoppedError):
        merged_timeline(cards, checkpoint)
    assert len(calls) == 2
    assert len(merged_timeline(cards, lambda: None)) == len(merged_timeline(cards))
