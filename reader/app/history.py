"""Back and forward through what the reader looked at: a card, under a filter.

Like a browser, a new step after going back drops the forward steps. Typing a search would
otherwise leave one step per keystroke, so consecutive search edits merge into one step.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from reader.cards.query import Query

MAX_STEPS = 200


class Step(NamedTuple):
    query: Query
    card_id: str | None
    #: The comparison view the reader left from this step for a card (its name, "matrix"…),
    #: so that Back returns to it; None while reading.
    view: str | None = None


class History(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self._merging: list[bool] = []
        self._index = -1

    @property
    def current(self) -> Step | None:
        return self._steps[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._steps) - 1

    def push(self, step: Step, *, typing: bool = False) -> None:
        """Record ``step``; with ``typing`` it replaces a previous typing step."""
        if self.current == step:
            return
        del self._steps[self._index + 1 :]
        del self._merging[self._index + 1 :]
        if typing and self._merging and self._merging[-1]:
            self._steps[-1] = step
        else:
            self._steps.append(step)
            self._merging.append(typing)
        if len(self._steps) > MAX_STEPS:
            del self._steps[0]
            del self._merging[0]
        self._index = len(self._steps) - 1
        self.changed.emit()

    def replace_current(self, step: Step) -> None:
        """The current step, corrected (a reload removed its card); no new step."""
        if self._index < 0:
            self.push(step)
            return
        self._steps[self._index] = step
        self.changed.emit()

    def back(self) -> Step | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self._end_merge()
        self.changed.emit()
        return self._steps[self._index]

    def forward(self) -> Step | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self._end_merge()
        self.changed.emit()
        return self._steps[self._index]

    def _end_merge(self) -> None:
        # After moving, new typing starts a new step rather than rewriting an old one.
        self._merging = [False] * len(self._merging)

    def clear(self) -> None:
        self._steps.clear()
        self._merging.clear()
        self._index = -1
        self.changed.emit()
