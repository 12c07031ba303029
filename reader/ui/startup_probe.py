"""A hook for timing start-up: the window says when its card list is filled.

``make bench`` measures "process start → window shown with the whole card list" by starting
``briefing-reader PATH`` with ``BRIEFING_READER_EXIT_WHEN_LISTED=N`` in the environment and
timing it until it exits. The window calls :func:`card_list_shown` whenever its card list has
been filled from a new catalog (with the window visible); once the list holds at least ``N``
rows, the process prints one line and ends at once, without tearing Qt down — the bare-window
baseline ends the same way. Without the variable the call does nothing, so the window can call
it unconditionally.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

EXIT_WHEN_LISTED = "BRIEFING_READER_EXIT_WHEN_LISTED"


def card_list_shown(rows: int, environ: Mapping[str, str] | None = None) -> None:
    """Report a filled card list; ends the process when a benchmark is waiting for it."""
    wanted = (os.environ if environ is None else environ).get(EXIT_WHEN_LISTED, "").strip()
    if not wanted:
        return
    if rows < (int(wanted) if wanted.isdigit() else 1):
        return
    sys.stdout.write(f"briefing-reader: listed {rows} cards\n")
    sys.stdout.flush()
    os._exit(0)
