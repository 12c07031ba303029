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
import queue
import selectors
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import astuple
from typing import IO, Any

from reader.core.indexrows import FileRow, FileStamp, parse_files

#: How much lower than the app's the workers' CPU priority is.
NICENESS = 5

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
        self.process.kill()
        self.process.wait()


class WorkerPool:
    """Worker processes for one build. They can be started before the work is known, so
    that their start-up (a Python interpreter importing the parser) overlaps the folder scan.
    """

    def __init__(self, size: int) -> None:
        self._workers = [_Worker() for _ in range(size)]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def run(self, tasks: Sequence[Task]) -> Iterator[list[FileRow]]:
        """The rows of every task, in the order they finish.

        A helper thread keeps the workers fed and collects their results while the caller is
        busy with the previous ones (writing them to the index), so no worker waits for the
        writer.
        """
        results: queue.SimpleQueue[list[FileRow] | BaseException | None] = queue.SimpleQueue()
        stop = threading.Event()
        feeder = threading.Thread(
            target=_dispatch,
            args=(tasks, self._workers, results, stop),
            name="index-workers",
            daemon=True,
        )
        feeder.start()
        try:
            while (item := results.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            feeder.join()

    def close(self) -> None:
        # The workers hold nothing worth a clean exit; ending them at once, together, keeps
        # their interpreter shutdowns off the end of the build.
        for worker in self._workers:
            worker.stop()


def _dispatch(
    tasks: Sequence[Task],
    pool: list[_Worker],
    results: queue.SimpleQueue[list[FileRow] | BaseException | None],
    stop: threading.Event,
) -> None:
    pending = list(reversed(tasks))
    selector = selectors.DefaultSelector()
    try:
        for worker in pool:
            if worker.task is None and worker.process.poll() is None:
                selector.register(worker.stdout, selectors.EVENT_READ, worker)
                if pending:
                    _start(worker, pending, selector)
        while any(w.task is not None for w in pool) and not stop.is_set():
            for key, _events in selector.select(timeout=0.2):
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
                    if pending:
                        _start(worker, pending, selector)
                results.put(rows)
        while pending and not stop.is_set():  # every worker died: finish here
            results.put(parse_files(*pending.pop()))
    except BaseException as exc:  # the consumer re-raises it
        results.put(exc)
    finally:
        selector.close()
        results.put(None)


def _start(worker: _Worker, pending: list[Task], selector: selectors.BaseSelector) -> None:
    task = pending.pop()
    try:
        worker.send(task)
    except OSError:
        selector.unregister(worker.stdout)
        worker.task = None
        pending.append(task)


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
    # Indexing is background work: the window (and the writer) come first for the CPU.
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    serve(stdin, stdout)


if __name__ == "__main__":
    _main()
