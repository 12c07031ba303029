"""The messages between the index and its worker processes: framed, read whole, and a reply
that is cut short or is not a message at all is an error, never a wait or a wrong result."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pytest

from reader.index import _workers as indexworkers
from reader.index._parse import parse_files
from reader.index._rows import FileRow
from reader.index._sync import scan
from reader.index._workers import MARK, Task, WorkerPool, read_message, write_message
from tests.support.synthetic import write_set


def framed(message: object) -> bytes:
    stream = io.BytesIO()
    write_message(stream, message)
    return stream.getvalue()


def test_messages_arrive_whole_and_in_order() -> None:
    rows = [("a.yaml", 12, None, b"\x00\x01", "t\u00e9xt " * 1000), ("b.yaml", 3, 4.5, None, "")]
    stream = io.BytesIO(framed(rows) + framed(([], frozenset({"x"}))))
    assert read_message(stream) == rows
    assert read_message(stream) == ([], frozenset({"x"}))
    with pytest.raises(EOFError):
        read_message(stream)


@pytest.mark.parametrize("cut", [1, 3, 5, 40])
def test_a_message_cut_short_is_the_end_not_a_result(cut: int) -> None:
    data = framed([("a.yaml", 12, "text " * 20)])
    with pytest.raises(EOFError):
        read_message(io.BytesIO(data[:cut]))


def test_what_is_not_a_message_is_refused_at_its_first_byte() -> None:
    assert not b"?".startswith(MARK)
    with pytest.raises(ValueError, match="not a message"):
        read_message(io.BytesIO(b"?"))


# --- up to two tasks a worker, and what a worker that stops leaves ---------------------------


def tasks_for(root: Path, size: int) -> list[Task]:
    stamps = sorted(scan(root).values(), key=lambda stamp: stamp.rel)
    return [(stamps[i : i + size], None) for i in range(0, len(stamps), size)]


def rows_of(results: Iterable[list[FileRow]]) -> list[FileRow]:
    return sorted((row for rows in results for row in rows), key=lambda row: row.rel)


@pytest.fixture(scope="module")
def small_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workers") / "set"
    write_set(root, 24, seed=2)
    return root


@pytest.mark.parametrize("pipe_bytes", [None, 1])
def test_every_task_is_answered_once_whatever_the_pipe_holds(
    small_set: Path, monkeypatch: pytest.MonkeyPatch, pipe_bytes: int | None
) -> None:
    """With room for two tasks a worker gets a second before answering the first; with none
    (1 byte), one at a time. Either way each task's rows come once."""
    if pipe_bytes is not None:
        monkeypatch.setattr(indexworkers, "_pipe_size", lambda _fd: pipe_bytes)
    tasks = tasks_for(small_set, 5)
    with WorkerPool(1) as pool:
        got = rows_of(pool.run(tasks))
        assert pool.failures == []
    assert got == rows_of(parse_files(*task) for task in tasks)


#: A worker that answers its first task and stops, with its second task sent and unanswered.
ONE_TASK = (
    "import sys; sys.path[:] = sys.argv[1:]; "
    "from reader.index._workers import read_message, write_message; "
    "from reader.index._parse import parse_files; from reader.index._rows import FileStamp; "
    "files, topics = read_message(sys.stdin.buffer); "
    "rows = parse_files([FileStamp(*f) for f in files], topics); "
    "write_message(sys.stdout.buffer, [tuple(row) for row in rows])"
)


def test_the_tasks_a_stopped_worker_held_are_parsed_anyway(
    small_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexworkers, "BOOT", ONE_TASK)
    tasks = tasks_for(small_set, 5)
    with WorkerPool(1) as pool:
        got = rows_of(pool.run(tasks))
        assert len(pool.failures) == 1
        assert "exit status 0" in pool.failures[0]
    assert got == rows_of(parse_files(*task) for task in tasks)
