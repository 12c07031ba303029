"""The folder watcher: one debounced signal per burst of changes, whatever the editor does."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app import watcher as watcher_module
from reader.app.folder_events import FolderEvents
from reader.app.watcher import Changes, SetWatcher, WatchTargets, watch_targets

CARD = "crisis-group-mali-isolation-2023.yaml"


@pytest.fixture(params=["folders", "qt"])
def either_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of watching: inotify's folder watches (Linux), and Qt's watch of each file,
    which the watcher uses where there is no inotify."""
    if request.param == "qt":
        monkeypatch.setattr(FolderEvents, "open", classmethod(lambda cls, parent=None: None))
    elif FolderEvents.open() is None:
        pytest.skip("no inotify here")
    return str(request.param)


def test_targets_cover_folders_cards_and_the_set_file(card_set: Path) -> None:
    (card_set / "sub" / "deeper").mkdir(parents=True)
    (card_set / ".git").mkdir()
    targets = watch_targets(card_set)
    assert str(card_set / "sub" / "deeper") in targets.folders
    assert str(card_set / ".git") not in targets.folders
    assert str(card_set / CARD) in targets.files
    assert str(card_set / "cardset.yaml") in targets.files


def test_a_burst_of_writes_is_one_change(qtbot: QtBot, either_way: str, card_set: Path) -> None:
    watcher = SetWatcher(debounce_ms=100)
    watcher.watch(watch_targets(card_set))
    changes: list[Changes] = []
    watcher.changed.connect(changes.append)
    path = card_set / CARD
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        for n in range(5):
            path.write_text(path.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.changed, wait=250):
        pass  # a second signal for the same burst would arrive within the debounce
    assert changes == [frozenset({str(path)})]


def test_a_save_by_rename_is_seen_and_rewatching_follows_the_new_file(
    qtbot: QtBot, either_way: str, card_set: Path
) -> None:
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(watch_targets(card_set))
    path = card_set / CARD
    temp = card_set / "tmp-save"
    temp.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=3000) as renamed:
        os.replace(temp, path)
    assert renamed.args == [frozenset({str(path)})]  # the temporary file was never a card
    watcher.watch(watch_targets(card_set))
    with qtbot.waitSignal(watcher.changed, timeout=3000), path.open("a") as handle:
        handle.write("# in place\n")


def test_rewatching_keeps_a_change_that_is_waiting_for_its_reload(
    qtbot: QtBot, card_set: Path
) -> None:
    watcher = SetWatcher(debounce_ms=300)
    targets = watch_targets(card_set)
    watcher.watch(targets)
    path = card_set / CARD
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        with path.open("a", encoding="utf-8") as handle:
            handle.write("# edit\n")
        qtbot.waitUntil(lambda: watcher.pending)  # the change is seen, its reload waits…
        watcher.watch(targets)  # …while an earlier load finishes and re-watches


def test_a_file_new_to_the_watch_that_changed_during_the_load_reloads_again(
    qtbot: QtBot, card_set: Path
) -> None:
    watcher = SetWatcher(debounce_ms=50)
    path = card_set / CARD
    started = time.time() - 10  # the load began before the file's last write…
    path.write_text(path.read_text(encoding="utf-8") + "# edit\n", encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        watcher.watch(WatchTargets((str(card_set),), (str(path),), since=started))
    assert changed.args == [frozenset({str(path)})]
    with qtbot.assertNotEmitted(watcher.changed, wait=200):
        watcher.watch(WatchTargets((str(card_set),), (str(path),), since=time.time() + 10))


def watched(root: Path) -> SetWatcher:
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(watch_targets(root))
    return watcher


def test_added_and_removed_cards_are_named(qtbot: QtBot, either_way: str, card_set: Path) -> None:
    watcher = watched(card_set)
    added = card_set / "new-card.yml"
    removed = card_set / CARD
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        added.write_text("format: briefing-card/1\n", encoding="utf-8")
        removed.unlink()
    assert changed.args == [frozenset({str(added), str(removed)})]


def test_a_card_moved_between_known_folders_names_both_paths(qtbot: QtBot, card_set: Path) -> None:
    (card_set / "archive").mkdir()
    watcher = watched(card_set)
    old, new = card_set / CARD, card_set / "archive" / CARD
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        old.rename(new)
    assert changed.args == [frozenset({str(old), str(new)})]


def test_a_new_or_removed_folder_means_check_everything(
    qtbot: QtBot, either_way: str, card_set: Path
) -> None:
    watcher = watched(card_set)
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        (card_set / "2024").mkdir()
    assert changed.args == [None]
    watcher.watch(watch_targets(card_set))
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        (card_set / "2024").rmdir()
    assert changed.args == [None]


def test_files_that_are_not_cards_change_nothing(qtbot: QtBot, card_set: Path) -> None:
    watcher = watched(card_set)
    said: list[Changes] = []
    watcher.changed.connect(said.append)
    (card_set / "notes.txt").write_text("to do", encoding="utf-8")
    (card_set / f".{CARD}.swp").write_text("swap", encoding="utf-8")
    qtbot.wait(250)  # the debounce, and more
    # Through inotify nothing is said; through Qt the folder's event names no file.
    assert said in ([], [frozenset()])


def test_a_change_to_the_set_file_is_named(qtbot: QtBot, card_set: Path) -> None:
    watcher = watched(card_set)
    set_file = card_set / "cardset.yaml"
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed, set_file.open("a") as f:
        f.write("# a comment\n")
    assert changed.args == [frozenset({str(set_file)})]


def test_a_large_watch_is_done_a_slice_at_a_time_and_misses_nothing(
    qtbot: QtBot, either_way: str, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watcher_module, "WATCH_SLICE", 2)
    monkeypatch.setattr(watcher_module, "CHECK_SLICE", 2)
    for n in range(6):
        (card_set / f"extra-{n}.yaml").write_text("format: briefing-card/1\n", encoding="utf-8")
    targets = watch_targets(card_set, since=time.time() + 10)
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(targets)
    assert watcher.adding  # the window's turn is not held for the rest…
    qtbot.waitUntil(lambda: not watcher.adding)  # …which follows
    last = max(targets.files)  # sorted: done in the last slice
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed, open(last, "a") as f:
        f.write("# in place\n")
    assert changed.args == [frozenset({last})]


def test_a_file_changed_during_the_load_is_noted_from_a_later_slice(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watcher_module, "WATCH_SLICE", 1)
    path = card_set / CARD
    path.write_text(path.read_text(encoding="utf-8") + "# edit\n", encoding="utf-8")
    files = (str(card_set / "cardset.yaml"), str(path))  # the card second: a later slice
    watcher = SetWatcher(debounce_ms=50)
    with qtbot.waitSignal(watcher.changed, timeout=3000) as changed:
        watcher.watch(WatchTargets((), files, since=time.time() - 10))
    assert str(path) in changed.args[0]


def test_stopping_ends_a_watch_still_being_added(
    qtbot: QtBot, card_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watcher_module, "WATCH_SLICE", 1)
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(watch_targets(card_set))
    watcher.stop()
    with qtbot.assertNotEmitted(watcher.changed, wait=100):
        pass
    assert watcher.watched() == []


def inotify_instances() -> int:
    """This process's open inotify instances (Linux: /proc/self/fd)."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            found += "inotify" in os.readlink(f"/proc/self/fd/{fd}")
    return found


def test_a_watcher_let_go_closes_its_inotify_instance(qtbot: QtBot, card_set: Path) -> None:
    """A user has 128 instances for all their programs: each window's watcher returns its own."""
    if FolderEvents.open() is None:
        pytest.skip("no inotify here")
    gc.collect()
    before = inotify_instances()
    watchers = [SetWatcher(debounce_ms=50) for _ in range(3)]
    for watcher in watchers:
        watcher.watch(watch_targets(card_set))
    assert inotify_instances() == before + 3
    del watchers, watcher
    gc.collect()
    assert inotify_instances() == before


def test_a_closed_watcher_returns_its_inotify_instance_at_once(
    qtbot: QtBot, card_set: Path
) -> None:
    if FolderEvents.open() is None:
        pytest.skip("no inotify here")
    gc.collect()
    before = inotify_instances()
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(watch_targets(card_set))
    assert inotify_instances() == before + 1
    watcher.close()
    assert inotify_instances() == before  # not waiting for the watcher to be let go
    assert watcher.watched() == []
    watcher.watch(watch_targets(card_set))  # watching again opens a new one
    assert watcher.watched()
    watcher.close()
