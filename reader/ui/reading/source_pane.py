"""The source pane: the open card's source text beside the card, and the links both ways.

A locator clicked in the card (:meth:`SourcePane.show_item`) tints the paragraphs it names
and scrolls to them; the card's quotes are marked wherever their words are. The other way,
a paragraph clicked (or stepped to with Next Cited Passage) lists in the line under the text
the points, quotes and recommendations that cite it — links that take the card to them —
and hovering a paragraph says the same in a tooltip. The margin shows which paragraphs the
card cites and which it leaves out (:mod:`reader.ui.reading.source_view`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.render import Theme
from reader.render.located import cite_href, mark_tooltip, parse_cite
from reader.render.tooltips import safe_tooltip
from reader.ui.labels import MutedLabel, PlainLabel
from reader.ui.reading.citations import Item
from reader.ui.reading.evidence import CardEvidence
from reader.ui.reading.source_document import source_document
from reader.ui.reading.source_view import SourceView, citing_text
from reader.verify.health import Mark
from reader.verify.source_text import Paragraph
from reader.verify.sources import Availability

NO_CARD = "Open a card to read its source here."
CHECKING = "Reading the source…"


def status_message(evidence: CardEvidence) -> str:
    """Why the pane has no text to show for this card."""
    status, file = evidence.status, evidence.card.source.file or ""
    if status.availability is Availability.NO_FILE:
        return "This card names no source file."
    if status.availability is Availability.UNREADABLE:
        return f"The source text {file} cannot be read: {status.reason}"
    if status.availability is Availability.NOT_FOUND:
        return f"The source text {file} was not found. Choose the folder that holds it:"
    return CHECKING


def _item_link(item: Item) -> str:
    return f'<a href="{escape(cite_href(item.field, item.index))}">{escape(item.label)}</a>'


def _message_page(message: QLabel, button: QPushButton) -> QWidget:
    """Why there is no text, and the button that mends it, centred together."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addWidget(message)
    column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    column.addStretch(1)
    return page


class SourcePane(QWidget):
    #: The reader clicked an item in the line under the text: (field, index).
    item_clicked = Signal(str, int)
    #: The pane's close button.
    close_requested = Signal()
    #: The Locate… button of a source not found (the card's header may be hidden by the editor).
    locate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.setAccessibleName("Source")
        self.title = PlainLabel(self, accessible_name="Source file")
        self.title.setObjectName("sourceTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("sourceClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Close the source")
        self.close_button.clicked.connect(self.close_requested)
        self.legend = MutedLabel(self, accessible_name="Citations")
        self.legend.setObjectName("sourceLegend")
        self.legend.setWordWrap(True)
        self.view = SourceView(self)
        self.message = MutedLabel(self, accessible_name="Source status")
        self.message.setObjectName("sourceMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locate_button = QPushButton("Locate…", self)
        self.locate_button.setToolTip("Choose the folder that holds the set's source texts")
        self.locate_button.clicked.connect(self.locate_requested)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(_message_page(self.message, self.locate_button))
        self.stack.addWidget(self.view)
        self.footer = QLabel(self)
        self.footer.setObjectName("sourceFooter")
        self.footer.setAccessibleName("What cites the passage")
        self.footer.setTextFormat(Qt.TextFormat.RichText)  # built only from escaped text
        self.footer.setWordWrap(True)
        self.footer.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.footer.setOpenExternalLinks(False)
        self.footer.linkActivated.connect(self._on_link)
        self._layout_parts()
        self.view.paragraph_clicked.connect(self.select_paragraph)
        self._evidence: CardEvidence | None = None
        self._shown: tuple[object, ...] | None = None
        #: What the pane shows of the card: an item's passage, or a paragraph chosen; shown
        #: again when the text is rebuilt (zoom, colours) or once it has been read.
        self._state: tuple[str, int] | Paragraph | None = None
        self._hint = ""
        self._editing_hint: str | None = None
        #: What the window last asked to show, and the card shown instead while one is pinned.
        self._given: tuple[CardEvidence | None, Theme, float] | None = None
        self._pinned: CardEvidence | None = None
        self._show_message(NO_CARD)

    def _layout_parts(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(10, 6, 4, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        self.legend.setContentsMargins(10, 0, 10, 0)
        column.addWidget(self.legend)
        column.addWidget(self.stack, 1)
        self.footer.setContentsMargins(10, 2, 10, 8)
        column.addWidget(self.footer)

    def set_hint(self, hint: str) -> None:
        """What the line under the text says before anything is chosen (names the keys)."""
        self._hint = hint

    def set_editing_hint(self, hint: str | None) -> None:
        """What that line says instead while a card is edited beside the pane (how to capture
        from the text: reader.ui.capture); None: the reading hint again. Shown at once."""
        self._editing_hint = hint
        if self._shown is not None:
            self.footer.setText(escape(hint or self._hint))
            self.footer.setToolTip("")

    # -- what is shown --------------------------------------------------------------------

    @property
    def evidence(self) -> CardEvidence | None:
        return self._evidence

    def pin(self, evidence: CardEvidence | None) -> None:
        """Show ``evidence`` whichever card the window shows (a new card being written, not
        in the list until its placeholders are replaced); None: follow the window again."""
        self._pinned = evidence
        if self._given is not None:
            self.show_evidence(*self._given)

    def show_evidence(self, evidence: CardEvidence | None, theme: Theme, size: float) -> None:
        """Show ``evidence``'s source (the pinned card's, if any), unless the same text is
        shown alike already."""
        self._given = (evidence, theme, size)
        evidence = self._pinned or evidence
        same_card = (
            evidence is not None
            and self._evidence is not None
            and evidence.card.id == self._evidence.card.id
        )
        if not same_card:
            self._state = None
        self._evidence = evidence
        if evidence is None:
            self._shown = None
            self._show_message(NO_CARD)
            return
        self.title.setText(evidence.card.source.file or evidence.card.title)
        path = evidence.status.path
        self.title.setToolTip(safe_tooltip(str(path)) if path is not None else "")
        if evidence.source is None:
            self._shown = None
            missing = evidence.status.availability is Availability.NOT_FOUND
            self._show_message(status_message(evidence), locate=missing)
            return
        key = (evidence.source, evidence.citations, theme, size)
        if key == self._shown:
            return
        self._shown = key
        layout = source_document(evidence.source, theme, size, self)
        self.view.show_layout(layout, evidence.citations, theme)
        self.stack.setCurrentWidget(self.view)
        self._show_legend()
        self._mark([], None)
        self.footer.setText(escape(self._editing_hint or self._hint))
        self.footer.setToolTip("")
        state = self._state
        if isinstance(state, Paragraph) and state in layout.block_of:
            self.select_paragraph(state)
        elif isinstance(state, tuple):
            self.show_item(*state)

    def _show_message(self, text: str, *, locate: bool = False) -> None:
        self.message.setText(text)
        self.locate_button.setVisible(locate)
        self.stack.setCurrentIndex(0)
        self.legend.clear()
        self.footer.clear()
        self.view.clear_layout()
        if text is NO_CARD:
            self.title.setText("Source")

    def _show_legend(self) -> None:
        evidence = self._evidence
        if evidence is None or evidence.source is None or evidence.citations is None:
            return
        paragraphs = evidence.source.paragraphs
        left_out = sum(1 for p in paragraphs if not evidence.citations.citing(p))
        # Each count says what it counts: "dotted: not cited (3 of 56 paragraphs)" read as
        # either 3 cited or 3 left out (review P4).
        cited = len(paragraphs) - left_out
        self.legend.setText(
            f"Coloured bar: cited ({cited} of {len(paragraphs)} paragraphs) · "
            f"dotted: not cited ({left_out})"
        )

    # -- card → source --------------------------------------------------------------------

    def show_item(self, field: str, index: int) -> None:
        """Tint the passage an item cites, scroll to it, and say what it is."""
        self._state = (field, index)
        evidence = self._evidence
        if evidence is None or evidence.citations is None:
            return  # shown once the source has been read
        item = evidence.citations.item(field, index)
        if item is None:
            return
        named = evidence.citations.cited_by(field, index)
        if isinstance(named, str):
            self._mark([], None)
            self.footer.setText(
                f"{_item_link(item)} cites {escape(item.where or '')}: {escape(named)}"
            )
            return
        self._mark(list(named), named[0] if named else None)
        self.footer.setText(self._item_line(item, named))
        self.footer.setToolTip("")

    def _item_line(self, item: Item, named: tuple[Paragraph, ...]) -> str:
        evidence = self._evidence
        assert evidence is not None
        where = escape(item.where) if item.where else "no locator"
        line = f"{_item_link(item)} ({where}): “{escape(item.gist)}”"
        health = (evidence.health or {}).get((item.field, item.index))
        if health is not None and health.mark is Mark.SUSPECT:
            line += f"<br />⚠ {escape(mark_tooltip(health))}"
        elif not named:
            line += " — nothing to show in the source"
        return line

    # -- source → card --------------------------------------------------------------------

    def select_paragraph(self, paragraph: Paragraph) -> None:
        """Make ``paragraph`` the current passage and list what cites it."""
        self._state = paragraph
        self._mark([paragraph], paragraph)
        evidence = self._evidence
        items = evidence.citations.citing(paragraph) if evidence and evidence.citations else ()
        self.footer.setToolTip(safe_tooltip(citing_text(paragraph, items)))  # every item's
        if not items:
            self.footer.setText(f"<b>{escape(paragraph.locator)}</b> is not cited by this card.")
            return
        if len(items) == 1:  # room for its words; several are named only (the tooltip has all)
            links = f"{_item_link(items[0])} “{escape(items[0].gist)}”"
        else:
            links = ", ".join(_item_link(i) for i in items)
        self.footer.setText(f"<b>{escape(paragraph.locator)}</b> is cited by {links}")

    def step_cited(self, step: int) -> Paragraph | None:
        """Go to the next (``step`` 1) or previous (-1) paragraph the card cites, round the
        end; None when it cites none (or no text is shown)."""
        evidence = self._evidence
        if evidence is None or evidence.source is None or evidence.citations is None:
            return None
        order = evidence.source.paragraphs
        cited = [i for i, p in enumerate(order) if evidence.citations.citing(p)]
        if not cited:
            return None
        current = self.view.current
        here = order.index(current) if current in order else (-1 if step > 0 else len(order))
        after = [i for i in cited if (i > here if step > 0 else i < here)]
        if step > 0:
            target = after[0] if after else cited[0]
        else:
            target = after[-1] if after else cited[-1]
        self.select_paragraph(order[target])
        return order[target]

    def _on_link(self, href: str) -> None:
        cited = parse_cite(href.removeprefix("cite:")) if href.startswith("cite:") else None
        if cited is not None:
            self.item_clicked.emit(*cited)

    # -- marks ----------------------------------------------------------------------------

    def _mark(self, passage: list[Paragraph], current: Paragraph | None) -> None:
        evidence = self._evidence
        spans = evidence.citations.quote_spans if evidence and evidence.citations else ()
        quotes = [(s.paragraph, s.start, s.end) for s in spans]
        self.view.mark(passage, quotes, current)

    def highlighted(self) -> list[str]:
        """The locators of the paragraphs tinted as the passage shown."""
        return [paragraph.locator for paragraph in self.view.passage()]

    def quote_marks(self) -> list[str]:
        """The words marked as the card's quotes, as the text shows them."""
        return [text for _, text in self.view.quotes()]
