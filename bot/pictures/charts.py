"""The charts /chart sends: followers over time and the posting calendar.

Plain values in, a matplotlib `Figure` out (tests read its artists); `style.png` turns it into the
bytes sent. Drawn in the worker process (`bot.offload`), never on the event loop.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from bot.domain.days import week_start
from bot.pictures.style import EMPTY, FROZEN, POSTED_SHADES, RESTED, SMALL_PT, families, new_figure

CALENDAR_WEEKS = 16


def _times(instants: Sequence[datetime]) -> npt.NDArray[np.datetime64]:
    """Instants as naive UTC datetime64, which matplotlib plots on a date axis."""
    return np.array([at.replace(tzinfo=None) for at in instants], dtype="datetime64[s]")


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
    figure = new_figure(4.8)
    ax = figure.add_subplot()
    family = families().regular
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
    figure = new_figure(2.9)
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
    colours = ListedColormap([EMPTY, RESTED, *POSTED_SHADES, FROZEN])
    cells = np.ma.masked_invalid(np.array(grid))
    ax.pcolormesh(cells, cmap=colours, vmin=-0.5, vmax=5.5, edgecolors="white", linewidth=2)
    ax.set_aspect("equal")
    ax.invert_yaxis()
    ax.set_xticks([])
    ax.set_yticks([n + 0.5 for n in range(7)], labels=list(labels.weekdays),
                  fontfamily=families().regular, fontsize=SMALL_PT)  # fmt: skip
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(labels.title, fontfamily=families().regular, fontsize=14)
    return figure
