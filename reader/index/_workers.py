"""Worker processes for a cold index: plain subprocesses speaking marshal over pipes.

multiprocessing's ``spawn`` re-imports the caller's ``__main__`` in every worker (a whole GUI,
or a script without a ``__main__`` guard, which then recurses), and ``fork`` is unsafe in a
process that runs Qt threads. A worker here is a fresh interpreter that imports only the
parsing modules, reads ``(files, topics)`` tasks from stdin and writes the finished rows to
stdout, as plain tuples in ``marshal`` form: unlike pickle, reading them never looks up
(imports) a class, which a worker thread under PySide6 must not do. Each message is framed (a
mark and its length, :func:`write_message`) and read whole, then decoded from memory:
``marshal.load`` from a stream makes a Python call to read each string, 26 a card.

Each worker has up to two tasks, so that it starts the next as soon as it has written a result,
rather than waiting for this process to read it and answer: written with its result pipe
widened to 1 MB (Linux), a result rarely waits either. Neither side can block the other for
good. This process reads a result only once it is there, and a worker writes it whole without
waiting for anything. A task is written only to a worker with none, which is reading its
input, or with one, when the pipe has room for the new task's message beside all of the
previous one (:meth:`_Worker.can_take`): the write then completes at once.

No code from the working folder. ``python -m`` (and ``-c``) put the working folder first on
the import path, and the working folder is often the card folder, which comes from other
people: a ``yaml.py`` there would run as soon as the set is indexed. So a worker is started
as ``python -I -c BOOT PATH...``: isolated mode adds neither the working folder nor the
script's folder to the path, and ignores every ``PYTHON*`` variable (an empty entry in
``PYTHONPATH`` also means the working folder, and ``-P`` alone would still honour it). The
path the worker needs is given explicitly: this process's own ``sys.path`` (so a checkout, a
``PYTHONPATH`` or a user install still work), less empty or relative entries and the working
folder, plus the folder this package was imported from. Isolated mode also leaves the working
folder harmless whatever it is, so the workers keep this process's (relative paths work).

Failures are reported, never swallowed: a worker that cannot start (too many open files, no
``sys.executable``), dies or exits early costs only its chunk being parsed in this process
instead, and says so in :attr:`WorkerPool.failures` (the index shows it as its catalog's
``note``). Each worker runs in a session of its own, so Ctrl+C in a terminal (SIGINT to the
foreground process group) and a closed terminal (SIGHUP) reach only the app, which stops the
workers itself: no worker prints a ``KeyboardInterrupt`` traceback.
"""

from __future__ import annotations

import collections
import contextlib
import fcntl
import marshal
import os
import queue
import select
import selectors
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from reader.index._parser import parser
from reader.index._rows import FileRow, FileStamp

#: How much lower than the app's the workers' CPU priority is.
NICENESS = 5

Task = tuple[list[FileStamp], frozenset[str] | None]

#: What a worker runs: its import path comes as its arguments (see the module docstring).
BOOT = (
    "import sys; sys.path[:] = sys.argv[1:]; "
    "from reader.index._workers import run_worker; run_worker()"
)
#: The folder the ``reader`` package was imported from.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
#: What a worker's result pipe is widened to: a chunk's rows are some 600 KB.
RESULT_PIPE_BYTES = 1 << 20
#: How long a worker that closed its pipe gets to exit before its failure is worded without
#: its exit status.
REAP_SECONDS = 2.0


def import_path() -> list[str]:
    """This process's import path for a worker: no empty or relative entry and not the working
    folder (unless this package was imported from it), plus the package's own folder."""
    try:
        here: str | None = os.path.realpath(os.getcwd())
    except OSError:  # the working folder was deleted: nothing can be imported from it
        here = None
    kept = [
        entry
        for entry in sys.path
        if os.path.isabs(entry)
        and (os.path.realpath(entry) != here or os.path.realpath(entry) == PACKAGE_ROOT)
    ]
    return list(dict.fromkeys([*kept, PACKAGE_ROOT]))


class _Worker:
    def __init__(self) -> None:
        # The worker's stderr goes to a file, read back only to say why it failed: a pipe
        # could fill up, and the terminal is no place for a worker's messages.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-c", BOOT, *import_path()],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.errors,
                start_new_session=True,
            )
        except BaseException:
            self.errors.close()
            raise
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout
        #: Tasks sent and not yet answered, oldest first.
        self.tasks: collections.deque[Task] = collections.deque()
        #: The size of the last task's message: at most that much of it is still unread.
        self.unread = 0
        self.capacity = _pipe_size(self.stdin.fileno())
        with contextlib.suppress(OSError, AttributeError):  # not Linux, or over a user's limit
            fcntl.fcntl(self.stdout.fileno(), fcntl.F_SETPIPE_SZ, RESULT_PIPE_BYTES)

    def can_take(self, message: bytes) -> bool:
        """Whether writing ``message`` now cannot block (see the module docstring)."""
        if not self.tasks:
            return True
        return len(self.tasks) == 1 and self.unread + len(message) <= self.capacity

    def send(self, task: Task, message: bytes) -> None:
        self.tasks.append(task)
        self.unread = len(message)
        self.stdin.write(message)
        self.stdin.flush()

    def receive(self) -> list[FileRow]:
        rows = [FileRow(*row) for row in read_message(self.stdout)]
        self.tasks.popleft()
        return rows

    def failure(self) -> str:
        """Why this worker stopped answering, for people: its last words, else its exit."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(REAP_SECONDS)
        self.errors.seek(0, os.SEEK_END)
        self.errors.seek(max(0, self.errors.tell() - 4096))
        lines = self.errors.read().decode("utf-8", "replace").strip().splitlines()
        code = self.process.returncode
        if lines:
            reason = lines[-1].strip()
        elif code is None:
            reason = "it sent a reply that could not be read"
        elif code < 0:
            reason = f"killed by signal {-code}"
        else:
            reason = f"exit status {code}"
        return f"an index worker stopped ({reason}); the app parsed its files itself"

    def stop(self) -> None:
        for stream in (self.stdin, self.stdout, self.errors):
            with contextlib.suppress(OSError):
                stream.close()
        self.process.kill()
        self.process.wait()


class WorkerPool:
    """Worker processes for one build. They can be started before the work is known, so
    that their start-up (a Python interpreter importing the parser) overlaps the folder scan.
    """

    def __init__(self, size: int, failures: list[str] | None = None) -> None:
        #: Why workers failed, one line each, for people (the index shows them as a note);
        #: appended to the list given, if any.
        self.failures: list[str] = [] if failures is None else failures
        self._workers: list[_Worker] = []
        for _ in range(size):
            try:
                self._workers.append(_Worker())
            except OSError as exc:
                # Too many open files or processes, or no interpreter to run: the chunks are
                # parsed here instead, and the other workers would fail the same way.
                reason = exc.strerror or str(exc)
                self.failures.append(
                    f"an index worker could not start ({reason}); the app parsed the files itself"
                )
                break

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
            args=(tasks, self._workers, results, stop, self.failures),
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
    failures: list[str],
) -> None:
    pending = list(reversed(tasks))
    selector = selectors.DefaultSelector()
    try:
        for worker in pool:
            if worker.tasks:
                continue
            if worker.process.poll() is not None:  # exited before its first task
                failures.append(worker.failure())
                continue
            selector.register(worker.stdout, selectors.EVENT_READ, worker)
            _feed(worker, pending, selector, failures)
        while any(w.tasks for w in pool) and not stop.is_set():
            for key, _events in selector.select(timeout=0.2):
                worker = key.data
                if not worker.tasks:  # an idle worker that exited: nothing was lost, but say so
                    selector.unregister(worker.stdout)
                    failures.append(worker.failure())
                    continue
                try:
                    rows = worker.receive()
                except (EOFError, OSError, ValueError, TypeError):
                    selector.unregister(worker.stdout)
                    failures.append(worker.failure())
                    rows = parser().parse_files(*worker.tasks.popleft())
                    pending.extend(worker.tasks)  # a second one: a worker fed next, or here
                    worker.tasks.clear()
                else:
                    _feed(worker, pending, selector, failures)
                results.put(rows)
        while pending and not stop.is_set():  # every worker died: finish here
            results.put(parser().parse_files(*pending.pop()))
    except BaseException as exc:  # the consumer re-raises it
        results.put(exc)
    finally:
        selector.close()
        results.put(None)


def _feed(
    worker: _Worker, pending: list[Task], selector: selectors.BaseSelector, failures: list[str]
) -> None:
    """Send ``worker`` the next tasks while it can take them."""
    while pending and len(worker.tasks) < 2:
        files, topics = pending[-1]
        # The stamps as plain tuples: marshal takes no subclass of one.
        message = frame_message((list(map(tuple, files)), topics))
        if not worker.can_take(message):
            return
        task = pending.pop()
        try:
            worker.send(task, message)
        except OSError:
            selector.unregister(worker.stdout)
            failures.append(worker.failure())
            pending.extend(worker.tasks)
            worker.tasks.clear()
            return


def _pipe_size(fd: int) -> int:
    """How many bytes the pipe ``fd`` holds (on Linux; elsewhere what POSIX promises)."""
    try:
        size: int = fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
    except (OSError, AttributeError):
        return select.PIPE_BUF
    return size


#: What every message starts with: a reply that does not is not one (and is known to be
#: wrong at its first byte, with no wait for more).
MARK = b"\x93"
_LENGTH = struct.Struct("<I")


def frame_message(message: Any) -> bytes:
    payload = marshal.dumps(message)
    return MARK + _LENGTH.pack(len(payload)) + payload


def write_message(stream: IO[bytes], message: Any) -> None:
    stream.write(frame_message(message))
    stream.flush()


def read_message(stream: IO[bytes]) -> Any:
    """The next message on ``stream``; EOFError at its end (before or within a message),
    ValueError when what comes is not a message."""
    mark = stream.read(1)
    if not mark:
        raise EOFError
    if mark != MARK:
        raise ValueError("not a message")
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    return marshal.loads(payload)


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """The worker's loop: parse each task until the parent closes the pipe (or is gone)."""
    while True:
        try:
            files, topics = read_message(stdin)
        except EOFError:
            return
        rows = parser().parse_files([FileStamp(*f) for f in files], topics)
        try:
            write_message(stdout, [tuple(row) for row in rows])
        except BrokenPipeError:
            return


def run_worker() -> None:
    """A worker process's whole life (started by :class:`_Worker` through :data:`BOOT`)."""
    # Stopping is the app's call: it stops its workers itself (see the module docstring).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stdin: Any = sys.stdin.buffer
    stdout: Any = sys.stdout.buffer
    # Nothing else may write to the result pipe.
    sys.stdout = sys.stderr
    # Indexing is background work: the window (and the writer) come first for the CPU.
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    serve(stdin, stdout)
