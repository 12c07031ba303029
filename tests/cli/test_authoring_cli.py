"""`new` and `tag rename` as a user meets them: output, exit codes, files written or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main


def test_new_prints_the_path_last_and_check_lists_the_fields_left(
    card_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = card_set / "source.txt"
    source.write_text("Wagner in the Sahel\n\nText.\n")
    assert main(["new", str(card_set), "--source", str(source)]) == 0
    path = Path(capsys.readouterr().out.splitlines()[-1])
    assert path == card_set / "wagner-in-the-sahel.yaml"
    assert 'file: "source.txt"' in path.read_text()
    assert main(["check", str(card_set)]) == 1
    out = capsys.readouterr().out
    assert "wagner-in-the-sahel.yaml:" in out
    assert "`thesis`: placeholder text left — replace 'TODO: " in out
    assert main(["new", str(card_set), "--id", "wagner-in-the-sahel"]) == 2
    assert "already used" in capsys.readouterr().err


def test_tag_rename_prints_each_file_and_dry_run_writes_nothing(
    card_set: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in card_set.iterdir()}
    assert main(["tag", "rename", str(card_set), "actor", "org", "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "crisis-group-mali-isolation-2023.yaml",
        "mali-sanctions-2023.yaml",
        "mali-wagner-leverage-2021.yaml",
        "cardset.yaml",
        "would rename 'actor' to 'org' in 4 files (25 occurrences)",
    ]
    assert {p: p.read_bytes() for p in card_set.iterdir()} == before
    assert main(["tag", "rename", str(card_set), "actor", "org"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("renamed 'actor' to 'org'")
    sanctions = (card_set / "mali-sanctions-2023.yaml").read_text()
    assert "  - org/wagner\n" in sanctions
    assert "actor/" not in sanctions
    assert main(["check", str(card_set)]) == 0
    assert main(["tag", "rename", str(card_set), "actor", "org"]) == 2
    assert "no card or set file uses the tag 'actor'" in capsys.readouterr().err
