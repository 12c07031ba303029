"""The folder watcher: one debounced signal per burst of changes, whatever the editor does."""

from __future__ import annotations

import os
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.watcher import SetWatcher, WatchTargets, watch_targets

CARD = "crisis-group-mali-isolation-2023.yaml"


def test_targets_cover_folders_cards_and_the_set_file(card_set: Path) -> None:
    (card_set / "sub" / "deeper").mkdir(parents=True)
    (card_set / ".git").mkdir()
    targets = watch_targets(card_set)
    assert str(card_set / "sub" / "deeper") in targets.folders
    assert str(card_set / ".git") not in targets.folders
    assert str(card_set / CARD) in targets.files
    assert str(card_set / "cardset.yaml") in targets.files


def test_a_burst_of_writes_is_one_change(qtbot: QtBot, card_set: Path) -> None:
    watcher = SetWatcher(debounce_ms=100)
    watcher.watch(watch_targets(card_set))
    changes: list[None] = []
    watcher.changed.connect(lambda: changes.append(None))
    path = card_set / CARD
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        for n in range(5):
            path.write_text(path.read_text(encoding="utf-8") + f"\n# edit {n}\n", encoding="utf-8")
    with qtbot.assertNotEmitted(watcher.changed, wait=250):
        pass  # a second signal for the same burst would arrive within the debounce
    assert len(changes) == 1


def test_a_save_by_rename_is_seen_and_rewatching_follows_the_new_file(
    qtbot: QtBot, card_set: Path
) -> None:
    watcher = SetWatcher(debounce_ms=50)
    watcher.watch(watch_targets(card_set))
    path = card_set / CARD
    temp = card_set / "tmp-save"
    temp.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        os.replace(temp, path)
    watcher.watch(watch_targets(card_set))
    assert str(path) in watcher.watched()
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
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        watcher.watch(WatchTargets((str(card_set),), (str(path),), since=started))
    with qtbot.assertNotEmitted(watcher.changed, wait=200):
        watcher.watch(WatchTargets((str(card_set),), (str(path),), since=time.time() + 10))
