"""Opening a card file in the reader's own text editor: the command template and its launch.

The preference is a command line with ``{file}`` and ``{line}`` placeholders
(``code --goto {file}:{line}``, ``kate --line {line} {file}``). It is split into arguments
first (as a shell would split it, with :mod:`shlex`) and only then are the placeholders
replaced inside each argument, and the program is started without a shell: file names come
from other people, and a name holding spaces, quotes or ``; rm -rf ~`` must stay one
argument, never become a command. An empty preference means "the system's opener"
(``QDesktopServices.openUrl``, which cannot go to a line).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QProcess

#: Editors that can open a file at a line, by program name: the template for each. Terminal
#: editors (vim, nano) are left out: started without a terminal they cannot show anything.
KNOWN_EDITORS: dict[str, str] = {
    "code": "code --goto {file}:{line}",
    "codium": "codium --goto {file}:{line}",
    "code-insiders": "code-insiders --goto {file}:{line}",
    "subl": "subl {file}:{line}",
    "zed": "zed {file}:{line}",
    "kate": "kate --line {line} {file}",
    "kwrite": "kwrite --line {line} {file}",
    "gedit": "gedit +{line} {file}",
    "gvim": "gvim +{line} {file}",
    "emacs": "emacs +{line} {file}",
}
_PLACEHOLDER = re.compile(r"\{(file|line)\}")

Which = Callable[[str], str | None]


class TemplateError(ValueError):
    """The preference cannot be made into a command; the message says why."""


def editor_argv(template: str, file: Path | str, line: int = 1) -> list[str]:
    """The argument list ``template`` makes for ``file`` at ``line``, program first.

    The template is split before anything is put into it, and each placeholder is replaced in
    one pass (a file named ``{line}.yaml`` stays that name). A template without ``{file}``
    gets the file as its last argument.
    """
    try:
        parts = shlex.split(template)
    except ValueError as exc:  # an unclosed quote
        raise TemplateError(f"the editor command cannot be read: {exc}") from None
    if not parts:
        raise TemplateError("the editor command is empty")
    values = {"file": str(file), "line": str(max(1, line))}
    argv = [_PLACEHOLDER.sub(lambda m: values[m.group(1)], part) for part in parts]
    if not any("{file}" in part for part in parts):
        argv.append(str(file))
    return argv


def template_problem(template: str) -> str | None:
    """Why ``template`` cannot be used (None when it can, or is empty: the system's opener)."""
    if not template.strip():
        return None
    try:
        editor_argv(template, "file")
    except TemplateError as exc:
        return str(exc)
    return None


def default_template(environ: Mapping[str, str] = os.environ, which: Which = shutil.which) -> str:
    """The editor to use when the reader has chosen none: ``$VISUAL`` or ``$EDITOR`` when it is
    an editor that opens at a line in a window, else the first such editor installed, else
    "" (the system's opener)."""
    for variable in ("VISUAL", "EDITOR"):
        try:
            words = shlex.split(environ.get(variable, ""))
        except ValueError:
            continue
        if words and (template := KNOWN_EDITORS.get(Path(words[0]).name)):
            _, _, rest = template.partition(" ")
            return f"{shlex.quote(words[0])} {rest}"
    for name, template in KNOWN_EDITORS.items():
        if which(name):
            return template
    return ""


def launch(argv: list[str], which: Which = shutil.which) -> str | None:
    """Start ``argv`` detached, without a shell; None when it started, else why not."""
    program = argv[0]
    if which(program) is None:
        return f"the editor program '{program}' was not found"
    started, _pid = QProcess.startDetached(program, argv[1:])
    return None if started else f"the editor program '{program}' could not be started"
