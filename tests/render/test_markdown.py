"""Light Markdown: the formatting a summary needs, and nothing a hostile card could abuse."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from PySide6.QtWidgets import QApplication

from reader.qt.document import SafeTextDocument
from reader.render import markdown as md
from reader.render import markdown_to_html
from reader.render.html import escape
from reader.render.markdown import is_safe_url
from tests.render.conftest import fragments

HREF = re.compile(r'href="([^"]*)"')


def hrefs(html: str) -> list[str]:
    return HREF.findall(html)


def test_light_formatting_survives() -> None:
    html = markdown_to_html("Some *emphasis*, **strong** and `code`.\n\n- one\n- two")
    assert "<em>emphasis</em>" in html
    assert "<strong>strong</strong>" in html
    assert "<code>code</code>" in html
    assert html.count("<li>") == 2


@pytest.mark.parametrize(
    "source",
    [
        "<b>bold?</b>",
        "<script>alert(1)</script>",
        '<img src="file:///etc/passwd">',
        '<a href="javascript:alert(1)">x</a>',
        "<div>\n<iframe src='http://evil.example'></iframe>\n</div>",
    ],
)
def test_raw_html_shows_as_text(source: str) -> None:
    html = markdown_to_html(source)
    assert "<b>" not in html
    assert "<script" not in html
    assert "<img" not in html
    assert "<iframe" not in html
    assert "<div" not in html
    assert "&lt;" in html
    assert hrefs(html) == []


@pytest.mark.parametrize(
    "source",
    [
        "![passwd](file:///etc/passwd)",
        "![](file:///etc/passwd)",
        "![remote](http://evil.example/pixel.png)",
        "![remote](https://evil.example/pixel.png)",
        "![data](data:image/png;base64,iVBORw0KGgo=)",
        '![ref][img]\n\n[img]: http://evil.example/x.png "t"',
        "[![nested](http://evil.example/a.png)](https://example.org)",
    ],
)
def test_images_never_become_img(source: str) -> None:
    html = markdown_to_html(source)
    assert "<img" not in html
    assert not any(h.startswith(("file:", "data:")) for h in hrefs(html))


@pytest.mark.parametrize(
    "source",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](  javascript:alert(1) )",
        "[click](vbscript:msgbox(1))",
        "[file](file:///etc/passwd)",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "[relative](notes/other.html)",
        "[anchor](#card--summary)",
        "[proto](//evil.example/x)",
        "<javascript:alert(1)>",
        "[ref][r]\n\n[r]: javascript:alert(1)",
        "[ftp](ftp://example.org/file)",
    ],
)
def test_unsafe_links_render_as_text(source: str) -> None:
    html = markdown_to_html(source)
    assert "<a" not in html
    assert hrefs(html) == []


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[site](https://example.org/a?b=1&c=2)", "https://example.org/a?b=1&amp;c=2"),
        ("[site](http://example.org)", "http://example.org"),
        ("[mail](mailto:desk@example.org)", "mailto:desk@example.org"),
        ("<https://example.org/auto>", "https://example.org/auto"),
        ("[ref][r]\n\n[r]: https://example.org/ref", "https://example.org/ref"),
    ],
)
def test_web_and_mail_links_are_kept(source: str, href: str) -> None:
    assert hrefs(markdown_to_html(source)) == [href]


def test_link_destination_cannot_break_out_of_its_attribute() -> None:
    html = markdown_to_html('[x](https://example.org/"onmouseover="alert(1))')
    assert 'onmouseover="' not in html
    assert all('"' not in h for h in hrefs(html))


def test_headings_do_not_outrank_the_card() -> None:
    html = markdown_to_html("# Big\n\nSub\n===")
    assert not re.search(r"<h\d", html)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("HTTP://EXAMPLE.ORG/x", True),
        ("mailto:a@example.org", True),
        ("http://", False),
        ("https:///etc/passwd", False),
        ("mailto:", False),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/plain,hi", False),
        ("example.org", False),
    ],
)
def test_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_mark_sees_text_only_never_urls() -> None:
    seen: list[str] = []

    def mark(text: str) -> str:
        seen.append(text)
        return text.upper().replace("<", "&lt;")

    html = markdown_to_html("See [the report](https://example.org/wagner) and `code`.", mark=mark)
    assert "THE REPORT" in html
    assert "<code>CODE</code>" in html
    assert 'href="https://example.org/wagner"' in html
    assert not any("example.org" in s for s in seen)


def test_qt_sees_no_image_in_hostile_markdown(qapp: QApplication) -> None:
    source = (
        "![a](file:///etc/passwd) ![b](http://evil.example/x.png) <img src='x.png'> "
        "![c](data:image/png;base64,iVBORw0KGgo=)"
    )
    doc = SafeTextDocument()
    doc.setHtml(markdown_to_html(source))
    assert not any(fmt.isImageFormat() for _, fmt in fragments(doc))
    assert "<img src='x.png'>" in doc.toPlainText()


# -- plain text: one paragraph without the parser (#17 §4) -----------------------------------

#: Letters, digits, spaces and the punctuation plain text may hold; and the characters that
#: can be Markdown syntax, drawn one at a time into plain text for text the parser must see.
PLAIN = ["a", "Zé", "9", " ", ",", ".", ";", "?", "'", '"', "(", ")", "/", "’", "—", "…"]
SYNTAX = "\n\t!#$%&*+-:<=>@[\\]^_`{}~|"


def _through_the_parser(text: str, mark: Callable[[str], str]) -> str:
    rendered: str = md._parser().render(text, {"mark": mark})
    return rendered


@pytest.mark.parametrize("syntax", ["", *SYNTAX])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_plain_text_is_rendered_as_the_parser_would(syntax: str, data: st.DataObject) -> None:
    words = [*PLAIN, "a" + syntax, syntax + "a", syntax, syntax] if syntax else PLAIN
    text = data.draw(st.lists(st.sampled_from(words), max_size=10).map("".join))

    def mark(run: str) -> str:  # shows how the text was cut into runs
        return f"[{escape(run)}]"

    assert markdown_to_html(text, mark=mark) == _through_the_parser(text, mark)


def test_plain_text_does_not_build_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    parser = md._parser

    def noted() -> MarkdownIt:
        built.append(1)
        return parser()

    monkeypatch.setattr(md, "_parser", noted)
    description = "Generated cards for scale tests; not real sources (10,000 of them)."
    assert markdown_to_html(description) == f"<p>{escape(description)}</p>\n"
    assert built == []
    markdown_to_html("Some *emphasis*.")
    assert built == [1]  # the check sees a parser when one is built
