"""The card editor (issue #15 §2): a form generated from the card schema over one card file.

What the window calls: :class:`CardEditor` (``open_file``, ``set_context``, ``save``,
``maybe_close``, ``add_quote``, ``wants_locator``/``fill_locator``, ``restore_draft``) and
:func:`pending_drafts`, for offering back the edits a crash or a kill left unsaved.
"""

from reader.ui.editor.card_editor import CardEditor
from reader.ui.editor.drafts import Draft, pending_drafts

__all__ = ["CardEditor", "Draft", "pending_drafts"]
