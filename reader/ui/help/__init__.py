"""The Help menu's windows: keyboard shortcuts, the card format guide, About.

Each opens beside the main window (not modal: a reader keeps the shortcuts or the guide open
while trying things) and once: asked again, the open one comes to the front.
"""

from __future__ import annotations

from reader.ui.help.about import show_about
from reader.ui.help.guide import show_format_guide
from reader.ui.help.shortcuts import show_shortcuts

__all__ = ["show_about", "show_format_guide", "show_shortcuts"]
