"""The Go menu: history, cited passages, focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.actions import Command, Key, Pixmap
from reader.ui.commands.conditions import back_reason, card_reason, forward_reason

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


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
