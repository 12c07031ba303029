"""A fresh Python interpreter run from the repository with its own state folder, as the
command-line tests start the program: output captured, no stdin, a minute at most."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run_python(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` with ``BRIEFING_READER_STATE_DIR`` at ``state`` (logs, drafts)."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "BRIEFING_READER_STATE_DIR": str(state)},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
