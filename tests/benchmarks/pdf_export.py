"""Benchmark 6: ``briefing-reader export`` of 100 and 1,000 generated cards.

The product is the command as a reader runs it, in a child process from launch to exit:
load the set, lay out and paint every page (cards, comparison, index), add the outline and
write atomically. The floor is what Qt alone takes to print the same cards' text as plain
HTML: each card's body, page breaks between them, in QTextDocuments of :data:`FLOOR_PART`
cards, each printed with ``QTextDocument.print_`` to a QPdfWriter of its own — no contents,
running header, comparison pages, index, outline, page-break mending or second pass.

Why in parts: one QTextDocument of 1,000 cards is no floor. Qt's print stops at 613 pages
(of the some 2,200 the cards take: its layout's coordinates run out) and takes minutes for
those (its cost grows faster than the pages: 1.0 s for 100 cards, 54 s for the 613 pages of
1,000), so the ratio said nothing. A hundred cards (some 220 pages) is a document Qt prints
whole and at its best pace per page (parts of 50 or 100 cost the same; of 200, a third more).
Reported: seconds (and CPU seconds), pages, pages per second and peak memory, against the
goals of #17 §5 (at most five times the floor; at most 250 MB peak).

Run alone with ``python -m tests.benchmarks.pdf_export [COUNT...]``.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.common import Result, child_env, format_table, python, run_child

RUNS = {100: 3, 1_000: 1}
#: The goals of #17 §5: at most five times the floor, at most 250 MB over all processes.
MOST_FLOOR_RATIO = 5.0
MOST_RSS_MB = 250.0
#: Cards in each of the floor's documents (see the module's docstring).
FLOOR_PART = 100
_FLOOR = """
import sys, time
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter
app = QGuiApplication(["floor", "-platform", "offscreen"])
from reader.cards.load import load_set
from reader.render import LIGHT
from reader.render.card import render_card
from reader.qt.document import make_document
loaded = load_set(Path(sys.argv[1]))
cards, part = loaded.cards, int(sys.argv[3])
started, cpu = time.perf_counter(), time.process_time()
written = []
for first in range(0, len(cards), part):
    bodies = [
        render_card(c, loaded.info, theme=LIGHT, for_print=True)
        .partition("<body>")[2]
        .rpartition("</body>")[0]
        for c in cards[first : first + part]
    ]
    html = '<div style="page-break-before: always"></div>'.join(bodies)
    doc = make_document(f"<html><body>{html}</body></html>", LIGHT, 10.0)
    written.append(f"{sys.argv[2]}-{first}.pdf")
    writer = QPdfWriter(written[-1])
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc.print_(writer)
    del writer, doc  # closes the file
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
from pypdf import PdfReader
print(f"{seconds:.3f} {cpu:.3f} {sum(len(PdfReader(f).pages) for f in written)}")
"""


def _export(root: Path, out: Path) -> tuple[float, float, float, int]:
    """Seconds, CPU seconds, peak RSS (MB) and pages of the command, launch to exit."""
    run = run_child(
        [python(), "-m", "reader", "export", str(root), "-o", str(out)],
        child_env({"SOURCE_DATE_EPOCH": "1700000000"}),
        timeout=900,
    )
    if run.returncode != 0:
        raise RuntimeError(f"export of {root} failed with status {run.returncode}")
    # "2,745 pages (1,000 cards) written to …": the counts have thousands separators.
    pages = re.match(r"([\d,]+) pages", run.stdout)
    count = int(pages.group(1).replace(",", "")) if pages else 0
    return run.seconds, run.cpu_seconds, run.max_rss_mb, count


def _floor(root: Path, out: Path) -> tuple[float, float, int]:
    """Seconds, CPU seconds and pages of Qt printing the cards (after loading them)."""
    run = run_child(
        [python(), "-c", _FLOOR, str(root), str(out), str(FLOOR_PART)], child_env(), timeout=900
    )
    if run.returncode != 0:
        raise RuntimeError(f"the floor for {root} failed with status {run.returncode}")
    seconds, cpu, pages = run.stdout.split()
    return float(seconds), float(cpu), int(pages)


def run(sets: dict[int, Path], scratch: Path) -> list[Result]:
    results = []
    for count in sorted(sets):
        root = sets[count]
        products, floors, memory, cpus, floor_cpus = [], [], [], [], []
        pages = floor_pages = 0
        for _ in range(RUNS.get(count, 1)):
            seconds, cpu, rss, pages = _export(root, scratch / f"export-{count}.pdf")
            products.append(seconds)
            cpus.append(cpu)
            memory.append(rss)
            floor_seconds, floor_cpu, floor_pages = _floor(root, scratch / f"floor-{count}.pdf")
            floors.append(floor_seconds)
            floor_cpus.append(floor_cpu)
        product = statistics.median(products)
        cpu_ratio = statistics.median(cpus) / max(statistics.median(floor_cpus), 1e-9)
        results.append(
            Result(
                f"6. PDF export, {count:,} cards",
                "s",
                product,
                statistics.median(floors),
                "ratio",
                MOST_FLOOR_RATIO,
                notes=(
                    f"{pages:,} pages, {pages / product:.0f} pages/s, peak RSS "
                    f"{max(memory):.0f} MB, CPU {statistics.median(cpus):.1f} s ({cpu_ratio:.1f}x "
                    f"the floor's); floor: Qt printing the cards alone in documents of "
                    f"{FLOOR_PART} cards ({floor_pages:,} pages, nothing else)"
                ),
                details={
                    "runs": products,
                    "floor": floors,
                    "cpu": cpus,
                    "floor_cpu": floor_cpus,
                    "pages": pages,
                    "rss_mb": memory,
                },
            )
        )
        # The export is one process (no workers), so its peak is the sum over processes.
        results.append(
            Result(
                f"6b. PDF export peak RSS, {count:,} cards",
                "MB",
                max(memory),
                None,
                "product",
                MOST_RSS_MB,
            )
        )
    return results


def main(argv: list[str]) -> int:
    from tests.support.synthetic import write_set

    counts = [int(a) for a in argv] or sorted(RUNS)
    with tempfile.TemporaryDirectory(prefix="export-bench-") as folder:
        scratch = Path(folder)
        sets = {}
        for count in counts:
            sets[count] = scratch / f"set-{count}"
            write_set(sets[count], count)
        print(format_table(run(sets, scratch)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
