"""How an export reports progress and is stopped: light, so that the window can hold it
without importing the PDF pipeline (and pypdf) before the reader asks for an export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class ExportCancelledError(Exception):
    """Raised by a progress callback to stop an export; nothing is written."""


@dataclass(frozen=True, slots=True)
class Progress:
    #: Steps done of ``total``: every section laid out, every section painted, finishing.
    done: int
    total: int
    #: The section at hand (a card's title, a comparison view).
    label: str
    #: Where the export is, in words for a progress line: "412 of 1,000 cards laid out".
    stage: str = ""


ProgressCallback = Callable[[Progress], None]
