"""The figure every picture is drawn on: the shipped fonts registered, the shared defaults set,
1,080 px wide on the Agg canvas, written as PNG bytes."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import cache
from typing import Literal

import matplotlib
from cycler import cycler
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from bot.pictures.style import (
    BOLD_FILE,
    DPI,
    FAINT,
    INK,
    MUTED,
    PAPER,
    PLATFORM_COLOURS,
    REGULAR_FAMILY,
    REGULAR_FILE,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
    WIDTH_IN,
)


@dataclass(frozen=True)
class Families:
    regular: list[str]
    bold: list[str]


def _not_our_fallback(record: logging.LogRecord) -> bool:
    """Bold text falls back to Regular for an ideograph the Bold subset lacks: by design, so
    matplotlib's warning that it found weight 400 for bold is not worth a log line."""
    message = record.getMessage()
    return not (message.startswith("findfont: Failed to find font weight") and
                f"for {REGULAR_FAMILY}," in message)  # fmt: skip


@cache
def families() -> Families:
    """Register the shipped fonts once per process and set the shared defaults."""
    logging.getLogger("matplotlib.font_manager").addFilter(_not_our_fallback)
    for file in (REGULAR_FILE, BOLD_FILE):
        font_manager.fontManager.addfont(str(file))
    regular = font_manager.FontProperties(fname=str(REGULAR_FILE)).get_name()
    bold = font_manager.FontProperties(fname=str(BOLD_FILE)).get_name()
    chosen = Families(regular=[regular, "DejaVu Sans"], bold=[bold, regular, "DejaVu Sans"])
    matplotlib.rcParams.update(
        {
            "font.family": chosen.regular,
            "font.size": TEXT_PT,
            "text.color": INK,
            "axes.labelcolor": INK,
            "axes.edgecolor": FAINT,
            "axes.titlesize": TITLE_PT,
            "axes.labelsize": TEXT_PT,
            "xtick.color": MUTED,
            "ytick.color": MUTED,
            "xtick.labelsize": SMALL_PT,
            "ytick.labelsize": SMALL_PT,
            "legend.fontsize": SMALL_PT,
            "axes.prop_cycle": cycler(color=list(PLATFORM_COLOURS)),
        }
    )
    return chosen


def new_figure(height_in: float, layout: Literal["constrained"] | None = "constrained") -> Figure:
    """A figure 1,080 px wide on the Agg canvas (no screen, no pyplot state), in the shared style.
    Charts let matplotlib lay them out; cards (`layout=None`) place every element themselves."""
    families()
    figure = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, facecolor=PAPER, layout=layout)
    FigureCanvasAgg(figure)
    return figure


def png(figure: Figure) -> bytes:
    """The figure as PNG bytes, at exactly its size (no tight cropping: a card stays 1080×1350)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=figure.get_facecolor())
    return buffer.getvalue()
