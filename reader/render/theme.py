"""Colours and type scale for a rendered card, in a light and a dark variant.

The colours live here rather than in a CSS file so that the screen, the PDF and the contrast
tests all read the same values; ``stylesheet`` turns them into the CSS subset QTextDocument
understands (sizes in pt and px, no ``em``, no selectors beyond type and class).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.cards.query import fold

#: Free-text stance labels, folded, mapped to the few colour families the themes define.
#: A card writer may say "sceptical" or "opposed"; the badge should still mean something.
_STANCE_FAMILIES: dict[str, str] = {
    "supportive": "supportive",
    "supports": "supportive",
    "support": "supportive",
    "favourable": "supportive",
    "favorable": "supportive",
    "positive": "supportive",
    "optimistic": "supportive",
    "endorses": "supportive",
    "critical": "critical",
    "opposed": "critical",
    "opposes": "critical",
    "negative": "critical",
    "hostile": "critical",
    "skeptical": "skeptical",
    "sceptical": "skeptical",
    "doubtful": "skeptical",
    "pessimistic": "skeptical",
    "concerned": "concerned",
    "worried": "concerned",
    "alarmed": "concerned",
    "cautious": "concerned",
    "mixed": "mixed",
    "ambivalent": "mixed",
    "nuanced": "mixed",
    "divided": "mixed",
    "neutral": "neutral",
    "descriptive": "neutral",
    "silent": "neutral",
    "none": "neutral",
}


@dataclass(frozen=True, slots=True)
class Swatch:
    """A background and the text colour that stays readable on it."""

    background: str
    text: str


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    text: str
    muted: str
    background: str
    accent: str
    thesis_background: str
    thesis_border: str
    quote_rule: str
    rule: str
    chip: Swatch
    highlight: Swatch
    #: Badge colours by stance family (see ``stance``); ``stance_fallback`` for anything else.
    stances: tuple[tuple[str, Swatch], ...]
    stance_fallback: Swatch

    def stance(self, label: str) -> Swatch:
        """The badge colours for a free-text stance label, falling back for unknown ones."""
        family = _STANCE_FAMILIES.get(fold(label).strip())
        return next((s for name, s in self.stances if name == family), self.stance_fallback)


LIGHT = Theme(
    name="light",
    text="#1c2228",
    muted="#58626d",
    background="#ffffff",
    accent="#1d4f86",
    thesis_background="#eef3f9",
    thesis_border="#2f67a8",
    quote_rule="#7d93ae",
    rule="#d9dee4",
    chip=Swatch("#e7ecf2", "#2a3a4c"),
    highlight=Swatch("#ffe372", "#1c2228"),
    stances=(
        ("supportive", Swatch("#e1f3e6", "#1b6632")),
        ("critical", Swatch("#fbe4e1", "#9c2419")),
        ("skeptical", Swatch("#fcecd9", "#86480a")),
        ("concerned", Swatch("#f8efcc", "#6f5300")),
        ("mixed", Swatch("#eee6f8", "#583889")),
        ("neutral", Swatch("#eaedf0", "#434d58")),
    ),
    stance_fallback=Swatch("#e3ecf6", "#2b4c76"),
)

DARK = Theme(
    name="dark",
    text="#e3e6ea",
    muted="#a4adb8",
    background="#1e2125",
    accent="#8cbaf0",
    thesis_background="#24303f",
    thesis_border="#6ea2e0",
    quote_rule="#66768a",
    rule="#3a4048",
    chip=Swatch("#2e3742", "#d2dae3"),
    highlight=Swatch("#f2cd45", "#16181b"),
    stances=(
        ("supportive", Swatch("#1d3b28", "#93d8a8")),
        ("critical", Swatch("#4a2322", "#f5aaa2")),
        ("skeptical", Swatch("#47321a", "#f1c08c")),
        ("concerned", Swatch("#423a18", "#ebd27c")),
        ("mixed", Swatch("#362a4b", "#cfb8f3")),
        ("neutral", Swatch("#2f353c", "#c4ccd5")),
    ),
    stance_fallback=Swatch("#243850", "#abcaef"),
)


#: ``QTextBlock.userState`` of a paragraph that introduces what follows it (a label, a topic's
#: question, a source's line): on paper it is kept on the page of what it introduces.
KEEP_WITH_NEXT = 1


def _px(points: float) -> str:
    """Lengths QTextDocument scales to the paint device: 96 dpi pixels, from points."""
    return f"{points * 96 / 72:.1f}px"


def stylesheet(theme: Theme, base_point_size: float) -> str:
    """CSS for ``QTextDocument.setDefaultStyleSheet``, set before the card HTML.

    Every size derives from ``base_point_size`` so that zooming the window or choosing a print
    size scales type and spacing together.
    """
    b = base_point_size

    def pt(factor: float) -> str:
        return f"{b * factor:.2f}pt"

    def sp(factor: float) -> str:
        return _px(b * factor)

    return f"""
body {{ color: {theme.text}; font-size: {pt(1)}; }}
p {{ margin-top: 0px; margin-bottom: {sp(0.7)}; line-height: 145%; }}
li {{ margin-bottom: {sp(0.35)}; line-height: 140%; }}
ul, ol {{ margin-top: 0px; margin-bottom: {sp(0.7)}; }}
a {{ color: {theme.accent}; text-decoration: none; }}
code {{ font-size: {pt(0.92)}; }}
h1 {{ font-size: {pt(1.85)}; font-weight: 600; color: {theme.text};
      margin-top: 0px; margin-bottom: {sp(0.45)}; line-height: 118%; }}
h2 {{ font-size: {pt(1.22)}; font-weight: 600; color: {theme.accent};
      margin-top: {sp(2.0)}; margin-bottom: {sp(0.75)}; }}
h3 {{ font-size: {pt(1.0)}; font-weight: 600; color: {theme.text};
      margin-top: {sp(1.1)}; margin-bottom: {sp(0.3)}; }}
p.meta {{ color: {theme.muted}; font-size: {pt(0.95)}; margin-bottom: {sp(0.2)}; }}
p.label {{ color: {theme.accent}; font-size: {pt(0.78)}; font-weight: 600;
           letter-spacing: 1px; margin-bottom: {sp(0.35)}; }}
p.thesis {{ font-size: {pt(1.12)}; line-height: 150%; margin-bottom: 0px; }}
table.thesis {{ margin-top: {sp(1.4)}; margin-bottom: {sp(0.4)}; }}
td.thesis {{ padding-left: {sp(1.3)}; padding-right: {sp(1.3)};
             padding-top: {sp(0.9)}; padding-bottom: {sp(1.0)}; }}
td.num {{ padding-right: {sp(0.6)}; }}
td.point {{ padding-bottom: {sp(0.6)}; }}
p.num {{ color: {theme.accent}; font-weight: 600; }}
p.claim {{ margin-bottom: {sp(0.1)}; }}
p.lone {{ margin-bottom: {sp(1.25)}; }}
p.support {{ color: {theme.muted}; font-size: {pt(0.88)}; line-height: 140%;
             margin-bottom: {sp(1.25)}; }}
p.evidence {{ color: {theme.text}; font-size: {pt(0.95)}; line-height: 150%;
              margin-left: {sp(0.9)}; margin-top: {sp(0.3)}; margin-bottom: {sp(1.5)}; }}
p.qloc {{ color: {theme.muted}; font-size: {pt(0.88)}; margin-bottom: 0px; }}
span.loc {{ color: {theme.muted}; font-size: {pt(0.8)}; }}
p.question {{ color: {theme.muted}; font-size: {pt(0.88)}; margin-bottom: {sp(0.3)}; }}
p.view {{ margin-bottom: {sp(1.1)}; }}
td.key {{ padding-right: {sp(1.0)}; padding-bottom: {sp(0.45)}; }}
td.value {{ padding-bottom: {sp(0.45)}; }}
p.date {{ color: {theme.muted}; margin-bottom: 0px; line-height: 135%; }}
p.row {{ margin-bottom: 0px; line-height: 135%; }}
table.quote {{ margin-bottom: {sp(0.9)}; }}
td.quote {{ padding-left: {sp(1.0)}; padding-top: {sp(0.15)}; padding-bottom: {sp(0.15)}; }}
p.quote {{ font-style: italic; font-size: {pt(1.05)}; margin-bottom: {sp(0.2)}; }}
div.notes {{ font-size: {pt(0.92)}; }}
p.chips {{ line-height: 190%; }}
span.chip {{ font-size: {pt(0.86)}; }}
span.badge {{ font-size: {pt(0.82)}; font-weight: 600; }}
p.related {{ margin-bottom: {sp(0.5)}; }}
p.empty {{ color: {theme.muted}; font-style: italic; }}
"""


def print_stylesheet(theme: Theme, base_point_size: float) -> str:
    """:func:`stylesheet` for paper: it also marks the paragraphs that keep with the next.

    ``-qt-user-state`` is Qt's way to set a block's state from CSS; nothing on screen reads it.
    """
    keep = f"p.claim, p.label, p.meta, p.question {{ -qt-user-state: {KEEP_WITH_NEXT}; }}\n"
    return stylesheet(theme, base_point_size) + keep
