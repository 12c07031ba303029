"""The card's evidence in the window: the header's source status, Locate… remembered per set,
``--sources`` for a run, the health marks, the overview's totals and the Problems panel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reader.cards.model import Card
from reader.ui.main_window import MainWindow
from reader.ui.reading import evidence as evidence_module
from reader.ui.reading import source_checks
from tests.conftest import SHARED_SOURCES
from tests.ui.conftest import MakeWindow, settings_at
from tests.ui.evidence_support import (
    DAM,
    DAM_WRONG,
    ORCHARD,
    click_link,
    copy_evidence,
    marks,
    open_checked,
)

AVAILABLE = "Source text available — report.txt"
NOT_FOUND = "Source not found — sources/report.txt Locate…"


def header(window: MainWindow) -> str:
    return " ".join(window.card_view.toPlainText().split())


def moved_sources(tmp_path: Path) -> tuple[Path, Path]:
    """The evidence set with its sources moved out of it: (set, the folder that has them)."""
    root = copy_evidence(tmp_path / "evidence")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.move(root / "sources", elsewhere / "sources")
    return root, elsewhere


def test_the_header_says_whether_the_source_is_available(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root = copy_evidence(tmp_path / "evidence")
    card = (root / "dam-report.yaml").read_text("utf-8")
    (root / "no-file.yaml").write_text(
        card.replace("id: dam-report", "id: no-file").replace('  file: "sources/report.txt"\n', ""),
        "utf-8",
    )
    (root / "gone.yaml").write_text(
        card.replace("id: dam-report", "id: gone").replace("report.txt", "gone.txt"), "utf-8"
    )
    window = make_window(root)
    open_checked(qtbot, window, DAM)
    assert AVAILABLE in header(window)
    window.session.open_card("gone")
    assert "Source not found — sources/gone.txt Locate…" in header(window)
    assert marks(window.card_view.document())[0] == (
        "○",
        "Unverifiable: the source text is not available",
    )
    window.session.open_card("no-file")
    assert "No source file given" in header(window)


def test_show_source_in_the_header_opens_the_pane(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence"))
    open_checked(qtbot, window, DAM)
    click_link(qtbot, window, "source:show")
    assert window.sources.pane.isVisible()
    qtbot.waitUntil(lambda: window.sources.pane.title.text() == "sources/report.txt")


def test_locate_is_remembered_for_the_set(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings_file: Path,
) -> None:
    root, elsewhere = moved_sources(tmp_path)
    other = copy_evidence(tmp_path / "other")
    shutil.rmtree(other / "sources")
    asked: list[str] = []

    def choose(_parent: object, title: str, _start: str) -> str:
        asked.append(title)
        return str(elsewhere)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
    window = make_window(root)
    window.session.open_card(DAM)
    assert NOT_FOUND in header(window)
    click_link(qtbot, window, "source:locate")
    assert asked == ["Locate the Source Texts"]
    qtbot.waitUntil(lambda: AVAILABLE in header(window))
    qtbot.waitUntil(lambda: "✓" in header(window))
    assert settings_at(settings_file).source_folder(root) == elsewhere.resolve()

    window.open_set(other)  # another set: not its folder
    qtbot.waitUntil(
        lambda: (
            window.session.catalog is not None and window.session.catalog.root == other.resolve()
        )
    )
    window.session.open_card(DAM)
    assert NOT_FOUND in header(window)
    window.open_set(root)  # back: remembered
    qtbot.waitUntil(
        lambda: window.session.catalog is not None and window.session.catalog.root == root.resolve()
    )
    window.session.open_card(DAM)
    assert AVAILABLE in header(window)


def test_sources_for_the_run_are_looked_in(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    root, elsewhere = moved_sources(tmp_path)
    window = make_window()
    window.sources.evidence.set_run_folder(elsewhere)
    window.open_set(root)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    open_checked(qtbot, window, DAM)
    assert AVAILABLE in header(window)
    # Export to PDF… looks there too, for the evidence appendix.
    assert window.export_context().sources == elsewhere


def test_each_item_carries_its_health_mark(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence"))
    open_checked(qtbot, window, DAM_WRONG)
    assert marks(window.card_view.document()) == [
        ("⚠", "Suspect: argument 1 cites §III ¶3, but its claim and support match §I ¶1 best"),
        ("⚠", "Suspect: argument 2 cites §I ¶2; §I ¶2–3 covers its support"),
        ("⚠", "Suspect: recommendation 1 cites §II ¶3, but its action matches §III ¶3 best"),
        ("⚠", "Suspect: quote 1 is in §I ¶2, not §I ¶3"),
    ]
    open_checked(qtbot, window, DAM)
    assert {sign for sign, _ in marks(window.card_view.document())} == {"✓"}
    assert len(marks(window.card_view.document())) == 6


def test_the_overview_and_the_problems_panel_show_the_sets_evidence(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence", sources_line=True))
    qtbot.waitUntil(lambda: window.sources.evidence.set_health is not None)
    text = header(window)
    assert "Evidence: ✓ 10 verified · ⚠ 6 suspect · ○ 0 unverifiable" in text
    assert "(source texts found for 4 of 4 cards)" in text
    messages = [p.message for p in window.problems.model.problems()]
    assert "quote 1 is in §I ¶2, not §I ¶3" in messages
    assert "argument 2 cites ¶1, but its claim and support match ¶3 best" in messages
    assert len(messages) == 6
    assert "6 warnings" in window.status.problems.text() or "error" in window.status.problems.text()


def test_a_small_set_is_scanned_without_a_sources_folder(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    # Its texts sit in the set folder (sources/report.txt, named by the cards themselves).
    window = make_window(copy_evidence(tmp_path / "evidence"))
    qtbot.waitUntil(lambda: window.sources.evidence.set_health is not None)
    assert "Evidence: ✓ 10 verified · ⚠ 6 suspect · ○ 0 unverifiable" in header(window)


def test_without_a_sources_folder_a_large_set_is_not_scanned(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(evidence_module, "SCAN_ANY_SET", 3)  # the set has 4 cards
    window = make_window(copy_evidence(tmp_path / "evidence"))
    assert window.sources.evidence.set_health is None
    assert not window.sources.evidence.scanning
    assert "Evidence:" not in header(window)
    open_checked(qtbot, window, ORCHARD)  # a card's own evidence is still checked


def test_show_item_opens_the_card_at_its_passage(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(copy_evidence(tmp_path / "evidence"))
    window.session.open_card(ORCHARD)
    window.show_item(DAM, "quotes", 0)
    assert window.card_view.card_id == DAM
    assert window.sources.pane.isVisible()
    qtbot.waitUntil(lambda: window.sources.pane.highlighted() == ["§I ¶2"])
    position = window.card_view.anchor_position("item-quotes-0")
    assert window.card_view.textCursor().position() == position
    window.commands.back.trigger()
    assert window.card_view.card_id == ORCHARD


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the shipped set's sources are not here")
def test_every_shipped_locator_shows_its_passage(
    qtbot: QtBot, make_window: MakeWindow, card_set: Path
) -> None:
    """The acceptance path on the shipped set: any card, any locator, its passage."""
    window = make_window()
    window.sources.evidence.set_run_folder(SHARED_SOURCES)
    window.open_set(card_set)
    qtbot.waitUntil(lambda: window.session.catalog is not None and not window.sets.busy)
    catalog = window.session.catalog
    assert catalog is not None
    pane = window.sources.pane
    for summary in catalog.summaries():
        open_checked(qtbot, window, summary.id)
        assert "⚠" not in header(window), summary.id  # the corrected cards are clean
        evidence = window.sources.evidence.lookup(catalog.card(summary.id))  # type: ignore[arg-type]
        assert evidence.source is not None
        for field in ("argument", "recommendations", "quotes"):
            for index, item in enumerate(getattr(evidence.card, field)):
                if item.where is None:
                    continue
                window.sources.show_cite(field, index)
                cited = evidence.source.resolve(item.where)
                assert isinstance(cited, list)
                expected = [p.locator for p in cited]
                if field == "quotes":  # and where its words are
                    expected = sorted(
                        {*expected, *(p.locator for p in evidence.source.find(item.text))}
                    )
                assert sorted(pane.highlighted()) == sorted(expected), (summary.id, field, index)


def test_an_edit_checks_again_only_the_card_edited(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_evidence(tmp_path / "evidence", sources_line=True)
    window = make_window(root, debounce_ms=50)
    evidence = window.sources.evidence
    qtbot.waitUntil(lambda: evidence.set_health is not None)
    checked: list[str] = []
    scan_card = source_checks.scan_card

    def counting(card: Card, *args: object) -> object:
        checked.append(card.id)
        return scan_card(card, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(source_checks, "scan_card", counting)
    path = root / "dam-report-wrong.yaml"
    path.write_text(path.read_text("utf-8").replace('where: "§I ¶3"', 'where: "§I ¶2"'), "utf-8")
    qtbot.waitUntil(
        lambda: evidence.set_health is not None and len(evidence.set_health.problems) == 5,
        timeout=10000,
    )
    assert checked == [DAM_WRONG]
    assert "quote 1 is in §I ¶2, not §I ¶3" not in [
        p.message for p in window.problems.model.problems()
    ]
