"""The card editor (issue #15 §2): a form generated from the card schema over one card file.

What the window calls: :class:`CardEditor` (``open_file``, ``set_context``, ``save``,
``maybe_close``, ``add_quote``, ``wants_locator``/``fill_locator``, ``restore_draft``) and
:func:`pending_drafts`, for offering back the edits a crash or a kill left unsaved.

:class:`CardEditor` is imported on first use (PEP 562 ``__getattr__``): the window asks for
the drafts at start-up, and that must not bring the whole form with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.editor.drafts import Draft, pending_drafts

if TYPE_CHECKING:
    from reader.ui.editor.card_editor import CardEditor

__all__ = ["CardEditor", "Draft", "pending_drafts"]


def __getattr__(name: str) -> object:
    if name == "CardEditor":
        from reader.ui.editor.card_editor import CardEditor

        return CardEditor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
