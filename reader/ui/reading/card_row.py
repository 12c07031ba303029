"""How a card list row is laid out and drawn: the title, who published it and when, then
either a few tags or, while searching, how often the search matches and a snippet around it.

A row is as tall as its text: a one-line title leaves no empty band above the separator, and a
narrow list (a 1024-pixel window) wraps the title onto a third line and the publisher and
date onto two rather than cutting them ("International Crisis Group · 9 Febru…"). Heights are
worked out once per card and width. A very long list keeps one height for every row, the
tallest a row can need: Qt measures every row of a list whose rows differ, on each change of
filter or width, and at tens of thousands of rows that is felt.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.cards.catalog import CardSummary
from reader.qt.models import Index
from reader.render.snippets import Hit
from reader.ui.focus import paint_focus
from reader.ui.reading.card_list_model import (
    ComparedRole,
    HitRole,
    SearchingRole,
    SummaryRole,
    TagLineRole,
)

PAD_X, PAD_Y, GAP = 12, 8, 3
#: Lines a title may take before it is cut; three hold every shipped title at 1024 × 700.
TITLE_LINES = 3
#: Lines the match count and snippet may take.
SNIPPET_LINES = 2
#: Above this many rows, every row has the height of the tallest possible one.
MEASURED_ROWS = 1000
#: A row's state without the keyboard focus, whose frame the delegate draws itself (the
#: window's, not Fusion's); made once, as each operation on Qt's flags is Python's enum
#: machinery, at every row of every paint.
_UNFOCUSED = ~QStyle.StateFlag.State_HasFocus


def _title_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setWeight(QFont.Weight.DemiBold)
    font.setPointSizeF(base.pointSizeF() * 1.05)
    return font


def _small_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 0.92)
    return font


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width``; the last allowed line is elided if more would follow."""
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width:
        return [text]  # the common case, without a layout
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    shown = [text[s : s + n].rstrip() for s, n in lines[:max_lines]]
    if len(lines) > max_lines and shown:
        rest = text[lines[max_lines - 1][0] :]
        shown[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return shown


def meta_lines(summary: CardSummary, font: QFont, width: int) -> list[str]:
    """ "Publisher · date" on one line if it fits, else the publisher and the date on two."""
    metrics = QFontMetrics(font)
    date = summary.published.display()
    one = f"{summary.publisher} · {date}"
    if metrics.horizontalAdvance(one) <= width:
        return [one]
    publisher = metrics.elidedText(summary.publisher, Qt.TextElideMode.ElideRight, width)
    return [publisher, date]


Spans = tuple[tuple[int, int], ...]


def match_count(n: int) -> str:
    return f"{n:,} match" if n == 1 else f"{n:,} matches"


def hit_layout(hit: Hit, font: QFont, width: int) -> QTextLayout:
    """ "7 matches · …the words around the first…", the count and matched words in bold,
    shortened until it takes at most :data:`SNIPPET_LINES` lines: first by the words before
    the match (a narrow list still shows the match), then by the words after it."""
    head = match_count(hit.count)
    snippet, spans = hit.snippet, hit.spans
    while True:
        text = f"{head} · {snippet}" if snippet else head
        layout = _laid_out(text, font, width, spans, len(head) + 3)
        if layout.lineCount() <= SNIPPET_LINES or not snippet:
            return layout
        end = layout.lineAt(SNIPPET_LINES - 1)
        keep = end.textStart() + end.textLength() - len(head) - 3 - 1  # room for "…"
        cut = snippet.rfind(" ", 0, max(0, keep))
        lead = spans[0][0] - (1 if snippet.startswith("…") else 0) if spans else 0
        if spans and cut < spans[0][1] and lead > 0:
            snippet, spans = _closer(snippet, spans)
            continue
        snippet = snippet[:cut].rstrip(" ,;:—–-") + "…" if cut > 0 else ""
        spans = tuple(span for span in spans if span[1] <= len(snippet))


def _closer(snippet: str, spans: Spans) -> tuple[str, Spans]:
    """``snippet`` without its first word before the first match: "…such as Côte d'Ivoire"."""
    begin = 1 if snippet.startswith("…") else 0
    first = spans[0][0]
    space = snippet.find(" ", begin, first)
    start = space + 1 if space >= 0 else first
    shift = 1 - start  # the text becomes "…" + snippet[start:]
    return "…" + snippet[start:], tuple((a + shift, b + shift) for a, b in spans if a >= start)


def _laid_out(text: str, font: QFont, width: int, spans: Spans, offset: int) -> QTextLayout:
    """``text`` laid out in lines of ``width``; its head (up to ``offset``) and ``spans`` (in
    the part after it) in bold."""
    layout = QTextLayout(text, font)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    ranges = [(0, offset - 3)] + [(a + offset, b + offset) for a, b in spans]
    formats = []
    for start, end in ranges:
        if end <= len(text):
            part = QTextLayout.FormatRange()
            part.start, part.length, part.format = start, end - start, bold
            formats.append(part)
    layout.setFormats(formats)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class _Fonts(NamedTuple):
    title: QFont
    base: QFont
    small: QFont
    #: Line spacings of the three.
    title_h: int
    base_h: int
    small_h: int

    @classmethod
    def of(cls, base: QFont) -> _Fonts:
        title, small = _title_font(base), _small_font(base)
        spacings = (QFontMetrics(f).lineSpacing() for f in (title, base, small))
        return cls(title, base, small, *spacings)


class _Row(NamedTuple):
    """What one row shows at one width."""

    title: list[str]
    meta: list[str]
    tags: str
    hit: QTextLayout | None


def _height(title: int, meta: int, fonts: _Fonts, *, searching: bool) -> int:
    """A row's height for so many title and meta lines; a search's rows keep room for the
    whole snippet, which is only worked out for the rows painted (it reads the card)."""
    small = fonts.small_h * (SNIPPET_LINES if searching else 1)
    return PAD_Y * 2 + fonts.title_h * title + GAP + fonts.base_h * meta + GAP + small


class CardRowDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        #: Per card id, its summary and its title and meta lines, at ``_width_measured``
        #: in ``_fonts``: asked for every row on each layout, so kept cheap to look up.
        self._lines: dict[str, tuple[CardSummary, int, int]] = {}
        self._width_measured = 0
        self._fonts = _Fonts.of(view.font())

    def _fonts_for(self, font: QFont) -> _Fonts:
        if font != self._fonts.base:
            # A copy: ``option.font`` belongs to the option, deleted once the call returns.
            self._fonts = _Fonts.of(QFont(font))
            self._lines.clear()
        return self._fonts

    def _width(self) -> int:
        return max(40, self._view.viewport().width() - 2 * PAD_X)

    def _row(
        self, summary: CardSummary, tags: str, hit: Hit | None, fonts: _Fonts, width: int
    ) -> _Row:
        return _Row(
            wrapped_lines(summary.title, fonts.title, width, TITLE_LINES),
            meta_lines(summary, fonts.base, width),
            tags,
            hit_layout(hit, fonts.small, width) if hit is not None else None,
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fonts = self._fonts_for(option.font)
        summary = index.data(SummaryRole)
        searching = bool(index.data(SearchingRole))
        if self._view.uniformItemSizes() or not isinstance(summary, CardSummary):
            return QSize(200, _height(TITLE_LINES, 2, fonts, searching=searching))
        width = self._width()
        if width != self._width_measured:
            self._lines.clear()
            self._width_measured = width
        known = self._lines.get(summary.id)
        if known is None or known[0] is not summary:  # a reload brings new summaries
            title = wrapped_lines(summary.title, fonts.title, width, TITLE_LINES)
            known = (summary, len(title), len(meta_lines(summary, fonts.base, width)))
            self._lines[summary.id] = known
        return QSize(200, _height(known[1], known[2], fonts, searching=searching))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(SummaryRole)
        if not isinstance(summary, CardSummary):
            super().paint(painter, option, index)
            return
        hit = index.data(HitRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.state &= _UNFOCUSED
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        paint_focus(painter, option)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(text_role)
        muted = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        fonts = self._fonts_for(opt.font)
        rect: QRect = opt.rect
        width = max(40, rect.width() - 2 * PAD_X)
        tags = str(index.data(TagLineRole) or "")
        row = self._row(summary, tags, hit if isinstance(hit, Hit) else None, fonts, width)
        x, y = rect.x() + PAD_X, rect.y() + PAD_Y
        painter.save()
        painter.setClipRect(rect)  # a row never paints over the next, even before re-measuring
        y = _draw_lines(painter, row.title, fonts.title, text, x, y)
        y = _draw_lines(painter, row.meta, fonts.base, muted, x, y + GAP) + GAP
        if row.hit is not None:
            painter.setPen(muted)
            row.hit.draw(painter, QPointF(x, y))
        else:
            painter.setFont(fonts.small)
            painter.setPen(muted)
            tags = QFontMetrics(fonts.small).elidedText(
                row.tags, Qt.TextElideMode.ElideRight, width
            )
            painter.drawText(QPointF(x, y + QFontMetrics(fonts.small).ascent()), tags)
        if index.data(ComparedRole):  # in the comparison: a bar down the row's left edge
            bar = QRect(rect.left() + 3, rect.top() + PAD_Y, 3, rect.height() - 2 * PAD_Y)
            painter.fillRect(
                bar, muted if selected else palette.color(QPalette.ColorRole.Highlight)
            )
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.Midlight))
            painter.drawLine(
                rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom()
            )
        painter.restore()


def _draw_lines(
    painter: QPainter, lines: list[str], font: QFont, colour: QColor, x: int, y: int
) -> int:
    """Draw ``lines`` from ``y`` down; returns the ``y`` below them."""
    metrics = QFontMetrics(font)
    painter.setFont(font)
    painter.setPen(colour)
    for line in lines:
        painter.drawText(QPointF(x, y + metrics.ascent()), line)
        y += metrics.lineSpacing()
    return y
