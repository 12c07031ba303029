"""The card's outline: a strip of its sections (Thesis, Argument, Recommendations…) over the
card view, to jump in a long card (the Crisis Group card runs to some thirty screens).

The strip sits in the view's top margin (``setViewportMargins``), so it stays put while the
card scrolls beneath it. It is always one row: the sections that do not fit (a narrow window,
the source pane open, the text zoomed) move into a "More" menu at its end, as a toolbar's
overflow does, rather than wrapping onto a second row of chrome (which also painted rows over
each other when a zoom grew the buttons and the wrapping was not redone). The buttons are
placed by :meth:`CardOutline._place` itself, on every resize and font change, never by a
layout that could keep old positions. Each section is a button, reachable with Tab and named
for screen readers; the one being read is marked as the card scrolls, on the More button (with
its name) while it is one of the hidden sections. The Go menu's section commands (Ctrl+1…) jump
through :meth:`CardOutline.jump` too, and ask :meth:`CardOutline.reason` whether they can.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QActionGroup,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import QButtonGroup, QMenu, QStyleOption, QToolButton, QWidget

from reader.render.sections import SECTION_LABELS, CardSection
from reader.ui.focus import paint_focus
from reader.ui.reading.card_view import CardView

#: The sections the Go menu jumps to with Ctrl+1…Ctrl+9, in that order (the tags have no key).
NUMBERED_SECTIONS = (
    "thesis",
    "summary",
    "argument",
    "recommendations",
    "perspectives",
    "actors",
    "timeline",
    "quotes",
    "notes",
)
#: How far below the top of the view a section still counts as the one being read.
READING_LINE = 40
#: The strip's margins (left, top, right, bottom) and the gap between its buttons.
MARGINS = (10, 3, 10, 4)
GAP = 2
#: The overflow button's label while the section being read is not one of the hidden ones.
MORE = "More"


class SectionButton(QToolButton):
    """A section of the strip: a flat button that shows the keyboard focus as every view of
    the window does (:func:`reader.ui.focus.paint_focus`; a flat tool button shows none)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            option = QStyleOption()
            option.initFrom(self)
            painter = QPainter(self)
            paint_focus(painter, option, filled=False)
            painter.end()


class CardOutline(QWidget):
    """The section strip of one :class:`CardView` (see the module documentation)."""

    #: The section being read changed (its key), as the reader scrolls or jumps.
    section_changed = Signal(str)

    def __init__(self, view: CardView) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("cardOutline")
        self.setAccessibleName("Card sections")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._sections: tuple[CardSection, ...] = ()
        self._buttons: dict[str, QToolButton] = {}
        #: The Go menu's key of each section, named in its button's tooltip.
        self._keys: dict[str, str] = {}
        #: Each section's anchor's top in document coordinates, worked out when first needed.
        self._tops: list[tuple[int, str]] | None = None
        #: The sections that do not fit the row, in the More menu (see :meth:`_place`).
        self._hidden: list[str] = []
        self._more = SectionButton(self)
        self._more.setObjectName("outline-more")
        self._more.setText(MORE)
        self._more.setAutoRaise(True)
        self._more.setCheckable(True)
        self._more.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._more.setAccessibleName("More sections")
        self._more.setToolTip("The sections that do not fit here")
        self._more.setMenu(QMenu(self._more))
        self._more.menu().aboutToShow.connect(self._fill_menu)
        #: One section is read at a time: the menu marks it as a choice, not a tick box.
        self._choices = QActionGroup(self._more.menu())
        self._more.installEventFilter(self)
        self._more.hide()
        #: A resize or zoom places the buttons once, after Qt has settled their sizes.
        self._placing = QTimer(self)
        self._placing.setSingleShot(True)
        self._placing.setInterval(0)
        self._placing.timeout.connect(self._place)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._mark_current())
        view.document().documentLayout().documentSizeChanged.connect(self._forget_tops)
        self.hide()

    # -- what is shown --------------------------------------------------------------------

    @property
    def sections(self) -> tuple[CardSection, ...]:
        return self._sections

    def buttons(self) -> list[QToolButton]:
        """The section buttons, in card order (tests, the tab chain)."""
        return list(self._buttons.values())

    def show_sections(self, sections: Sequence[CardSection]) -> None:
        """The sections of the card shown (none: a page that is not a card hides the strip)."""
        sections = tuple(sections)
        rebuild = [s.key for s in sections] != [s.key for s in self._sections]
        self._sections = sections  # (another card's anchors, even with the same sections)
        if rebuild:
            self._rebuild()
        self._forget_tops()
        self.setVisible(bool(sections))
        self._place()
        self._mark_current()

    def _rebuild(self) -> None:
        for button in self._buttons.values():
            self._group.removeButton(button)
            button.hide()  # at once: until deleted, it would paint under the new ones
            button.deleteLater()
        self._buttons = {}
        for section in self._sections:
            label = SECTION_LABELS[section.key]
            button = SectionButton(self)
            button.setObjectName(f"outline-{section.key}")
            button.setText(label)
            button.setAutoRaise(True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stops at the checked one
            button.installEventFilter(self)
            button.toggled.connect(self._follow_focus)
            button.setAccessibleName(f"Go to {label}")
            tip = f"Go to {label}" if section.key != "header" else "Back to the top"
            key = self._keys.get(section.key)
            button.setToolTip(f"{tip} ({key})" if key else tip)
            button.clicked.connect(lambda _=False, key=section.key: self.jump(key))
            self._group.addButton(button)
            self._buttons[section.key] = button

    # -- jumping --------------------------------------------------------------------------

    def reason(self, key: str) -> str | None:
        """Why the section ``key`` cannot be jumped to now, or None when it can."""
        if not self._sections:
            return "Open a card first."
        if key not in self._buttons:
            return f"This card has no {SECTION_LABELS[key]} section."
        return None

    def jump(self, key: str) -> bool:
        """Scroll the card to its section ``key``; False when the card shown has none."""
        section = next((s for s in self._sections if s.key == key), None)
        if section is None or not self._view.scroll_to_anchor(section.anchor):
            return False
        if not self._buttons[key].isChecked():
            self._buttons[key].setChecked(True)
            self.section_changed.emit(key)
        self._show_more()
        return True

    def tab_chain(self) -> list[QToolButton]:
        """The strip's widgets in Tab order: the sections, then More. Only one takes Tab at a
        time (the section being read, or More while that section is one of its hidden ones),
        so More's place after the hidden sections is right at any width."""
        return [*self._buttons.values(), self._more]

    def hidden_sections(self) -> list[str]:
        """The sections in the More menu, which do not fit the row (tests)."""
        return list(self._hidden)

    def more_button(self) -> QToolButton:
        """The overflow button at the end of the row (tests)."""
        return self._more

    def set_key_hints(self, keys: dict[str, str]) -> None:
        """The Go menu's key of each section, for its button's tooltip ("Go to Argument
        (Ctrl+3)")."""
        self._keys = dict(keys)

    # -- where it sits --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._place()
        elif isinstance(watched, QToolButton) and event.type() == QEvent.Type.FontChange:
            self._placing.start()  # zoomed: its size hint is new once it has the font
        elif isinstance(watched, QToolButton) and isinstance(event, QKeyEvent):
            return self._arrow(watched, event)
        return False

    def _arrow(self, button: QToolButton, event: QKeyEvent) -> bool:
        """Left and Right move between the sections, as in a tab bar: one Tab stop for the
        strip (the section being read), not one per section."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if event.type() != QEvent.Type.KeyPress or step is None:
            return False
        buttons = [b for b in self.buttons() if b.isVisibleTo(self)]
        if self._hidden:
            buttons.append(self._more)
        if button not in buttons:
            return False
        buttons[(buttons.index(button) + step) % len(buttons)].setFocus(
            Qt.FocusReason.TabFocusReason
        )
        return True

    def _follow_focus(self, checked: bool) -> None:
        """The checked section is the strip's Tab stop (the More button while it is hidden)."""
        for button in self._buttons.values():
            tab = Qt.FocusPolicy.StrongFocus if button.isChecked() else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(tab)
        self._show_more()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._placing.start()  # zoomed: the buttons grew, fewer may fit

    def _place(self) -> None:
        """Lay the strip, one row, over the top of the view and keep the text below it: the
        buttons from the left as far as they fit, the rest in the More menu at the end."""
        view = self._view
        if self.isHidden():
            view.setViewportMargins(0, 0, 0, 0)
            return
        left, top, right, bottom = MARGINS
        frame = view.frameWidth()
        width = max(0, view.width() - 2 * frame)
        buttons = list(self._buttons.items())
        hints = [button.sizeHint() for _key, button in buttons]
        more = self._more.sizeHint()
        row = max([more.height(), *(h.height() for h in hints)])
        end = width - right
        if left + sum(h.width() + GAP for h in hints) - GAP > end:
            end -= more.width() + GAP  # not all fit: room for More
        x, hidden = left, list[str]()
        for (key, button), hint in zip(buttons, hints, strict=True):
            fits = not hidden and x + hint.width() <= end
            button.setVisible(fits)
            if fits:
                button.setGeometry(QRect(x, top, hint.width(), row))
                x += hint.width() + GAP
            else:
                hidden.append(key)
        self._hidden = hidden
        self._more.setVisible(bool(hidden))
        if hidden:
            self._more.setGeometry(QRect(x, top, more.width(), row))
        self._show_more()
        height = top + row + bottom
        self.setGeometry(frame, frame, width, height)
        view.setViewportMargins(0, height, 0, 0)

    def _show_more(self) -> None:
        """The More menu lists the hidden sections; while the one being read is among them the
        button bears its name, is marked, and is the strip's Tab stop."""
        current = self._group.checkedButton()
        reading = next((k for k in self._hidden if self._buttons[k] is current), None)
        label = SECTION_LABELS[reading] if reading else MORE
        if self._more.text() != label:
            self._more.setText(label)
            self._placing.start()  # a longer name may push a section into the menu
        self._more.setChecked(reading is not None)
        tab = Qt.FocusPolicy.StrongFocus if reading else Qt.FocusPolicy.ClickFocus
        self._more.setFocusPolicy(tab)

    def _fill_menu(self) -> None:
        """The More menu, made as it opens: the hidden sections, the one being read checked
        (not remade as the card scrolls, nor while one of its commands runs)."""
        menu = self._more.menu()
        menu.clear()
        current = self._group.checkedButton()
        for key in self._hidden:
            button = self._buttons[key]
            action = menu.addAction(SECTION_LABELS[key])
            self._choices.addAction(action)
            action.setCheckable(True)
            action.setChecked(button is current)
            action.setToolTip(button.toolTip())
            action.triggered.connect(lambda _=False, key=key: self.jump(key))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)

    # -- the section being read -----------------------------------------------------------

    def _forget_tops(self) -> None:
        self._tops = None

    def _section_tops(self) -> list[tuple[int, str]]:
        if self._tops is None:
            view, doc = self._view, self._view.document()
            scrolled = view.verticalScrollBar().value()
            tops = []
            for section in self._sections:
                position = view.anchor_position(section.anchor)
                if position is not None:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(position)
                    tops.append((view.cursorRect(cursor).top() + scrolled, section.key))
            self._tops = tops
        return self._tops

    def _mark_current(self) -> None:
        """Check the button of the section at the top of the view (the last one started), or
        at the end of the card the last one that starts on screen."""
        if not self._sections or self._view.card_id is None:
            return
        bar = self._view.verticalScrollBar()
        # At the end the last sections cannot reach the top: the last one begun on screen.
        end = bar.value() >= bar.maximum() > 0
        line = bar.value() + (self._view.viewport().height() if end else READING_LINE)
        current = next(
            (key for top, key in reversed(self._section_tops()) if top <= line),
            self._sections[0].key,
        )
        button = self._buttons.get(current)
        if button is not None and not button.isChecked():
            button.setChecked(True)
            self.section_changed.emit(current)
