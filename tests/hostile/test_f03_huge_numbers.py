"""F3: a number in a card with thousands of digits is a diagnostic; the rest of the set loads.

Python's ``int()`` refuses more than 4,300 digits with an exception: a ``source.lines`` of
5,000 digits once crashed ``check`` and ``index`` and left the window without any card.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from reader.ui.main_window import MainWindow
from tests.hostile.conftest import Cli, assert_no_traceback, card_text, window_ids, write_cards

IDS = ("card-a", "card-b", "card-c")
HUGE = "9" * 5000


def with_source(card_id: str, extra: str) -> str:
    """A valid card whose ``source`` mapping also holds ``extra`` (indented lines)."""
    return card_text(card_id).replace("  kind: report\n", f"  kind: report\n{extra}")


def huge_lines_set(tmp_path: Path) -> Path:
    root = write_cards(tmp_path / "set", *IDS)
    (root / "huge.yaml").write_text(with_source("huge", f'  lines: "1-{HUGE}"\n'), "utf-8")
    return root


def test_check_and_index_report_the_value_and_keep_the_set(run_main: Cli, tmp_path: Path) -> None:
    root = huge_lines_set(tmp_path)
    checked = run_main("check", root, "--format", "json")
    assert_no_traceback(checked)
    assert checked.returncode == 1
    (problem,) = json.loads(checked.stdout)
    assert (problem["path"], problem["line"], problem["column"]) == ("huge.yaml", 8, 10)
    assert problem["message"].startswith(
        "`lines` must be a line range like 11-33 (line numbers of at most 9 digits), not '1-999"
    )
    assert len(problem["message"]) < 200  # the value is quoted shortened, not 5,000 digits
    indexed = run_main("index", root)
    assert_no_traceback(indexed)
    assert indexed.stdout.startswith("3 cards, 1 error, 0 warnings;"), indexed.stderr
    found = run_main("search", root, "")
    assert set(found.stdout.split()) == set(IDS)


def test_a_huge_paragraph_number_in_a_locator_is_a_diagnostic(
    run_main: Cli, tmp_path: Path
) -> None:
    root = write_cards(tmp_path / "set", *IDS)
    (root / "source.txt").write_text("The one paragraph of the source.\n", encoding="utf-8")
    card = with_source("located", '  file: "source.txt"\n').replace(
        '  - claim: "A claim."\n', f'  - claim: "A claim."\n    where: "¶{HUGE}"\n'
    )
    (root / "located.yaml").write_text(card, encoding="utf-8")
    checked = run_main("check", root, "--format", "json")
    assert_no_traceback(checked)
    (problem,) = json.loads(checked.stdout)
    assert (problem["path"], problem["line"], problem["column"]) == ("located.yaml", 13, 12)
    assert problem["message"].startswith("'¶999")
    assert problem["message"].endswith(
        "' is not a locator like ¶7, ¶7–8, §III, §III ¶2 or a list of them (¶4, ¶7)"
    )


def test_the_window_shows_the_rest_of_the_set(
    indexed_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    window = indexed_window(huge_lines_set(tmp_path))
    assert window_ids(window) == set(IDS)
    catalog = window.session.catalog
    assert catalog is not None
    assert [(p.path, p.line) for p in catalog.problems] == [("huge.yaml", 8)]
