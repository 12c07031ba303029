"""The format guide's Markdown: headings with anchors, tables, and nothing unsafe."""

from __future__ import annotations

import re

from reader.render.guide import guide_to_html, slug
from tests.conftest import SHIPPED_CARDS


def test_every_section_link_of_the_shipped_guide_has_its_anchor() -> None:
    html = guide_to_html((SHIPPED_CARDS / "README.md").read_text(encoding="utf-8"))
    links = set(re.findall(r'href="#([^"]+)"', html))
    anchors = set(re.findall(r'<a name="([^"]+)"', html))
    assert {"dates", "tags", "card-fields"} <= links
    assert links <= anchors
    assert "<table>" in html
    assert "<th>field</th>" in html


def test_slug_is_githubs() -> None:
    assert slug("Source files, locators and quote verification") == (
        "source-files-locators-and-quote-verification"
    )


def test_raw_html_images_and_other_schemes_stay_text() -> None:
    html = guide_to_html(
        "<img src=x>\n\n![pic](https://example.org/a.png) [js](javascript:alert(1)) "
        "[file](file:///etc/passwd) [rel](../resources/x.json) [web](https://example.org)"
    )
    assert "<img" not in html
    assert "&lt;img src=x&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="file' not in html
    assert 'href="../' not in html
    assert '<a href="https://example.org">web</a>' in html
