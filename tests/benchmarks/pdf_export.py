"""Benchmark 6: ``briefing-reader export`` of 100 and 1,000 generated cards.

The product is the command as a reader runs it, in a child process from launch to exit:
load the set, lay out and paint every page (cards, comparison, index), add the outline and
write atomically. The floor is what Qt alone takes to print the same cards' HTML: one
QTextDocument holding every card, page breaks between them, ``QTextDocument.print_`` to a
QPdfWriter — no contents, running header, comparison pages, index, outline or second pass.
Reported: seconds, pages, pages per second and peak memory, against the goals of #17 §5
(at most five times the floor; at most 250 MB peak).

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
_FLOOR = """
import sys, time
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter
app = QGuiApplication(["floor", "-platform", "offscreen"])
from reader.cards.load import load_set
from reader.render import LIGHT, render_card
from reader.qt.document import make_document
cards = load_set(Path(sys.argv[1]))
started = time.perf_counter()
html = '<p style="page-break-before: always"></p>'.join(
    render_card(c, cards.info, theme=LIGHT, for_print=True) for c in cards.cards
)
doc = make_document(html, LIGHT, 10.0)
writer = QPdfWriter(sys.argv[2])
writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
doc.print_(writer)
seconds = time.perf_counter() - started
del writer  # closes the file
from pypdf import PdfReader
print(f"{seconds:.3f} {len(PdfReader(sys.argv[2]).pages)}")
"""


def _export(root: Path, out: Path) -> tuple[float, float, int]:
    run = run_child(
        [python(), "-m", "reader", "export", str(root), "-o", str(out)],
        child_env({"SOURCE_DATE_EPOCH": "1700000000"}),
        timeout=900,
    )
    if run.returncode != 0:
        raise RuntimeError(f"export of {root} failed with status {run.returncode}")
    # "2,745 pages (1,000 cards) written to …": the counts have thousands separators.
    pages = re.match(r"([\d,]+) pages", run.stdout)
    return run.seconds, run.max_rss_mb, int(pages.group(1).replace(",", "")) if pages else 0


def _floor(root: Path, out: Path) -> tuple[float, int]:
    run = run_child([python(), "-c", _FLOOR, str(root), str(out)], child_env(), timeout=900)
    if run.returncode != 0:
        raise RuntimeError(f"the floor for {root} failed with status {run.returncode}")
    seconds, pages = run.stdout.split()
    return float(seconds), int(pages)


def run(sets: dict[int, Path], scratch: Path) -> list[Result]:
    results = []
    for count in sorted(sets):
        root = sets[count]
        products, floors, memory = [], [], []
        pages = floor_pages = 0
        for _ in range(RUNS.get(count, 1)):
            seconds, rss, pages = _export(root, scratch / f"export-{count}.pdf")
            products.append(seconds)
            memory.append(rss)
            floor_seconds, floor_pages = _floor(root, scratch / f"floor-{count}.pdf")
            floors.append(floor_seconds)
        product = statistics.median(products)
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
                    f"{max(memory):.0f} MB; floor: Qt printing the cards alone "
                    f"({floor_pages:,} pages, nothing else)"
                ),
                details={"runs": products, "floor": floors, "pages": pages, "rss_mb": memory},
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
