"""A non-editable install carries the shipped cards and resources and finds them from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def _pip(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
        check=True,
        cwd=cwd,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )


def test_wheel_install_checks_the_shipped_set_from_anywhere(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    _pip("wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO), cwd=tmp_path)
    [wheel] = wheels.glob("briefing_reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "reader/_data/cards/cardset.yaml",
        "reader/_data/cards/README.md",
        "reader/_data/resources/briefing-card.schema.json",
        "reader/_data/resources/briefing-set.schema.json",
        "reader/_data/resources/desktop/briefing-reader.desktop",  # --install-desktop's files
        "reader/_data/resources/desktop/briefing-reader.metainfo.xml",
        "reader/_data/resources/icons/briefing-reader.svg",
        "reader/_data/resources/icons/hicolor/512x512/apps/briefing-reader.png",
        "reader/_data/resources/icons/go-previous.svg",
    } <= names
    assert sum(n.startswith("reader/_data/cards/") and n.endswith(".yaml") for n in names) == 4

    site = tmp_path / "site"
    _pip("install", "--no-deps", "--target", str(site), str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, reader, reader.cli; print(reader.__file__); "
            "sys.exit(reader.cli.main(['check']))",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    installed_from, summary = result.stdout.splitlines()[:2]
    assert installed_from.startswith(str(site))
    assert summary.startswith("3 cards, 0 errors, 0 warnings")
