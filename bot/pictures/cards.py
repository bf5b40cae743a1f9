"""Cards a creator might share: the monthly and final review card.

Plain values in, a matplotlib `Figure` out; `style.png` turns it into the bytes sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure

from bot.pictures.style import MET, SMALL_PT, families, new_figure


@dataclass(frozen=True)
class CardFigures:
    title: str
    tiles: Sequence[tuple[str, str]]  # (big number, label)


def summary_card_figure(card: CardFigures) -> Figure:
    """A one-image month: four big numbers with their labels."""
    figure = new_figure(3.6)
    family = families().regular
    figure.suptitle(card.title, fontfamily=family, fontsize=17)
    for index, (value, label) in enumerate(card.tiles):
        ax = figure.add_subplot(1, len(card.tiles), index + 1)
        ax.axis("off")
        ax.text(0.5, 0.58, value, ha="center", va="center", fontsize=30, color=MET,
                fontfamily=family)  # fmt: skip
        ax.text(0.5, 0.25, label, ha="center", va="center", fontsize=SMALL_PT, fontfamily=family)
    return figure
