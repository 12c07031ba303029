"""Where text sits on a page of an exported PDF, read back with pypdf.

Text extraction alone says what a page holds; page-break defects (a heading left at the foot
of a page, a blank gap inside an entry, a table row cut after its first line) are about
where the lines are. pypdf reports each text run with its matrices; a run's baseline is the
y of the text matrix under the current transformation matrix, in points from the page's
bottom edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypdf import PageObject

#: Running header and footer live in the outer 22 mm (12 mm margin + 10 mm band) of a page.
BAND_PT = 22 / 25.4 * 72
#: Runs whose baselines differ by less than this belong to one printed line.
SAME_LINE_PT = 1.0


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of the body: its baseline (points from the page top), where its first
    run starts (points from the page's left edge) and its text."""

    top: float
    text: str
    left: float = 0.0


@dataclass(frozen=True, slots=True)
class PageText:
    """What pypdf reads from one page in one pass (each pass parses the page's content stream
    again, the bulk of the cost): the text, and every run of it with where it is drawn as
    (baseline in points from the page top, left edge in points, text)."""

    text: str
    runs: list[tuple[float, float, str]]
    height: float

    @classmethod
    def of(cls, page: PageObject) -> PageText:
        height = float(page.mediabox.height)
        runs: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            runs.append((height - y, x, text))

        return cls(page.extract_text(visitor_text=visit), runs, height)

    def _body(self) -> list[tuple[float, float, str]]:
        return [r for r in self.runs if BAND_PT < r[0] < self.height - BAND_PT]

    def body_lines(self) -> list[Line]:
        """The page's body lines, top to bottom, without the running header and footer."""
        return printed_lines([r for r in self._body() if r[2].strip()])

    def body_text(self) -> str:
        """The body's text in the order the page draws it (a table cell whole, then the next),
        without the running header and footer."""
        return "".join(text for _, _, text in self._body())


def printed_lines(runs: list[tuple[float, float, str]]) -> list[Line]:
    """Runs of text, each (baseline from the page top, left edge, text), as printed lines:
    runs on one baseline (table cells side by side) make one line, read left to right."""
    runs = sorted(runs)
    lines: list[Line] = []
    group: list[tuple[float, float, str]] = []
    for run in runs:
        if group and run[0] - group[0][0] > SAME_LINE_PT:
            lines.append(_line(group))
            group = []
        group.append(run)
    if group:
        lines.append(_line(group))
    return lines


def _line(runs: list[tuple[float, float, str]]) -> Line:
    ordered = sorted(runs, key=lambda r: r[1])
    text = "".join(t for _, _, t in ordered)
    return Line(runs[0][0], " ".join(text.split()), ordered[0][1])
