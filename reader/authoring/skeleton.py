"""New cards and new sets: a skeleton of the required fields, ready to fill in.

A new card gets what can be known without reading the source closely — its ``source.file``,
a title from the source's opening lines (or the one the writer chose from them) and a unique id
made from it — and placeholder text ("TODO: …") in every other required field. The loader
reports each placeholder left as an error naming its field (reader.cards.card_file), so
``check`` says what is still to do and a half-written card never slips into a comparison or a
PDF. The placeholders are the only instructions in the file: once they are replaced, nothing
is left to say it was generated (a header comment would outlive its purpose).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

from reader.authoring import emit
from reader.authoring.files import save_atomically
from reader.cards.card_file import PLACEHOLDER
from reader.cards.file_reading import MAX_SOURCE_BYTES, UnreadableFileError, read_limited
from reader.cards.load import load_set_info
from reader.cards.model import ID_PATTERN, SET_FILE
from reader.cards.safe_yaml import YamlError, decode, read_yaml_bytes
from reader.cards.set_walk import find_card_files

#: Ids are at most 64 characters; one made from a title keeps a few words of it.
ID_LENGTH = 48
#: Words that join a phrase to the next: an id cut short ends before one, never on one.
_JOINERS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "under",
        "with",
        "without",
    ]
)
#: Headline markers a source's first line may start with (Markdown, numbering).
_HEADLINE = re.compile(r"^[#>*\-\s]+")
#: How many opening lines may hold the title: a web page's capture starts with its menus and
#: captions ("Follow us on social", an image's file name) before the headline.
TITLE_LINES = 8
#: A line longer than this is a paragraph, not a title.
TITLE_CHARS = 200
#: A headline has a few words; a menu entry or a caption rarely does.
_TITLE_WORDS = 5


class NewCardError(Exception):
    """The card cannot be made as asked (an id taken or malformed, an unreadable source)."""


def _todo(what: str) -> str:
    return f"{PLACEHOLDER} {what}"


def title_candidates(text: str) -> list[str]:
    """The short lines among the source's first few non-empty ones, without Markdown headline
    marks: where its title is, for the writer to choose from (a paragraph is no title; a
    source that opens with nothing else offers its first line, cut)."""
    opening: list[str] = []
    for line in text.splitlines():
        title = _HEADLINE.sub("", line).strip()
        if title:
            opening.append(title)
            if len(opening) == TITLE_LINES:
                break
    short = [line for line in opening if len(line) <= TITLE_CHARS]
    return short or [line[:TITLE_CHARS].rstrip() for line in opening[:1]]


def source_title(text: str) -> str | None:
    """The source's likely title: the first opening line of a few words that is not a
    sentence (a standfirst ends with a full stop), else its first non-empty line."""
    candidates = title_candidates(text)
    for line in candidates:
        if len(line.split()) >= _TITLE_WORDS and not line.endswith("."):
            return line
    return candidates[0] if candidates else None


def slug(title: str) -> str:
    """An id made from a title: lowercase ASCII words joined by hyphens, a few words long.

    A title too long for :data:`ID_LENGTH` is cut between words, and where it can be, before a
    joining word ("to", "of", "and" …) rather than after it: "is-mali-flirting-with-russian-
    mercenaries", not "…-mercenaries-to-get" (a phrase's half reads as a typo in every file
    name and link). The cut backs off no further than half the length.
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    # An apostrophe joins its word ("Mali's" is "malis", as a curly one folds away).
    words = re.findall(r"[a-z0-9]+", folded.lower().replace("'", ""))
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > ID_LENGTH:
            break
        kept.append(word)
    if len(kept) < len(words):
        for end in range(len(kept), 0, -1):
            if len("-".join(kept[:end])) < ID_LENGTH // 2:
                break
            if words[end] in _JOINERS:
                kept = kept[:end]
                break
        while len(kept) > 1 and kept[-1] in _JOINERS:
            kept.pop()
    return "-".join(kept) or (words[0][:ID_LENGTH] if words else "card")


def unique_id(wanted: str, taken: Collection[str], folder: Path) -> str:
    """``wanted``, or ``wanted-2``, ``-3`` … : the first not used by a card or a file."""
    candidate, n = wanted, 1
    while candidate in taken or any(
        (folder / f"{candidate}{suffix}").exists() for suffix in (".yaml", ".yml")
    ):
        n += 1
        candidate = f"{wanted[: 64 - len(str(n)) - 1]}-{n}"
    return candidate


def card_ids(root: Path) -> set[str]:
    """The ids the set's card files use (also those of cards with errors, when readable)."""
    ids: set[str] = set()
    for card_file in find_card_files(root):
        try:
            data = read_yaml_bytes(read_limited(card_file.path)).data
        except (UnreadableFileError, YamlError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            ids.add(data["id"])
    return ids


def source_reference(source: Path, root: Path) -> str:
    """``source.file`` for a source text: relative to the set folder or its sources folder
    when it is inside one, else its file name (found through the reader's sources folder)."""
    info, _ = load_set_info(root)
    folders = [root] + ([root / info.sources] if info.sources else [])
    resolved = source.resolve()
    for folder in reversed(folders):
        try:
            return resolved.relative_to(folder.resolve()).as_posix()
        except ValueError:
            continue
    return source.name


def read_source(source_path: Path) -> str:
    """A source text's content; :class:`NewCardError` when it cannot be read as text."""
    try:
        return decode(read_limited(source_path, MAX_SOURCE_BYTES, "a source text"))
    except (UnreadableFileError, YamlError) as exc:
        raise NewCardError(f"{source_path}: {getattr(exc, 'message', exc)}") from None


def new_card(
    source_path: Path | None,
    set_root: Path,
    id: str | None = None,
    taken: Collection[str] | None = None,
    title: str | None = None,
) -> tuple[Path, str]:
    """The path and text of a new card in ``set_root`` (nothing is written).

    ``taken``: the ids already in use (the window knows them); read from the set otherwise.
    ``title``: the card's title (and so its id), else the source's (:func:`source_title`).
    Raises :class:`NewCardError` when ``id`` is malformed or used, or the source unreadable.
    """
    title = " ".join(title.split()) if title else None
    if source_path is not None:
        text = read_source(source_path)
        title = title or source_title(text)
    used = card_ids(set_root) if taken is None else set(taken)
    if id is not None:
        if not ID_PATTERN.fullmatch(id):
            raise NewCardError(
                f"'{id}' is not a card id: use 1–64 lowercase letters, digits or hyphens"
            )
        if id in used or (set_root / f"{id}.yaml").exists():
            raise NewCardError(f"the id '{id}' is already used in {set_root}")
        card_id = id
    else:
        card_id = unique_id(slug(title or "new card"), used, set_root)
    source: dict[str, str] = {
        "publisher": _todo("who published the source"),
        "published": _todo("when: YYYY, YYYY-MM or YYYY-MM-DD"),
    }
    if source_path is not None:
        source["file"] = source_reference(source_path, set_root)
    data = {
        "format": "briefing-card/1",
        "id": card_id,
        "title": title or _todo("the source's title"),
        "source": source,
        "thesis": _todo("the source's main claim in one or two sentences"),
        "summary": _todo("a short paragraph; light Markdown allowed"),
        "argument": [{"claim": _todo("the source's first point"), "where": _todo("¶1")}],
        # No comma: the editor's tag line is split at commas.
        "tags": [_todo("a tag from the set (actor/wagner…)")],
    }
    return set_root / f"{card_id}.yaml", emit.document(data)


def new_set(folder: Path, title: str, description: str | None = None) -> Path:
    """Write a new set file (``cardset.yaml``: format, title, description; topics come later)
    into ``folder``, made if missing. Raises FileExistsError when the folder has one."""
    data = {"format": "briefing-set/1", "title": title.strip() or folder.name}
    if description and description.strip():
        data["description"] = description.strip()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SET_FILE
    if path.exists() or path.is_symlink():
        raise FileExistsError(f"{path} exists already")
    save_atomically(path, emit.document(data), expected="")
    return path
