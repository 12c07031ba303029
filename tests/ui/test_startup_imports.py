"""What opening the window imports: the PDF pipeline waits until an export is asked for."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_window_does_not_import_the_pdf_pipeline_until_asked() -> None:
    script = (
        "import sys, reader.ui.main_window, reader.ui.app\n"
        "print(sorted(m for m in sys.modules if m == 'pypdf' or m.startswith('reader.export.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    loaded = done.stdout.strip()
    assert "pypdf" not in loaded
    assert "reader.export.pdf" not in loaded
    assert "reader.export.progress" in loaded  # (the check sees the export modules at all)
