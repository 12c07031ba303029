"""Pages of the exported book as PNG images, for a person to look at (``-m screenshots``).

Writes cover, contents, a card's first and a continuation page, the landscape compare page,
the topic matrix, the ledger, the index, and a Letter-size card page to
``$BRIEFING_SHOTS`` (default: a ``export-pages`` folder in pytest's temporary directory).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.export.conftest import ISOLATION, LEVERAGE, SANCTIONS, Book, Run

pytestmark = pytest.mark.screenshots
Export = Callable[..., Run]


def _render(pdf: Path, page: int, out: Path, resolution: int = 60) -> Path:
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page),
         "-singlefile", str(pdf), str(out)],
        check=True,
        timeout=60,
    )  # fmt: skip
    return out.with_suffix(".png")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_save_pages_to_look_at(export: Export, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = Path(os.environ.get("BRIEFING_SHOTS") or tmp_path_factory.mktemp("export-pages"))
    folder.mkdir(parents=True, exist_ok=True)
    a4 = folder / "mali-a4.pdf"
    run = export("-o", a4, "--compare", f"{SANCTIONS},{LEVERAGE},{ISOLATION}")
    assert run.code == 0, run.err
    book = Book(a4)
    where = {title: page for _, title, page in book.outline()}
    cards = book.cards()
    pages = {
        "01-cover": 1,
        "02-contents": 2,
        "03-card-first-page": cards[1][1],
        "04-card-continued": cards[1][1] + 3,
        "05-compare-landscape": next(p for t, p in where.items() if t.startswith("Side by side")),
        "06-topic-matrix": where["Topic matrix"],
        "07-ledger": where["Recommendations by addressee"],
        "08-timeline": where["Timeline"],
        "09-index": where["Index of tags"],
    }
    saved = [_render(a4, page, folder / name) for name, page in pages.items()]
    letter = folder / "mali-letter.pdf"
    assert export("-o", letter, "--page-size", "Letter", "--card", SANCTIONS).code == 0
    saved.append(_render(letter, 3, folder / "10-letter-card"))
    for image in saved:
        assert image.stat().st_size > 5_000, f"{image} looks empty"
    print(f"\nexport pages saved in {folder}")
