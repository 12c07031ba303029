"""The external editor's command: a template split first, a hostile file name kept whole."""

from __future__ import annotations

import shlex

import pytest

from reader.app.external_editor import (
    TemplateError,
    default_template,
    editor_argv,
    template_problem,
)

HOSTILE = "/cards/a b'c\"; rm -rf ~ $(x) {line}.yaml"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("code --goto {file}:{line}", ["code", "--goto", f"{HOSTILE}:12"]),
        ("kate --line {line} {file}", ["kate", "--line", "12", HOSTILE]),
        ("'/opt/My Editor/ed' +{line}", ["/opt/My Editor/ed", "+12", HOSTILE]),
    ],
)
def test_a_hostile_file_name_stays_one_argument(template: str, expected: list[str]) -> None:
    assert editor_argv(template, HOSTILE, 12) == expected


def test_a_bad_template_says_why() -> None:
    with pytest.raises(TemplateError):
        editor_argv("code '{file}", "x.yaml")
    assert template_problem("code '{file}") is not None
    assert template_problem("") is None  # the system's opener
    assert template_problem("gedit +{line} {file}") is None


def test_the_default_follows_visual_then_installed_editors() -> None:
    nothing = lambda _name: None  # noqa: E731
    visual = default_template({"VISUAL": "'/opt/vs code/code' --wait"}, nothing)
    assert shlex.split(visual) == ["/opt/vs code/code", "--goto", "{file}:{line}"]
    # A terminal editor cannot open in a window of its own: the next choice is taken.
    assert default_template({"EDITOR": "vim"}, lambda n: n if n == "kate" else None) == (
        "kate --line {line} {file}"
    )
    assert default_template({}, nothing) == ""
