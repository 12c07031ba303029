"""The Go menu: history, cited passages, focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.render.sections import SECTION_LABELS
from reader.ui.actions import Command, Key, Pixmap
from reader.ui.commands.conditions import back_reason, card_reason, forward_reason, set_reason
from reader.ui.reading.outline import NUMBERED_SECTIONS

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def _section(key: str, number: int) -> Command[MainWindow]:
    """Go › Section › Thesis (Ctrl+1)…: the card's outline, by keyboard."""
    label = SECTION_LABELS[key]
    return Command(
        f"section_{key}",
        f"&{number} {label}",
        f"Scroll the card to its {label} section",
        "&Go/&Section",
        lambda w: w.aids.jump(key),
        (f"Ctrl+{number}",),
        when=lambda w: w.aids.outline.reason(key),
    )


GO_COMMANDS: tuple[Command[MainWindow], ...] = (
    Command(
        "back",
        "&Back",
        "Back to the previous card or filter",
        "&Go",
        lambda w: w.session.back(),
        (Key.Back,),
        when=back_reason,
        icon=("go-previous", Pixmap.SP_ArrowBack),
    ),
    Command(
        "forward",
        "&Forward",
        "Forward again",
        "&Go",
        lambda w: w.session.forward(),
        (Key.Forward,),
        when=forward_reason,
        icon=("go-next", Pixmap.SP_ArrowForward),
    ),
    Command(
        "set_overview",
        "Set &Overview",
        "The set's overview: what it holds, the questions its cards answer, how to get around",
        "&Go",
        lambda w: w.aids.show_overview(),
        ("Alt+Home",),
        when=set_reason,
        separated=True,
    ),
    *(_section(key, n) for n, key in enumerate(NUMBERED_SECTIONS, start=1)),
    Command(
        "next_cited",
        "Next &Cited Passage",
        "Go to the next passage of the source that the card cites",
        "&Go",
        lambda w: w.sources.step_cited(1),
        ("F8",),
        when=card_reason,
        separated=True,
    ),
    Command(
        "previous_cited",
        "Previous C&ited Passage",
        "Go to the previous passage of the source that the card cites",
        "&Go",
        lambda w: w.sources.step_cited(-1),
        ("Shift+F8",),
        when=card_reason,
    ),
    Command(
        "focus_tags",
        "&Tags",
        "Move the focus to the tag browser",
        "&Go",
        lambda w: w.focus_tags(),
        ("Ctrl+T",),
        separated=True,
    ),
    Command(
        "focus_list",
        "Card &List",
        "Move the focus to the card list",
        "&Go",
        lambda w: w.focus_list(),
        ("Ctrl+L",),
    ),
)
