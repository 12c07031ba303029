"""F5: ``export -o`` never destroys a file: not a card, the set file or a source of the set,
nothing in the set folder but a PDF, no FIFO or device; a link is written through, and the
message names the file written. Before, all of these were replaced with exit 0 (as root, ``-o
/dev/null`` replaced the system's /dev/null).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.app.export_request import ExportContext
from reader.cards.catalog import MemoryCatalog
from reader.cards.load import load_set
from reader.qt.compat import protect_none
from reader.ui.export.pdf_export import PdfExport
from tests.conftest import SHIPPED_CARDS
from tests.hostile.conftest import Cli, assert_no_traceback

CARD = "mali-sanctions-2023.yaml"
SOURCE = "002_474377d511f1406b.txt"  # the card's source.file
OLD = b"%PDF-1.4 an earlier export\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """One shipped card and the set file (quick to export), with the card's source text."""
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("cardset.yaml", CARD):
        shutil.copy(SHIPPED_CARDS / name, folder / name)
    (folder / SOURCE).write_text("The text of the source.\n", encoding="utf-8")
    return folder


def refused(cli: Cli, root: Path, target: Path, reason: str) -> None:
    """``export root -o target`` exits 1 with one line naming ``reason``."""
    result = cli("export", root, "-o", target)
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"cannot write {target}: {reason}; nothing was written" in line


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        (CARD, "it is a card of the set being exported"),
        ("cardset.yaml", "it is the set file of the set being exported"),
        (SOURCE, "it is a source text of the set being exported"),
        ("notes.txt", "it is in the folder of the set being exported and is not a .pdf"),
        ("new.yaml", "it is in the folder of the set being exported and is not a .pdf"),
    ],
)
def test_files_of_the_set_are_refused(run_main: Cli, root: Path, name: str, reason: str) -> None:
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    refused(run_main, root, root / name, reason)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_a_link_from_outside_to_a_card_is_refused(
    run_main: Cli, root: Path, tmp_path: Path
) -> None:
    link = tmp_path / "book.pdf"
    link.symlink_to(root / CARD)
    before = (root / CARD).read_bytes()
    refused(run_main, root, link, "it is a card of the set being exported")
    assert link.is_symlink()
    assert (root / CARD).read_bytes() == before


def test_a_link_is_written_through_and_the_message_names_the_file(
    cli: Cli, root: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real" / "book.pdf"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    result = cli("export", root, "-o", link)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"%PDF-")
    assert real.read_bytes() != OLD
    assert f"written to {real} (through the link {link})" in result.stdout
    assert sorted(p.name for p in real.parent.iterdir()) == ["book.pdf"]


def test_a_pdf_in_the_set_folder_may_be_written(run_main: Cli, root: Path) -> None:
    result = run_main("export", root, "-o", root / "book.pdf")
    assert result.returncode == 0, result.stderr
    assert (root / "book.pdf").read_bytes().startswith(b"%PDF-")


def test_a_fifo_is_refused_not_replaced(cli: Cli, root: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    refused(cli, root, fifo, "it is a named pipe (FIFO), which an export never replaces")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def a_device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device made here, like /dev/null (minor 3) or /dev/full (minor 7).

    Never the system's own: if the refusal ever broke, a test run as root would replace them.
    Only root may make one (and not in every container).
    """
    node = tmp_path / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


@pytest.mark.parametrize(("name", "minor"), [("null", 3), ("full", 7)])
def test_a_device_is_refused_directly_or_through_a_link(
    run_main: Cli, root: Path, tmp_path: Path, name: str, minor: int
) -> None:
    node = a_device(tmp_path, name, minor)
    refused(run_main, root, node, "it is a device, which an export never replaces")
    link = tmp_path / "out.pdf"
    link.symlink_to(node)
    refused(run_main, root, link, "it is a device, which an export never replaces")
    assert stat.S_ISCHR(node.lstat().st_mode)
    assert link.is_symlink()


def test_the_window_refuses_a_device_too(qtbot: QtBot, tmp_path: Path) -> None:
    """The export dialog writes through the same AtomicFile, so it refuses the same targets."""
    protect_none()
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    window = QWidget()
    qtbot.addWidget(window)
    catalog = MemoryCatalog(load_set(SHIPPED_CARDS))
    export = PdfExport(
        window,
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
        lambda: ExportContext(catalog),  # type: ignore[call-arg]
        choose_path=lambda parent, suggestion: fifo,
        open_file=lambda path: None,
    )
    export.export_pdf()
    assert export.options is not None
    with qtbot.waitSignal(export.failed, timeout=60_000) as failed:
        export.options.accept()
    assert "it is a named pipe (FIFO)" in failed.args[0]
    assert "Nothing was written" in failed.args[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    qtbot.waitUntil(lambda: not export.busy)
    assert export.message is not None
    export.message.close()
