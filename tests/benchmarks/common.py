"""What every benchmark shares: a result row, the goals, child processes, and the table."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def given_or_generated(path: Path | None, cards: int, seed: int) -> Iterator[Path]:
    """``path``, or ``cards`` generated cards in a folder removed afterwards; either way with
    a throwaway index cache unless one is set (a benchmark run alone, not by ``make bench``)."""
    os.environ.setdefault("BRIEFING_READER_CACHE_DIR", tempfile.mkdtemp(prefix="briefing-cache-"))
    if path is not None:
        yield path
        return
    from tests.support.synthetic import write_set

    with tempfile.TemporaryDirectory(prefix="briefing-bench-set-") as scratch:
        root = Path(scratch) / "set"
        write_set(root, cards, seed=seed)
        yield root


@dataclass
class Result:
    """One line of the table: the product against its floor, and the goal's verdict."""

    name: str
    unit: str
    product: float | None
    floor: float | None
    #: What is compared with the goal: "ratio", "product" or "difference" (product - floor).
    judged: str
    #: The pass line (judged value must be at most this); None: reported, no goal.
    goal: float | None
    notes: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.product is None or not self.floor:
            return None
        return self.product / self.floor

    @property
    def value(self) -> float | None:
        if self.product is None:
            return None
        if self.judged == "ratio":
            return self.ratio
        if self.judged == "difference":
            return None if self.floor is None else self.product - self.floor
        return self.product

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return "info"
        value = self.value
        if value is None:
            return "n/a"
        return "PASS" if value <= self.goal else "FAIL"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=self.ratio, value=self.value, verdict=self.verdict)
        return data


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    samples = [measure() for _ in range(runs)]
    return statistics.median(samples), samples


def alternate(
    runs: int, first: Callable[[], float], second: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Interleave two measurements so both see the same machine load."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return a, b


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    #: The process's user and system CPU time.
    cpu_seconds: float = 0.0


#: Starts the command after its first argument, waits for it, and writes its wall time, CPU
#: time, peak RSS (KiB) and exit code to the file that argument names. A process forked from
#: the benchmark inherits the benchmark's own high-water RSS as its ``ru_maxrss`` (Linux keeps
#: the larger of the forking process's and its own), so once the benchmark had opened a
#: 100,000-card index every child read 426 MB; started from this small launcher, the figure is
#: the child's own (a Python child is larger than the launcher from its first import).
_LAUNCHER = r"""
import os, signal, sys, time
out, command = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGKILL))
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(out, "w") as f:
    cpu = usage.ru_utime + usage.ru_stime
    f.write(f"{seconds} {cpu} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_child(
    command: Sequence[str], env: Mapping[str, str], timeout: float, cwd: Path = REPO
) -> ChildRun:
    """Run a process to its end: its wall time from launch, CPU time and peak RSS (wait4 in a
    small launcher, see ``_LAUNCHER``)."""
    handle, report_name = tempfile.mkstemp(prefix="briefing-child-")
    os.close(handle)
    report = Path(report_name)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _LAUNCHER, report_name, *command],
        cwd=cwd,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()))  # type: ignore[union-attr]
    reader.start()
    deadline = started + timeout
    while proc.poll() is None:
        if time.perf_counter() > deadline:
            proc.terminate()  # the launcher kills the child and reports it
            proc.wait()
            break
        time.sleep(0.001)
    outer = time.perf_counter() - started
    reader.join()
    proc.stdout.close()
    output = b"".join(chunks).decode(errors="replace")
    fields = report.read_text().split()
    report.unlink()
    if len(fields) != 4:  # the launcher itself failed
        return ChildRun(outer, 0.0, proc.returncode or -1, output)
    seconds, cpu, rss_kb, returncode = fields
    return ChildRun(float(seconds), int(rss_kb) / 1024, int(returncode), output, float(cpu))


def python() -> str:
    return sys.executable


def format_table(results: Sequence[Result]) -> str:
    header = ("benchmark", "product", "floor", "ratio", "judged", "goal", "verdict")
    rows = [header]
    for r in results:
        rows.append(
            (
                r.name,
                _num(r.product, r.unit),
                _num(r.floor, r.unit),
                "" if r.ratio is None else f"{r.ratio:.2f}",
                r.judged if r.judged != "product" else "value",
                "" if r.goal is None else _goal(r),
                r.verdict,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"- {r.name}: {r.notes}" for r in results if r.notes]
    return "\n".join(lines + (["", *notes] if notes else []))


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} {unit}"


def _goal(result: Result) -> str:
    if result.judged == "ratio":
        return f"ratio <= {result.goal:g}"
    if result.judged == "difference":
        return f"+{result.goal:g} {result.unit} max"
    return f"<= {result.goal:g} {result.unit}"


def during_index_result(
    name: str,
    products: list[float],
    floors: list[float],
    busy: list[bool],
    goal: float,
    floor_note: str,
) -> list[Result]:
    """The row of a "during a cold index" benchmark: the medians of alternating runs, or no
    figure when the index had finished before the action (the machine was too fast)."""
    if not all(busy):
        return [Result(name, "s", None, None, "product", goal, notes="the index was done")]
    shown = ", ".join(f"{s:.3f}" for s in products)
    return [
        Result(
            name,
            "s",
            statistics.median(products),
            statistics.median(floors),
            "product",
            goal,
            notes=f"median of {len(products)} ({shown} s); floor: {floor_note}",
            details={"product_s": products, "floor_s": floors},
        )
    ]


def machine() -> dict[str, object]:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "load_average": os.getloadavg(),
    }


#: A named benchmark step: runs, and returns its rows.
Step = tuple[str, Callable[[], list[Result]]]


def run_steps(steps: Sequence[Step], chosen: set[str] | None = None) -> list[Result]:
    """Every step (or those ``chosen``), in order; one that raises becomes a failed row, so
    one broken benchmark never hides the others."""
    results: list[Result] = []
    for name, step in steps:
        if chosen is not None and name not in chosen:
            continue
        print(f"running {name} ...", flush=True)
        try:
            results += step()
        except Exception as exc:
            results.append(Result(name, "", None, None, "product", 0.0, notes=f"failed: {exc!r}"))
    return results


def report(results: Sequence[Result], path: Path, **extra: object) -> int:
    """Print the table, write it with the machine's details (and ``extra``) as JSON to
    ``path``; the exit status: 0 when every goal is met."""
    print()
    print(format_table(results))
    data = {"machine": machine(), **extra, "results": [r.to_json() for r in results]}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {path}")
    return 0 if all(r.verdict in ("PASS", "info") for r in results) else 1
