"""Text contrast as WCAG measures it, and a palette whose text colours all reach AA (4.5:1).

The review measured the tag counts at 1.6:1: they were drawn in a colour meant for disabled
controls, and the muted text of Qt's own palettes (Fusion's placeholder is half-transparent
black) lands near 3.9:1. Every palette the app installs, the system's included, goes through
:func:`readable`, which moves only the colours that fail, and only as far as they must: a
desktop's own colours are kept wherever they are already readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: WCAG 2 AA for body text.
AA = 4.5

#: Each text colour role, and the backgrounds it is drawn on somewhere in the window. The
#: sidebar's tree is drawn on Window, the lists on Base and AlternateBase; muted text
#: (PlaceholderText) appears on all three.
TEXT_PAIRS: tuple[tuple[Role, tuple[Role, ...]], ...] = (
    (Role.WindowText, (Role.Window,)),
    (Role.Text, (Role.Base, Role.AlternateBase, Role.Window)),
    (Role.PlaceholderText, (Role.Base, Role.AlternateBase, Role.Window)),
    (Role.ButtonText, (Role.Button,)),
    (Role.HighlightedText, (Role.Highlight,)),
    (Role.Link, (Role.Base, Role.Window)),
    (Role.LinkVisited, (Role.Base, Role.Window)),
    (Role.ToolTipText, (Role.ToolTipBase,)),
)

#: The groups a reader reads: the window in front and the one behind it. Disabled text is
#: exempt in WCAG (an inactive control), and is left to the style.
GROUPS = (Group.Active, Group.Inactive)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    r, g, b = (_channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows on ``background``: its alpha laid over it (Qt's muted text is
    often a translucent text colour)."""
    a = colour.alphaF()
    return mix(colour, background, a)


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``amount`` (0 to 1) of ``colour`` and the rest of ``other``, opaque."""
    return QColor.fromRgbF(
        colour.redF() * amount + other.redF() * (1 - amount),
        colour.greenF() * amount + other.greenF() * (1 - amount),
        colour.blueF() * amount + other.blueF() * (1 - amount),
    )


def contrast(text: QColor | str, background: QColor | str) -> float:
    """The WCAG contrast ratio of ``text`` on ``background`` (1 to 21)."""
    bg = QColor(background)
    fg = over(QColor(text), bg)
    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _away(colour: QColor, other: QColor) -> QColor:
    """White if ``colour`` is the lighter of the two, else black: the way it gains contrast
    on ``other`` without turning light text dark (white on a selection stays white)."""
    return QColor("#ffffff") if luminance(colour) > luminance(other) else QColor("#000000")


def _reach(colour: QColor, towards: QColor, backgrounds: list[QColor]) -> QColor | None:
    """The least move of ``colour`` towards ``towards`` that reads at AA on every background."""
    for step in range(21):
        moved = mix(towards, over(colour, backgrounds[0]), step / 20)
        if min(contrast(moved, bg) for bg in backgrounds) >= AA:
            return moved
    return None


def readable(palette: QPalette) -> QPalette:
    """``palette`` with every text role of :data:`TEXT_PAIRS` at AA on its backgrounds.

    A failing text colour is darkened (or lightened, when it is the lighter) just enough; when
    even black or white cannot reach AA on a single background (white on a light selection
    colour), that background is deepened instead. Roles that already read well are not
    touched, so a palette made with ``QPalette()`` keeps following the system for them.
    """
    fixed = QPalette(palette)
    for group in GROUPS:
        for role, backgrounds in TEXT_PAIRS:
            text = fixed.color(group, role)
            bgs = [fixed.color(group, bg) for bg in backgrounds]
            if min(contrast(text, bg) for bg in bgs) >= AA:
                continue
            shown = over(text, bgs[0])
            moved = _reach(text, _away(shown, bgs[0]), bgs)
            if moved is not None:
                fixed.setColor(group, role, moved)
            elif len(backgrounds) == 1:
                deeper = _reach(bgs[0], _away(bgs[0], shown), [shown])
                if deeper is not None:
                    fixed.setColor(group, backgrounds[0], deeper)
    return fixed


def failures(palette: QPalette) -> list[str]:
    """Every text role of :data:`TEXT_PAIRS` below AA, as "Text on Base: 3.2" (tests, tools)."""
    found = []
    for group in GROUPS:
        for role, backgrounds in TEXT_PAIRS:
            for bg in backgrounds:
                ratio = contrast(palette.color(group, role), palette.color(group, bg))
                if ratio < AA:
                    found.append(f"{group.name} {role.name} on {bg.name}: {ratio:.2f}")
    return found


#: WCAG 2.2's contrast for a focus indicator against what is next to it.
FOCUS_CONTRAST = 3.0


def focus_colour(palette: QPalette) -> QColor:
    """The highlight colour if it stands out at 3:1 on the backgrounds, else the link colour
    (a dark palette's selection blue is too close to its dark background)."""
    highlight = palette.color(Role.Highlight)
    backgrounds = (palette.color(Role.Base), palette.color(Role.Window))
    if min(contrast(highlight, bg) for bg in backgrounds) >= FOCUS_CONTRAST:
        return highlight
    return palette.color(Role.Link)
