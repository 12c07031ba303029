"""How an export reports progress and is stopped: light, so that the window can hold it
without importing the PDF pipeline (and pypdf) before the reader asks for an export."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class ExportCancelledError(Exception):
    """Raised by a progress callback to stop an export; nothing is written."""


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    label: str


ProgressCallback = Callable[[Progress], None]
