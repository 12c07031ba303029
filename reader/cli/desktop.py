"""``briefing-reader --install-desktop`` / ``--uninstall-desktop``: the launcher entry, for this
user.

A pip install puts a command on the PATH but nothing in the desktop's launcher. This copies
our ``.desktop`` entry, icons (the SVG and its PNG sizes) and AppStream metainfo into the
freedesktop layout under ``$XDG_DATA_HOME`` (default ``~/.local/share``), with the entry's
``Exec`` naming this installation's command by its full path, since a virtual environment's
``bin`` is rarely on the desktop session's PATH. Uninstalling removes exactly those files.
Each file is written to a temporary name and renamed, so a launcher never reads half of one.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

from reader.cards.resources import resources_dir
from reader.cli.exits import EXIT_FAILED, EXIT_OK

APP_ID = "briefing-reader"
DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
#: Characters an Exec argument may hold without quoting (desktop entry spec, "Exec key").
_PLAIN = re.compile(r"^[A-Za-z0-9/._+-]+$")


def data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME")
    return Path(base) if base else Path.home() / ".local" / "share"


def _exec_arg(arg: str) -> str:
    """One Exec argument: quoted, with the spec's escapes, when it holds anything special;
    then escaped again for the desktop file's string syntax (a backslash doubles)."""
    if not _PLAIN.match(arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\").replace("%", "%%")


def launch_command() -> list[str]:
    """How the launcher starts this installation: its ``briefing-reader`` script beside the
    interpreter, else the interpreter running the package."""
    script = Path(sys.executable).parent / APP_ID
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "reader"]


def desktop_entry(template: str, command: list[str]) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` naming ``command``."""
    exec_line = " ".join(_exec_arg(arg) for arg in command) + " %f"
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line}"
        elif line.startswith("TryExec="):
            line = f"TryExec={_exec_arg(command[0])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def planned_files(home: Path) -> dict[Path, Path | None]:
    """Where each file goes (under ``home``), from where (None: the generated entry)."""
    shipped = resources_dir()
    icons = shipped / "icons"
    files: dict[Path, Path | None] = {
        home / "applications" / DESKTOP_FILE: None,
        home / "metainfo" / METAINFO_FILE: shipped / "desktop" / METAINFO_FILE,
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icons / f"{APP_ID}.svg",
    }
    for png in sorted((icons / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        files[home / "icons" / png.relative_to(icons)] = png
    return files


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def install(home: Path) -> list[Path]:
    """Install every file of :func:`planned_files`; returns the paths written."""
    template = (resources_dir() / "desktop" / DESKTOP_FILE).read_text(encoding="utf-8")
    written = []
    for target, source in planned_files(home).items():
        if source is None:
            data = desktop_entry(template, launch_command()).encode("utf-8")
        else:
            data = source.read_bytes()
        _write(target, data)
        written.append(target)
    # Icon caches notice a theme folder whose time changed.
    os.utime(home / "icons" / "hicolor")
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove the files :func:`install` writes (nothing else); returns those removed."""
    removed = []
    for target in planned_files(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed


def desktop_command(uninstalling: bool) -> int:
    home = data_home()
    try:
        paths = uninstall(home) if uninstalling else install(home)
    except OSError as exc:
        where = exc.filename or home
        print(f"briefing-reader: error: {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    for path in paths:
        print(path)
    if uninstalling:
        print(f"removed {len(paths)} files: Briefing Reader has left the launcher")
    else:
        print(f"installed {len(paths)} files: Briefing Reader is in the launcher")
    return EXIT_OK
