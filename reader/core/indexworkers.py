"""Worker processes for a cold index: plain subprocesses speaking marshal over pipes.

multiprocessing's ``spawn`` re-imports the caller's ``__main__`` in every worker (a whole GUI,
or a script without a ``__main__`` guard, which then recurses), and ``fork`` is unsafe in a
process that runs Qt threads. A worker here is ``python -m reader.core.indexworkers``: it
imports only the parsing modules, reads ``(files, topics)`` tasks from stdin and writes the
finished rows to stdout, as plain tuples in ``marshal`` form: unlike pickle, reading them
never looks up (imports) a class, which a worker thread under PySide6 must not do. Each
worker has one task at a time, so neither side can block on a full pipe. A worker that dies
only costs its chunk being parsed in this process instead.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import selectors
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import astuple
from typing import IO, Any

from reader.core.indexrows import FileRow, FileStamp, parse_files

Task = tuple[list[FileStamp], frozenset[str] | None]


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ)
        # The parent may have put the package on sys.path itself (tests, a checkout).
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reader.core.indexworkers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        self.task: Task | None = None

    def send(self, task: Task) -> None:
        self.task = task
        files, topics = task
        marshal.dump(([tuple(astuple(f)) for f in files], topics), self.stdin)
        self.stdin.flush()

    def receive(self) -> list[FileRow]:
        rows = [FileRow(*row) for row in marshal.load(self.stdout)]
        self.task = None
        return rows

    def stop(self) -> None:
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run_parallel(tasks: Sequence[Task], workers: int) -> Iterator[list[FileRow]]:
    """The rows of every task, in the order they finish, using ``workers`` processes."""
    queue = list(reversed(tasks))
    pool: list[_Worker] = []
    selector = selectors.DefaultSelector()
    try:
        for _ in range(min(workers, len(tasks))):
            worker = _Worker()
            pool.append(worker)
            selector.register(worker.stdout, selectors.EVENT_READ, worker)
            if queue:
                _start(worker, queue, selector)
        while any(w.task is not None for w in pool):
            for key, _events in selector.select():
                worker = key.data
                task = worker.task
                if task is None:  # an idle worker that exited: nothing was lost
                    selector.unregister(worker.stdout)
                    continue
                try:
                    rows = worker.receive()
                except (EOFError, OSError, ValueError, TypeError):
                    selector.unregister(worker.stdout)
                    worker.task = None
                    rows = parse_files(*task)
                else:
                    if queue:
                        _start(worker, queue, selector)
                yield rows
        while queue:  # every worker died: finish here
            yield parse_files(*queue.pop())
    finally:
        selector.close()
        for worker in pool:
            worker.stop()


def _start(worker: _Worker, queue: list[Task], selector: selectors.BaseSelector) -> None:
    task = queue.pop()
    try:
        worker.send(task)
    except OSError:
        selector.unregister(worker.stdout)
        worker.task = None
        queue.append(task)


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The worker's loop: parse each task until the parent closes the pipe."""
    while True:
        try:
            files, topics = marshal.load(stdin)
        except EOFError:
            return
        rows = parse_files([FileStamp(*f) for f in files], topics)
        marshal.dump([tuple(row) for row in rows], stdout)
        stdout.flush()


def _main() -> None:
    stdin: Any = sys.stdin.buffer
    stdout: Any = sys.stdout.buffer
    # Nothing else may write to the result pipe.
    sys.stdout = sys.stderr
    serve(stdin, stdout)


if __name__ == "__main__":
    _main()
