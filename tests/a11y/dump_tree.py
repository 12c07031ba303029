#!/usr/bin/python3
"""Prints the accessibility tree a screen reader sees of Briefing Reader, over AT-SPI.

Run by ``make a11y`` (tests/a11y/run.sh), with the *system* interpreter: Debian's
python3-pyatspi serves /usr/bin/python3, not the project's virtual environment. Waits for the
app to appear on the accessibility bus, then prints one line per node: role, name, and the
states that matter to a reader (focusable, focused, selected), indented by depth.
"""

from __future__ import annotations

import sys
import time

import pyatspi  # type: ignore[import-not-found]

APP_NAME = "briefing-reader"
MAX_DEPTH = 14
MAX_CHILDREN = 25
STATES = {
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_SELECTED: "selected",
}


def find_app(timeout: float) -> object | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and APP_NAME in (app.name or "").lower().replace(" ", "-"):
                return app
        time.sleep(0.5)
    return None


def dump(node: object, depth: int, counts: dict[str, int]) -> None:
    role = node.getRoleName()  # type: ignore[attr-defined]
    name = node.name or ""  # type: ignore[attr-defined]
    states = node.getState()  # type: ignore[attr-defined]
    if not states.contains(pyatspi.STATE_SHOWING) and depth > 1:
        return
    marks = [label for state, label in STATES.items() if states.contains(state)]
    counts["nodes"] += 1
    if states.contains(pyatspi.STATE_FOCUSABLE) and not name.strip():
        counts["unnamed focusable"] += 1
    print(f"{'  ' * depth}[{role}] {name!r} {' '.join(marks)}".rstrip())
    if depth >= MAX_DEPTH:
        return
    count = node.childCount  # type: ignore[attr-defined]
    for i in range(min(count, MAX_CHILDREN)):
        child = node.getChildAtIndex(i)  # type: ignore[attr-defined]
        if child is not None:
            dump(child, depth + 1, counts)
    if count > MAX_CHILDREN:
        print(f"{'  ' * (depth + 1)}… {count - MAX_CHILDREN} more")


def main() -> int:
    app = find_app(timeout=30)
    if app is None:
        print("Briefing Reader did not appear on the accessibility bus", file=sys.stderr)
        return 1
    counts = {"nodes": 0, "unnamed focusable": 0}
    dump(app, 0, counts)
    unnamed = counts["unnamed focusable"]
    print(f"\n{counts['nodes']} nodes shown, {unnamed} focusable without a name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
