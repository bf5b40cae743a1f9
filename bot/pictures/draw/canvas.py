"""What both cards draw with: rounded boxes, text measured in pixels and cut to fit, the accent.

A card places every element in pixels on one axes spanning the figure (no layout engine), so a
long name can't push its neighbours: it is cut with "…" to its space instead.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.text import Text

from bot.pictures.style import MET

ACCENT_HEIGHT = 14  # the band across the top of every card, in the MET colour


def rounded(
    x: float, y: float, width: float, height: float, colour: str, radius: float,
    edge: str | None = None, gid: str | None = None,
) -> FancyBboxPatch:  # fmt: skip
    """A box with corners of `radius` pixels (at most half its side), `(x, y)` its lowest corner
    in the axes' coordinates."""
    size = min(radius, width / 2, height / 2)
    patch = FancyBboxPatch((x, y), width, height, boxstyle=f"round,pad=0,rounding_size={size}",
                           facecolor=colour, edgecolor=edge or "none",
                           linewidth=1.5 if edge else 0)  # fmt: skip
    patch.set_gid(gid)
    return patch


def accent(ax: Axes, width: float, y: float) -> None:
    """The card's band of colour, `ACCENT_HEIGHT` high from `y`."""
    ax.add_patch(FancyBboxPatch((0, y), width, ACCENT_HEIGHT, boxstyle="square,pad=0", color=MET,
                                lw=0))  # fmt: skip


def text_width(drawn: Text) -> float:
    """How wide `drawn` is on its figure, in pixels."""
    figure = drawn.get_figure()
    assert isinstance(figure, Figure)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return float(drawn.get_window_extent(renderer).width)


def fit(drawn: Text, width: float) -> Text:
    """Cut `drawn` with "…" to the longest start of its text that fits `width` pixels (found by
    halving): a 64-character name ends at its column."""
    text = drawn.get_text()
    if text_width(drawn) <= width:
        return drawn
    fits, too_long = 0, len(text)
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        drawn.set_text(text[:middle].rstrip() + "…")
        fits, too_long = (middle, too_long) if text_width(drawn) <= width else (fits, middle)
    drawn.set_text(text[:fits].rstrip() + "…")
    return drawn
