"""Charts as PNG images, drawn with matplotlib's Agg backend (no screen, no pyplot state).

Sized for a phone (1080 px wide), labelled in the user's language with a font that has Chinese
(Noto Sans CJK SC, shipped by the mplfonts package). Each chart is built as a `Figure` (tests
count its series) and turned into PNG bytes off the event loop (the charts in the worker process,
`bot.offload`; a review's card in a thread), since drawing takes tens of milliseconds or more.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

import numpy as np
import numpy.typing as npt
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from bot.domain.days import week_start

WIDTH_IN, DPI = 7.2, 150  # 1080 px wide
POSTED = "#2da44e"
RESTED = "#54aeff"
FROZEN = "#b6e3ff"  # a missed day the week's rest allowance covered: paler than a rest day
EMPTY = "#ebedf0"
CALENDAR_WEEKS = 16


@cache
def font_family() -> list[str]:
    """Register the CJK font once; fall back to matplotlib's own font for Latin text."""
    try:
        path = resources.files("mplfonts") / "fonts" / "NotoSansCJKsc-Regular.otf"
        with resources.as_file(path) as file:
            font_manager.fontManager.addfont(str(file))
            name = font_manager.FontProperties(fname=str(file)).get_name()
        return [name, "DejaVu Sans"]
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a broken install
        return ["DejaVu Sans"]


def _times(instants: Sequence[datetime]) -> npt.NDArray[np.datetime64]:
    """Instants as naive UTC datetime64, which matplotlib plots on a date axis."""
    return np.array([at.replace(tzinfo=None) for at in instants], dtype="datetime64[s]")


def _figure(height_in: float) -> Figure:
    figure = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


@dataclass(frozen=True)
class ChartLabels:
    title: str
    followers: str = ""
    posts: str = ""
    hits: str = ""
    posted: str = ""
    rested: str = ""
    weekdays: Sequence[str] = ()


def followers_figure(
    series: Mapping[str, Sequence[tuple[datetime, int]]],
    posts: Sequence[datetime],
    hits: Sequence[datetime],
    labels: ChartLabels,
) -> Figure:
    """One line per platform; posts as ticks along the bottom, hits as stars."""
    figure = _figure(4.8)
    ax = figure.add_subplot()
    family = font_family()
    for name, points in series.items():
        xs = _times([at for at, _ in points])
        ax.plot(xs, [value for _, value in points], marker="o", linewidth=2.2, label=name)
    low = min((v for points in series.values() for _, v in points), default=0)
    if posts:
        ax.plot(_times(posts), [low] * len(posts), "|", color="#6e7781",
                markersize=14, label=labels.posts)  # fmt: skip
    if hits:
        ax.plot(_times(hits), [low] * len(hits), "*", color="#d4a72c",
                markersize=16, label=labels.hits)  # fmt: skip
    ax.set_title(labels.title, fontfamily=family, fontsize=15)
    ax.set_ylabel(labels.followers, fontfamily=family)
    ax.grid(alpha=0.3)
    ax.legend(prop={"family": family}, loc="upper left")
    figure.autofmt_xdate()
    return figure


def calendar_figure(
    posted: Mapping[date, int],
    rested: set[date],
    today: date,
    labels: ChartLabels,
    frozen: frozenset[date] = frozenset(),
) -> Figure:
    """The last 16 weeks, a column per week (Monday on top): greener for more posts, blue for rest
    days, pale blue for missed days the rest allowance covered, grey for none of these; days after
    today stay blank."""
    figure = _figure(2.9)
    ax = figure.add_subplot()
    first = week_start(today) - timedelta(weeks=CALENDAR_WEEKS - 1)
    grid = [[0.0] * CALENDAR_WEEKS for _ in range(7)]
    for week in range(CALENDAR_WEEKS):
        for weekday in range(7):
            day = first + timedelta(weeks=week, days=weekday)
            if day > today:
                grid[weekday][week] = float("nan")
            elif day in posted:
                grid[weekday][week] = 1 + min(posted[day], 3)  # 2..4: one post to three or more
            elif day in rested:
                grid[weekday][week] = 1
            elif day in frozen:
                grid[weekday][week] = 5
    colours = ListedColormap([EMPTY, RESTED, "#9be9a8", "#40c463", POSTED, FROZEN])
    cells = np.ma.masked_invalid(np.array(grid))
    ax.pcolormesh(cells, cmap=colours, vmin=-0.5, vmax=5.5, edgecolors="white", linewidth=2)
    ax.set_aspect("equal")
    ax.invert_yaxis()
    ax.set_xticks([])
    ax.set_yticks([n + 0.5 for n in range(7)], labels=list(labels.weekdays),
                  fontfamily=font_family(), fontsize=8)  # fmt: skip
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(labels.title, fontfamily=font_family(), fontsize=14)
    return figure


@dataclass(frozen=True)
class CardFigures:
    title: str
    tiles: Sequence[tuple[str, str]]  # (big number, label)


def summary_card_figure(card: CardFigures) -> Figure:
    """A one-image month: four big numbers with their labels."""
    figure = _figure(3.6)
    family = font_family()
    figure.suptitle(card.title, fontfamily=family, fontsize=17)
    for index, (value, label) in enumerate(card.tiles):
        ax = figure.add_subplot(1, len(card.tiles), index + 1)
        ax.axis("off")
        ax.text(0.5, 0.58, value, ha="center", va="center", fontsize=30, color=POSTED,
                fontfamily=family)  # fmt: skip
        ax.text(0.5, 0.25, label, ha="center", va="center", fontsize=11, fontfamily=family)
    return figure
