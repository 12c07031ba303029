"""The environment the suite runs in is the one the lock file describes.

`make run`, `make test` and CI install requirements.lock with --require-hashes, then the
project with --no-deps, so what a fresh clone runs is what was tested. `make test-latest`
deliberately installs the newest releases instead and sets BRIEFING_READER_UNLOCKED.
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement

from tests.conftest import REPO

LOCK = REPO / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ \\]+)", re.MULTILINE)


def _normal(name: str) -> str:
    """PEP 503's normal form: pip freeze says PyYAML and typing_extensions, the lock pyyaml."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    return {_normal(name): version for name, version in _PIN.findall(LOCK.read_text("utf-8"))}


@pytest.mark.skipif(
    bool(os.environ.get("BRIEFING_READER_UNLOCKED")),
    reason="make test-latest runs the newest releases on purpose",
)
def test_every_installed_package_is_the_locked_version() -> None:
    installed = {
        _normal(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if _normal(dist.metadata["Name"]) not in {"briefing-reader", "pip", "setuptools"}
    }
    assert installed == _pins()


def test_the_lock_pins_every_dependency_with_hashes_and_no_machines_paths() -> None:
    text = LOCK.read_text("utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[-1])
    pinned = [entry for entry in entries if _PIN.match(entry)]
    assert len(pinned) == len(_pins())
    assert all("--hash=sha256:" in entry for entry in pinned)
    for forbidden in ("--index-url", "--extra-index-url", "--find-links", "file:", "/opt/"):
        assert forbidden not in text
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    pins = _pins()
    for line in wanted:
        requirement = Requirement(line)
        name = _normal(requirement.name)
        assert name in pins, f"{name} is not in the lock: run make lock"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} vs {line}"
