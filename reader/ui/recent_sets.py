"""How File › Open Recent names a set: its title from ``cardset.yaml`` and where it is, so two
copies of one set, or folders called "cards", can be told apart (review #25).

The title is read when the menu opens, a few small files at most, and kept while the set
file's modification time stays the same. The status bar's "Loading …" line names the set the
same way once the card parser is ready, so the title is read without the set file's schema
check: the title does not depend on it (:func:`reader.cards.load.load_set_title`), and the
check's validator would be compiled on the UI thread (~8 ms of CPU).
"""

from __future__ import annotations

from pathlib import Path

from reader.cards.set_info import SET_FILE

#: A path longer than this is shortened in its middle.
PATH_CHARS = 60
_titles: dict[Path, tuple[int, str]] = {}


def set_title(folder: Path) -> str:
    """The set's title (its folder's name when it has no set file or title)."""
    try:
        stamp = (folder / SET_FILE).stat().st_mtime_ns
    except OSError:
        stamp = -1
    known = _titles.get(folder)
    if known is not None and known[0] == stamp:
        return known[1]
    # The YAML parser with it: a window's first paint comes before the parser is imported
    # (#17 §4), and only this function of the module reads YAML.
    from reader.cards.load import load_set_title

    title = load_set_title(folder)
    _titles[folder] = (stamp, title)
    return title


def shown_path(folder: Path) -> str:
    """``folder`` with the home folder as ~, shortened in the middle if long."""
    text = str(folder)
    home = str(Path.home())
    if text == home or text.startswith(home + "/"):
        text = "~" + text[len(home) :]
    if len(text) > PATH_CHARS:
        half = (PATH_CHARS - 1) // 2
        text = f"{text[:half]}…{text[-half:]}"
    return text


def recent_label(n: int, folder: Path) -> str:
    """ "&1  Mali, Russia and the West" with the path in the menu's shortcut column; a set
    that is gone is named by its folder (its title cannot be read)."""
    title = set_title(folder) if folder.is_dir() else (folder.name or str(folder))
    title = title.replace("&", "&&")  # not a mnemonic
    number = f"&{n}  " if n < 10 else ""
    return f"{number}{title}\t{shown_path(folder)}"
