"""``--install-desktop`` puts a working launcher entry, icons and metainfo in the user's data
folder, in the freedesktop layout; ``--uninstall-desktop`` takes exactly them away."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.desktop import _exec_arg, desktop_entry
from tests.conftest import REPO

DESKTOP = REPO / "resources" / "desktop" / "briefing-reader.desktop"
METAINFO = REPO / "resources" / "desktop" / "briefing-reader.metainfo.xml"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def _validate(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_install_and_uninstall_for_this_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "applications").mkdir()
    (tmp_path / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    assert main(["--install-desktop"]) == 0
    assert "installed 12 files" in capsys.readouterr().out

    installed = tmp_path / "applications" / "briefing-reader.desktop"
    entry = _entry(installed)
    assert entry["Name"] == "Briefing Reader"
    assert entry["Icon"] == "briefing-reader"
    command, field = entry["Exec"].rsplit(" ", 1)
    assert field == "%f"
    assert Path(command.split(" ")[0]).is_file()  # this installation's, by full path
    icons = tmp_path / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "briefing-reader.svg").is_file()
    for size in (16, 32, 48, 256, 512):
        assert (icons / f"{size}x{size}" / "apps" / "briefing-reader.png").is_file()
    metainfo = (tmp_path / "metainfo" / "briefing-reader.metainfo.xml").read_text()
    assert '<launchable type="desktop-id">briefing-reader.desktop</launchable>' in metainfo
    if shutil.which("desktop-file-validate"):
        result = _validate("desktop-file-validate", str(installed))
        assert result.returncode == 0, result.stdout + result.stderr

    assert main(["--uninstall-desktop"]) == 0
    assert "removed 12 files" in capsys.readouterr().out
    left = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert left == [Path("applications/other.desktop")]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_shipped_entry_is_valid() -> None:
    result = _validate("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_has_no_errors() -> None:
    # One warning stays: the id is not reverse-DNS, as it must match the .desktop file and the
    # window's app id (briefing-reader), and the project owns no domain to reverse.
    result = _validate("appstreamcli", "validate", "--no-net", str(METAINFO))
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == ["W: briefing-reader:3: cid-desktopapp-is-not-rdns briefing-reader"]


def test_exec_quotes_what_the_spec_says() -> None:
    assert _exec_arg("/usr/bin/briefing-reader") == "/usr/bin/briefing-reader"
    assert _exec_arg("/home/a b/$x/bin") == '"/home/a b/\\\\$x/bin"'
    entry = desktop_entry("Exec=briefing-reader %f\nTryExec=briefing-reader\n", ["/o p/br"])
    assert entry == 'Exec="/o p/br" %f\nTryExec="/o p/br"\n'
