"""Hostile folders and faults: one small case per finding of the reliability review.

Card folders come from other people, so every case here is something a shared folder or a
failing machine can do. Each test drives the real command line and, where the finding reaches
the window, the window too. The command runs in a child process (``cli``: a private index
cache, no stdin and a timeout, so a hang fails in seconds) wherever the process is part of the
case: signals, limits, the working folder, the terminal's encoding, a read that could block.
Where the case is what a command answers, it runs in this process through the same ``main``
(``run_main``): a child costs 0.15-0.7 s of CPU, which dozens of cases made a fifth of the
suite's time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.ui.main_window import MainWindow

#: Long enough for a cold index of a few hundred cards on a loaded 2-core machine.
CLI_TIMEOUT = 60.0

Cli = Callable[..., subprocess.CompletedProcess[str]]


def card_text(card_id: str, title: str | None = None) -> str:
    """A small valid card."""
    return (
        "format: briefing-card/1\n"
        f"id: {card_id}\n"
        f'title: "{title or card_id}"\n'
        "source:\n"
        '  publisher: "Example Institute"\n'
        '  published: "2023-02-09"\n'
        "  kind: report\n"
        'thesis: "A thesis."\n'
        'summary: "A summary."\n'
        "argument:\n"
        '  - claim: "A claim."\n'
        "tags: [theme/test]\n"
    )


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """Run ``briefing-reader ARGS…`` as a user would, with its own index cache."""
    cache = tmp_path / "cache"

    def run(
        *args: str | Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = CLI_TIMEOUT,
    ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "BRIEFING_READER_CACHE_DIR": str(cache), **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "reader", *map(str, args)],
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
            cwd=cwd or tmp_path,
            env=environment,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )

    return run


@pytest.fixture
def run_main(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
) -> Cli:
    """``briefing-reader ARGS…`` in this process, answering as ``cli`` does (the same private
    index cache and working folder, exit code, output). ``qapp``: an export must find the
    session's QApplication, not make a bare QGuiApplication the widget tests could not use."""
    cache = tmp_path / "cache"

    def run(
        *args: str | Path,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        timeout: float = CLI_TIMEOUT,  # pytest-timeout's limit applies instead
    ) -> subprocess.CompletedProcess[str]:
        from reader.cli import main

        argv = [str(arg) for arg in args]
        capsys.readouterr()
        with monkeypatch.context() as patch:
            patch.setenv("BRIEFING_READER_CACHE_DIR", str(cache))
            for name, value in (env or {}).items():
                assert not name.startswith("PYTHON"), f"{name} needs a new interpreter: use cli"
                patch.setenv(name, value)
            patch.chdir(cwd or tmp_path)
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, captured.out, captured.err)

    return run


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """Bad input never produces a traceback, on either stream."""
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr


#: ``python -c`` that runs ``briefing-reader ARGS…`` with at most ``sys.argv[1]`` open files,
#: like ``(ulimit -n N; briefing-reader ARGS…)``.
_LIMITED = (
    "import resource, runpy, sys; n = int(sys.argv.pop(1)); "
    "resource.setrlimit(resource.RLIMIT_NOFILE, (n, n)); sys.argv[0] = 'briefing-reader'; "
    "runpy.run_module('reader', run_name='__main__', alter_sys=True)"
)


def run_reader(
    *args: str | Path,
    cwd: Path,
    cache: Path,
    timeout: float = CLI_TIMEOUT,
    open_files: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """``briefing-reader ARGS…`` run from ``cwd`` the way the installed command runs.

    The console script never has the working folder on its import path; ``-P`` gives
    ``python -m reader`` the same, so a hostile working folder can only reach what the
    command starts itself (the ``cli`` fixture's ``python -m`` would import from it at once).
    ``open_files`` limits the open files as ``ulimit -n`` does.
    """
    launch = ["-m", "reader"] if open_files is None else ["-c", _LIMITED, str(open_files)]
    return subprocess.run(
        [sys.executable, "-P", *launch, *map(str, args)],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
        cwd=cwd,
        env={**os.environ, "BRIEFING_READER_CACHE_DIR": str(cache)},
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def write_cards(root: Path, *ids: str) -> Path:
    """``root`` holding a small valid card ``<id>.yaml`` for each id (folders made as needed)."""
    root.mkdir(parents=True, exist_ok=True)
    for card_id in ids:
        (root / f"{card_id}.yaml").write_text(card_text(card_id), encoding="utf-8")
    return root


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # As in tests/ui: the offscreen platform warns about size hints it cannot pass on.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )


@pytest.fixture
def indexed_window(qtbot: QtBot, tmp_path: Path) -> Callable[[Path], MainWindow]:
    """Open the window on a set through the persistent index, as ``briefing-reader PATH`` does,
    and wait until it has a catalog (a hang or a failed load fails the wait)."""
    from reader.app.loading import CatalogSources
    from reader.index import index_refreshes, index_snapshots
    from reader.ui.main_window import MainWindow, settings_at

    def open_window(root: Path) -> MainWindow:
        window = MainWindow(
            settings_at(tmp_path / "settings.ini"),
            source=CatalogSources(index_snapshots, index_refreshes),
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.open_set(root)
        qtbot.waitUntil(
            lambda: window.session.catalog is not None and not window.sets.busy, timeout=20_000
        )
        return window

    return open_window


def window_ids(window: MainWindow) -> set[str]:
    """The ids of the cards the window's list shows."""
    return set(window.list_pane.visible_ids())
