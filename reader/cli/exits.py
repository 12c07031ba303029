"""The exit codes of ``briefing-reader``, defined once for every command.

A script tells the outcomes apart by these numbers (README, "Exit codes"), so each command
imports them from here rather than spelling the numbers itself.
"""

from __future__ import annotations

#: The command did what was asked (``search``: some card matched).
EXIT_OK = 0
#: The cards have errors (``check``, ``index``), or ``search`` matched nothing.
EXIT_PROBLEMS = 1
#: Nothing was written: nothing to export, or the file cannot be written.
EXIT_FAILED = 1
#: Bad arguments, or a PATH that is not a folder (or cannot be looked up).
EXIT_USAGE = 2


def interrupted(signum: int) -> int:
    """The exit code of a command ended by the signal ``signum``: 128 + its number, the
    shell's convention (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP)."""
    return 128 + signum
