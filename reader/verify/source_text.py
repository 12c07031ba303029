"""A source's plain text as paragraphs and sections, for checking quotes and locators.

The rules (also in the format guide, ``cards/README.md``):

* ``source.lines`` (optional, ``A-B``) keeps only that inclusive range of lines: web
  captures carry page furniture that is not part of the source.
* Paragraphs are blocks of non-blank lines separated by blank lines.
* A line such as ``III. The Russian Wager`` (a Roman numeral, a full stop, a short title)
  at the start of a block starts a section. Headings are not paragraphs.
* A one-line block that repeats a sentence of the paragraph right after it is a pull-quote,
  not a paragraph.
* Locators: ``¶N`` or ``¶N–M`` count paragraphs from the start of the text (in a document
  with sections, the paragraphs before the first heading); ``§III`` names a section and
  ``§III ¶2`` (or ``¶2–3``) a paragraph within it; a list separated by commas names several
  places (``¶4, ¶7``; a place without ``§`` is in the section of the one before it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reader.cards.problems import shorten

_SECTION = re.compile(r"^([IVXLC]+)\.\s+\S")
#: Footnote numbers glued to a sentence ("...Moscow.44Mali also...") are not the source's words;
#: the digits after a number's decimal point or thousands comma ("$148.5 million", "1,000") are.
#: After a number and a full stop, only digits that end the text or come before a capital (a
#: new sentence: "in 2024.38 The") are taken for a footnote.
_FOOTNOTE = re.compile(
    r"(?<=[.,;:!?’”\"')\]])(?<!\d[.,])\d{1,3}(?=\s|[A-Z]|$)"
    r"|(?<=\d\.)\d{1,3}(?=\s*[A-Z“‘\"(]|\s*$)"
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "′": "'"})
#: Paragraph numbers have at most 9 digits: ``int()`` refuses more than 4,300 with an exception.
_LOCATOR = re.compile(
    r"^\s*(?:§\s*(?P<section>[IVXLC]+))?\s*"
    r"(?:¶\s*(?P<first>\d{1,9})(?:\s*[-–]\s*(?P<last>\d{1,9}))?)?\s*$"
)


def normalise(text: str) -> str:
    """Fold the differences a quote may have from its source: spacing, quote marks, NFC."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Paragraph:
    section: str | None  # Roman numeral, or None before the first heading
    number: int  # 1-based within its section
    text: str  # normalised, footnote numbers removed
    #: The text as the source prints it (its own quotation marks), for showing: character for
    #: character aligned with ``text``, so a quote found in ``text`` is at the same offsets.
    shown: str = field(default="", compare=False)
    #: The paragraph's first and last line in the source file (1-based, counted from the
    #: file's first line whatever ``source.lines`` keeps), so that the source pane can set
    #: ``source.lines`` from a paragraph (Article Starts Here / Ends Here).
    lines: tuple[int, int] = field(default=(0, 0), compare=False)

    @property
    def locator(self) -> str:
        return f"§{self.section} ¶{self.number}" if self.section else f"¶{self.number}"


@dataclass(frozen=True, slots=True)
class SourceText:
    paragraphs: tuple[Paragraph, ...]
    #: Each section's numeral and its heading line as the source writes it, in order (the
    #: source pane shows them).
    headings: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str, lines: tuple[int, int] | None = None) -> SourceText:
        all_lines = text.removeprefix("\ufeff").splitlines()
        first_line = 1
        if lines is not None:
            all_lines = all_lines[lines[0] - 1 : lines[1]]
            first_line = max(lines[0], 1)
        numbered = _blocks(all_lines, first_line)
        blocks = [block for _, block in numbered]
        paragraphs: list[Paragraph] = []
        headings: list[tuple[str, str]] = []
        section: str | None = None
        number = 0
        for i, (start, block) in enumerate(numbered):
            end = start + len(block) - 1
            if heading := _heading(block[0]):
                section, number = heading, 0
                headings.append((heading, normalise(block[0])))
                block, start = block[1:], start + 1  # a heading may sit on its first paragraph
                if not block:
                    continue
            joined = " ".join(block)
            flat = _clean(joined)
            if len(block) == 1 and i + 1 < len(blocks) and _is_pull_quote(flat, blocks[i + 1]):
                continue
            number += 1
            paragraphs.append(Paragraph(section, number, flat, _shown(joined), (start, end)))
        return cls(tuple(paragraphs), tuple(headings))

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.section for p in self.paragraphs if p.section))

    def find(self, quote: str) -> list[Paragraph]:
        """The paragraphs holding ``quote`` (several when it runs across a paragraph break)."""
        needle = _clean(quote)
        hits = [p for p in self.paragraphs if needle in p.text]
        if hits:
            return hits[:1]
        joined = " ".join(p.text for p in self.paragraphs)
        start = joined.find(needle)
        if start < 0:
            return []
        spans: list[Paragraph] = []
        offset = 0
        for p in self.paragraphs:
            end = offset + len(p.text)
            if offset <= start + len(needle) and end >= start:
                spans.append(p)
            offset = end + 1
        return spans

    def resolve(self, locator: str) -> list[Paragraph] | str:
        """The paragraphs a locator names, or a sentence saying why it names none.

        A locator is one place (``¶7``, ``¶7–8``, ``§III``, ``§III ¶2–4``) or a list of them
        separated by commas (``¶4, ¶7``; ``§III ¶3–5, §IV ¶1``); in a list, a place without a
        section is in the section of the place before it (``§II ¶2, ¶5`` is ``§II ¶2`` and
        ``§II ¶5``). The paragraphs come back in the source's order, each once.
        """
        named: dict[Paragraph, None] = {}
        section: str | None = None
        for part in locator.split(","):
            match = _LOCATOR.match(part)
            if not match or not (match.group("section") or match.group("first")):
                return (
                    f"'{shorten(locator)}' is not a locator like ¶7, ¶7–8, §III, §III ¶2 "
                    "or a list of them (¶4, ¶7)"
                )
            section = match.group("section") or section
            found = self._resolve_one(part.strip(), section, match.group("first"), match["last"])
            if isinstance(found, str):
                return found
            named.update(dict.fromkeys(found))
        order = {p: i for i, p in enumerate(self.paragraphs)}
        return sorted(named, key=order.__getitem__)

    def _resolve_one(
        self, place: str, section: str | None, first_text: str | None, last_text: str | None
    ) -> list[Paragraph] | str:
        in_scope = [p for p in self.paragraphs if p.section == section]
        if section and not in_scope:
            known = ", ".join(f"§{s}" for s in self.sections) or "none"
            return f"the source has no section §{section} (sections: {known})"
        if first_text is None:
            return in_scope
        first = int(first_text)
        last = int(last_text or first)
        scope = f"section §{section}" if section else "the text"
        if not 1 <= first <= last <= len(in_scope):
            return (
                f"'{place}' is outside the source: {scope} has {len(in_scope)} paragraphs"
                if first <= last
                else f"'{place}' runs backwards"
            )
        return in_scope[first - 1 : last]

    def closest(self, quote: str) -> str:
        """The passage of the source most like ``quote``, to suggest when it is not found."""
        import difflib

        needle = _clean(quote)
        words = needle.split()
        best, best_score = "", 0.0
        for p in self.paragraphs:
            tokens = p.text.split()
            width = max(len(words), 1)
            for start in range(0, max(len(tokens) - width, 0) + 1, max(width // 4, 1)):
                window = " ".join(tokens[start : start + width])
                score = difflib.SequenceMatcher(None, needle.lower(), window.lower()).ratio()
                if score > best_score:
                    best, best_score = window, score
        return best


def _heading(line: str) -> str | None:
    match = _SECTION.match(line)
    return match.group(1) if match and len(line) <= 100 else None


def _blocks(lines: list[str], first_line: int) -> list[tuple[int, list[str]]]:
    """The blocks of non-blank lines, each with the file line it starts on (``lines`` starts
    on file line ``first_line``)."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(lines, first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _clean(text: str) -> str:
    return normalise(_FOOTNOTE.sub(" ", text))


def _shown(text: str) -> str:
    """:func:`_clean` but for the quotation marks (whose translation is one character for one)."""
    return " ".join(unicodedata.normalize("NFC", _FOOTNOTE.sub(" ", text)).split())


def _is_pull_quote(line: str, next_block: list[str]) -> bool:
    """A pull-quote may end in a full stop where the paragraph's sentence goes on."""
    core = line.rstrip(".!?…").casefold()
    return len(core) > 20 and core in _clean(" ".join(next_block)).casefold()
