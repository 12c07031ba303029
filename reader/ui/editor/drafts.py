"""Unsaved edits kept on disk, so a crash, a kill or a power cut loses a few seconds at most.

A draft is the form's data as JSON in ``drafts/`` of the user's data folder, one file per card
(named by a hash of the card's absolute path, so two sets' ``notes.yaml`` never share one),
with the card's path and a hash of the text the edits started from: offered back later, the
editor can tell whether the file has changed since. Written atomically; deleted when the card
is saved or the edits are discarded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths

from reader.export.atomic import AtomicFile

DRAFT_FORMAT = "briefing-reader-draft/1"
#: Overrides the data folder (tests, portable installs): drafts go to ``$DIR/drafts``.
DATA_ENV = "BRIEFING_READER_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Draft:
    card_path: Path
    #: sha256 of the card's text when the edits began ("" for a card that had no file).
    original_sha256: str
    data: Any
    #: When it was written (seconds since the epoch).
    saved: float
    file: Path

    def matches(self, text: str) -> bool:
        """Whether the card on disk is still the text these edits started from."""
        return text_hash(text) == self.original_sha256


def drafts_dir(data_dir: Path | None = None) -> Path:
    """``data_dir/drafts``; by default in ``$BRIEFING_READER_DATA_DIR`` or the app's data folder."""
    if data_dir is None:
        configured = os.environ.get(DATA_ENV)
        location = QStandardPaths.StandardLocation.AppDataLocation
        data_dir = Path(configured or QStandardPaths.writableLocation(location))
    return data_dir / "drafts"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def draft_file(folder: Path, card_path: Path) -> Path:
    key = hashlib.sha256(os.fsencode(card_path.absolute())).hexdigest()[:24]
    return folder / f"{key}.json"


def write_draft(folder: Path, card_path: Path, original_text: str, data: Any) -> Path:
    """Keep ``data`` as the draft of ``card_path`` (replacing an older one) and return its file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = draft_file(folder, card_path)
    record = {
        "format": DRAFT_FORMAT,
        "card": str(card_path.absolute()),
        "original_sha256": text_hash(original_text),
        "saved": time.time(),
        "data": data,
    }
    with AtomicFile(target) as out:
        out.write(json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
        out.commit()
    return target


def discard_draft(folder: Path, card_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_file(folder, card_path).unlink()


def read_draft(file: Path) -> Draft | None:
    """The draft in ``file``, or None for anything that is not one (it is skipped, not fatal)."""
    try:
        record = json.loads(file.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != DRAFT_FORMAT:
        return None
    card, sha, saved = record.get("card"), record.get("original_sha256"), record.get("saved")
    if not isinstance(card, str) or not isinstance(sha, str) or not isinstance(saved, int | float):
        return None
    return Draft(Path(card), sha, record.get("data"), float(saved), file)


def pending_drafts(data_dir: Path | None = None) -> list[Draft]:
    """Every draft left behind (newest first): what a new window offers to restore."""
    folder = drafts_dir(data_dir)
    try:
        files = sorted(folder.glob("*.json"))
    except OSError:
        return []
    drafts = [draft for draft in map(read_draft, files) if draft is not None]
    return sorted(drafts, key=lambda d: d.saved, reverse=True)
