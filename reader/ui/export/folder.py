"""Where exports are saved by default: the PDF export's and Export Table…'s save dialogs.

Its own module so that the comparison workspace, made with the first window, can ask for
the folder without importing the PDF export (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def export_folder(settings: QSettings) -> Path:
    """Where the save dialog opens: the last export's folder while it exists, else the
    reader's Documents folder, else the home folder.

    Never the working directory: on a fresh account Documents does not exist yet, and Qt's
    dialog, given a folder that is not there, opened in the program's own checkout instead.
    """
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (str(settings.value("export/folder", "") or ""), documents):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return Path.home()
