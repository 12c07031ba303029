"""Both themes are readable: every text colour meets WCAG AA against what it sits on."""

from __future__ import annotations

import pytest

from reader.render import DARK, LIGHT, Theme, stylesheet


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def text_pairs(theme: Theme) -> dict[str, tuple[str, str]]:
    pairs = {
        "body": (theme.text, theme.background),
        "muted": (theme.muted, theme.background),
        "headings and links": (theme.accent, theme.background),
        "thesis": (theme.text, theme.thesis_background),
        "thesis label": (theme.accent, theme.thesis_background),
        "chip": (theme.chip.text, theme.chip.background),
        "highlight": (theme.highlight.text, theme.highlight.background),
        "unknown stance": (theme.stance_fallback.text, theme.stance_fallback.background),
    }
    for name, swatch in theme.stances:
        pairs[f"stance {name}"] = (swatch.text, swatch.background)
    return pairs


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_meets_wcag_aa(theme: Theme) -> None:
    poor = {
        name: round(contrast(fg, bg), 2)
        for name, (fg, bg) in text_pairs(theme).items()
        if contrast(fg, bg) < 4.5
    }
    assert poor == {}


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_boxes_and_rules_stand_out_from_the_page(theme: Theme) -> None:
    assert contrast(theme.thesis_border, theme.thesis_background) >= 3.0
    assert contrast(theme.quote_rule, theme.background) >= 3.0
    assert theme.thesis_background != theme.background


@pytest.mark.parametrize(
    ("label", "family"),
    [
        ("critical", "critical"),
        ("  Critical ", "critical"),
        ("sceptical", "skeptical"),
        ("SKEPTICAL", "skeptical"),
        ("supportive", "supportive"),
        ("concerned", "concerned"),
        ("mixed", "mixed"),
        ("neutral", "neutral"),
    ],
)
def test_stance_labels_map_to_families(label: str, family: str) -> None:
    for theme in (LIGHT, DARK):
        assert theme.stance(label) == dict(theme.stances)[family]


def test_unknown_stance_falls_back() -> None:
    assert LIGHT.stance("quizzical") == LIGHT.stance_fallback
    assert DARK.stance("") == DARK.stance_fallback


def test_stylesheet_carries_the_theme() -> None:
    css = stylesheet(DARK, 11.0)
    assert f"color: {DARK.text}" in css
    assert f"color: {DARK.accent}" in css
    assert LIGHT.text not in css
