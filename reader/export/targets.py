"""Which files a command that writes (``export``, ``table``) must never write.

README: "an existing file is never damaged". An output named by mistake after a card, the set
file or a source text would replace a file of the set being read, so those are refused, and
in the set's own folder only a file of the command's own kind (its suffix) is written.
Qt-free, so ``table`` does not load the PDF pipeline to ask; in the export layer, so the
window's Export Table… asks the same question as the command line.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from reader.cards.catalog import Catalog
from reader.cards.file_reading import UnreadableFileError
from reader.cards.model import SET_FILE
from reader.verify.sources import find_source_file, source_folders


def refusal(
    target: Path, catalog: Catalog, sources: Path | None = None, *, suffix: str = ".pdf"
) -> str | None:
    """Why an export of the set ``catalog`` reads must not write ``target``, or None;
    ``sources`` is the folder given for the source texts (``--sources``); in the set's folder
    only a file ending in ``suffix`` (the export's kind) may be written."""
    real = _real(target)
    root = _real(catalog.root)
    if (found := _identity(real)) is not None:  # only an existing file can be one of the set's
        if found == _identity(root / SET_FILE):
            return "it is the set file of the set being exported"
        if _is_card(found, root, catalog):
            return "it is a card of the set being exported"
    folders = source_folders(catalog.root, catalog.info, sources)
    if not any(real.is_relative_to(_real(folder)) for folder in folders):
        return None  # source texts are found only inside these folders
    if real in _sources(catalog, folders):
        return "it is a source text of the set being exported"
    if real.is_relative_to(root) and real.suffix.lower() != suffix:
        return f"it is in the folder of the set being exported and is not a {suffix}"
    return None


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _identity(path: Path | str) -> tuple[int, int] | None:
    """The file ``path`` names, through links, as (device, inode): the same file under any
    name; None when there is none. One ``stat`` — a tenth of resolving the path, which
    matters with 10,000 cards to compare."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _is_card(found: tuple[int, int], root: Path, catalog: Catalog) -> bool:
    """Whether the file ``found`` is one of the catalog's cards (a card may be a link to a file
    anywhere, so each is asked; by string, as a path object costs as much as the ``stat``)."""
    top = os.fspath(root)
    return any(_identity(f"{top}/{summary.path}") == found for summary in catalog.summaries())


def _sources(catalog: Catalog, folders: list[Path]) -> set[Path]:
    """The source texts the cards name; each card is parsed for it, hence asked only for a
    target inside a folder they are looked for in."""
    found: set[Path] = set()
    for summary in catalog.summaries():
        card = catalog.card(summary.id)
        with contextlib.suppress(UnreadableFileError):
            if card is not None and (path := find_source_file(card, folders)):
                found.add(_real(path))
    return found
