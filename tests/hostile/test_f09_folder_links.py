"""F9: a link to a folder is followed only when it stays inside the set folder.

``os.walk(followlinks=True)`` once followed any link: a link to ``/`` made ``check``, the
index and the window parse every ``*.yaml`` on the machine.
"""

from __future__ import annotations

from pathlib import Path

from reader.app.watcher import watch_targets
from tests.hostile.conftest import Cli, assert_no_traceback, write_cards

IDS = ("card-a", "card-b", "card-c")


def linked_set(tmp_path: Path) -> Path:
    """Three cards, one more behind a link inside the set, and links leading out of it."""
    root = write_cards(tmp_path / "set", *IDS[:2])
    write_cards(root / "archive", IDS[2])
    (root / "shortcut").symlink_to("archive")  # inside: followed (its card counted once)
    write_cards(tmp_path / "elsewhere", "outside")
    (root / "elsewhere").symlink_to(tmp_path / "elsewhere")
    (root / "everything").symlink_to("/")
    (root / "up").symlink_to("..")
    return root


def test_check_warns_about_links_out_of_the_set_and_does_not_follow_them(
    cli: Cli, tmp_path: Path
) -> None:
    root = linked_set(tmp_path)
    result = cli("check", root, timeout=30)
    assert_no_traceback(result)
    lines = result.stdout.splitlines()
    warned = [line.split(":", 1)[0] for line in lines if ": warning: this link leads" in line]
    assert warned == ["elsewhere", "everything", "up"]
    assert (
        "everything:1:1: warning: this link leads to a folder outside the set (/), so it is not "
        "followed; copy or move the cards into the set folder instead"
    ) in lines
    assert lines[-1].startswith("3 cards, 0 errors, 3 warnings")
    assert result.returncode == 0


def test_the_index_applies_the_same_rule(cli: Cli, tmp_path: Path) -> None:
    root = linked_set(tmp_path)
    indexed = cli("index", root, timeout=30)
    assert indexed.stdout.startswith("3 cards, 0 errors, 3 warnings;"), indexed.stderr
    found = cli("search", root, "", timeout=30)
    assert set(found.stdout.split()) == set(IDS)
    for result in (indexed, found):
        assert_no_traceback(result)


def test_the_window_watches_only_the_folders_it_reads(tmp_path: Path) -> None:
    # The watcher had a walk of its own that still followed every link (up to 4,096 folders).
    root = linked_set(tmp_path)
    targets = watch_targets(root)
    assert str(root / "archive") in targets.folders
    assert str(root / "archive" / "card-c.yaml") in targets.files
    outside = tmp_path / "elsewhere"
    assert not any(
        Path(path).resolve().is_relative_to(outside) or Path(path).resolve() == Path("/")
        for path in (*targets.folders, *targets.files)
    )
    assert not any(Path(folder).name in {"everything", "up"} for folder in targets.folders)
