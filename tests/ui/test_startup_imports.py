"""What opening the window imports: only what its first paint needs (#17 §4).

The comparison views, the card editor, the Help windows, the set-wide edit dialogs and the
PDF export load when first asked for (the comparison views' modules, too, once the window
has been idle for 1.2 s after the set's last catalog: not before its first paint, see
reader/ui/compare/preload.py). The comparison workspace itself is made on first use or once
the listed window has painted (reader/ui/compare_page.py). One fresh interpreter opens the
window on the shipped cards, notes its modules when the list has just been filled, waits for
the load to end, paints, and reports which of those modules it holds: an import added back at
start-up shows here, not only as a slower `make bench`.

A second interpreter opens the set warm (indexed before), as a large set without a sources
folder (the evidence pane scans it only on request), and checks that the card parser is made
ready (jsonschema imported, the validators compiled) only after the list (reader/app/
parser_gate.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index import open_index
from tests.conftest import REPO, SHIPPED_CARDS
from tests.support.once import made_once

SCRIPT = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from reader.ui.main_window import MainWindow, settings_at
RARE_QT_CLASSES = ("QMessageBox", "QInputDialog", "QFileDialog", "QWizard", "QMdiArea")
from reader.ui.reading import evidence

if sys.argv[3] == "large":
    evidence.SCAN_ANY_SET = 0  # as for a set of more cards than that, with no sources folder
app = QApplication([])
window = MainWindow(settings_at(Path(sys.argv[2]) / "s.ini"))
at_listing = []
# After the window's own handler (connected first): the list has just been filled.
def listed(*_):
    if not at_listing:
        schema = sys.modules.get("reader.cards.schema")  # none before the parser is ready
        made = schema._fast_validator.cache_info().currsize if schema else 0
        compiled = [f"validator {n}" for n in range(made)]
        widgets = sys.modules["PySide6.QtWidgets"].__dict__  # the classes PySide6 has made
        made_classes = [f"Qt class {name}" for name in RARE_QT_CLASSES if name in widgets]
        at_listing.append(sorted(sys.modules) + compiled + made_classes)
window.sets.ready.connect(listed)
window.show()
window.open_set(Path(sys.argv[1]))
deadline = time.monotonic() + 60
while window.session.catalog is None or window.sets.busy:
    if time.monotonic() > deadline:
        sys.exit("the set never loaded")
    app.processEvents()
window.repaint()
app.processEvents()
listed = len(window.list_pane.visible_ids())
print(json.dumps({"listed": listed, "modules": sorted(sys.modules), "at_listing": at_listing[0]}))
"""

#: Modules the window has not imported when it lists its first set: the comparison workspace
#: and what comes with it (Export Table…, the views' jobs and preload) are made on first use
#: or once the window has painted the list (reader/ui/compare_page.py); the comparison's
#: analysis too (the commands' states need only reader.analysis.compare_rules).
NOT_AT_LISTING = (
    "reader.analysis.side_by_side",
    "reader.ui.compare.workspace",
    "reader.ui.compare.export_table",
    "reader.ui.compare.preload",
    "reader.ui.compare.jobs",
    "reader.app.table_export",
    "reader.export.tables",
    # Made or imported on first use, or on the turn after the list: the source pane and
    # what works on it (capture, the article's range), the set-wide edits' planners, the
    # external editor's command line, the drafts offered back, the print preview.
    "reader.ui.reading.source_pane",
    "reader.ui.reading.source_view",
    "reader.ui.reading.quote_capture",
    "reader.ui.capture",
    "reader.ui.article_range",
    "reader.ui.reading.stand_in",
    "reader.authoring.plan",
    "reader.authoring.tags",
    "reader.app.external_editor",
    "reader.ui.editor.drafts",
    "PySide6.QtPrintSupport",
    # The set watcher's inotify (ctypes) or Qt backend: made by its first watch, at the load's
    # end (reader/app/watcher.py).
    "reader.app.folder_events",
    "reader.app.qt_watches",
)

#: Modules the first window must not import: each loads on first use.
LAZY = (
    "reader.ui.compare.compare_view",
    "reader.ui.compare.matrix",
    "reader.ui.compare.ledger",
    "reader.ui.compare.timeline",
    "reader.ui.compare.timeline_model",
    "reader.ui.editor.card_editor",
    "reader.ui.editor.form",
    "reader.ui.help.about",
    "reader.ui.help.guide",
    "reader.ui.help.shortcuts",
    "reader.ui.plan_preview",
    "reader.ui.topics_dialog",
    "reader.ui.new_files",
    "reader.ui.preferences_dialog",
    "reader.authoring.skeleton",
    "reader.ui.export.pdf_export",
    "reader.ui.export.dialog",
    "reader.app.export_request",
    "reader.export.book",
    "reader.export.pdf",
    "pypdf",
    "openpyxl",
)


#: What the window's first listing of a warm set must not have loaded: the card parser is made
#: ready after it. A "validator N" is the Nth of the parser's compiled validators: none is made
#: by then (the overview is shown, and the Loading line names the set by its folder until the
#: parser is ready, reader/ui/reading/status_bar.py). Nor is YAML imported, or the modules that
#: parse (the index reaches them through reader/index/_parser.py), or fastjsonschema.
NOT_BEFORE_THE_PAINT = (
    "jsonschema",
    "validator 0",
    "validator 1",
    "yaml",
    "yaml._yaml",
    "fastjsonschema",
    "reader.cards.card_file",
    "reader.cards.schema",
    "reader.cards.set_file",
    "reader.cards.safe_yaml",
    "reader.cards.plain_yaml",
    "reader.cards.load",
    "reader.index._parse",
    # The card model and what builds model objects from the index come with the parser: a
    # warm listing needs only the set's declarations (reader.cards.set_info).
    "reader.cards.model",
    "reader.cards.assembly",
    "reader.index._projection",
)


def open_shipped_set(factory: pytest.TempPathFactory, how: str) -> tuple[int, set[str], set[str]]:
    """The cards listed, the modules loaded once the window shows the shipped set, and those
    loaded when it had just listed it (one interpreter for the whole run: made_once). With
    ``how`` "large", the set is indexed first and the window treats it as a large one."""

    def open_window(scratch: Path) -> None:
        if how == "large":
            open_index(SHIPPED_CARDS, cache_dir=scratch / "cache")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "BRIEFING_READER_CACHE_DIR": str(scratch / "cache"),
            "XDG_CONFIG_HOME": str(scratch / "config"),
        }
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(SHIPPED_CARDS), str(scratch), how],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        (scratch / "report.json").write_text(done.stdout.strip().splitlines()[-1], "utf-8")

    folder = made_once(factory, f"startup-imports-{how}", open_window)
    report = json.loads((folder / "report.json").read_text("utf-8"))
    return report["listed"], set(report["modules"]), set(report["at_listing"])


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, set[str], set[str]]:
    return open_shipped_set(tmp_path_factory, "cold")


def test_the_open_window_has_not_imported_what_loads_on_first_use(
    opened: tuple[int, set[str], set[str]],
) -> None:
    listed, modules, _ = opened
    assert listed > 0  # the window did show the set
    assert sorted(m for m in LAZY if m in modules) == []


def test_the_window_lists_a_set_before_it_makes_the_comparison_workspace(
    opened: tuple[int, set[str], set[str]],
) -> None:
    _, _, at_listing = opened
    assert sorted(m for m in NOT_AT_LISTING if m in at_listing) == []


def test_the_window_lists_a_set_before_pyside6_makes_classes_only_rare_paths_use(
    opened: tuple[int, set[str], set[str]],
) -> None:
    """PySide6 makes a class's type and enums when it is first named (2-6 ms for the three
    dialogs), and every QtWidgets class when asked for the type of a widget Qt made that it
    has no wrapper for (QWizard, QMdiArea: 5 ms; the tag tree's viewport did that)."""
    _, _, at_listing = opened
    assert sorted(m for m in at_listing if m.startswith("Qt class ")) == []


def test_the_check_sees_the_parts_that_do_load_at_start(
    opened: tuple[int, set[str], set[str]],
) -> None:
    # The comparison controller, its page and the authoring commands' owner are made with
    # the window: a check that saw none of their packages would prove nothing about the lazy
    # ones. The snapshot at listing is taken once the list is filled.
    _, _, at_listing = opened
    assert {"reader.ui.compare.controller", "reader.ui.compare_page"} <= at_listing
    assert {"reader.ui.authoring", "reader.ui.reading.card_list"} <= at_listing


def test_a_warm_open_lists_the_set_before_it_makes_the_parser_ready(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    listed, modules, at_listing = open_shipped_set(tmp_path_factory, "large")
    assert listed > 0
    assert sorted(m for m in NOT_BEFORE_THE_PAINT if m in at_listing) == []
    assert sorted(m for m in at_listing if m.startswith("yaml.")) == []
    # Made ready once the list was painted (the load went on past the parser's gate): the
    # check sees them when they are there.
    assert {m for m in NOT_BEFORE_THE_PAINT if not m.startswith("validator")} <= modules
