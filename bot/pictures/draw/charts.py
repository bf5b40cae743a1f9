"""The followers chart /chart sends: a panel per platform, posts as a density strip, hits starred.

A panel per platform (sharing the time axis) so 37 on TikTok is a line with a shape, not a flat
stroke under 1,200 on Xiaohongshu. Under the panels a thin strip shaded by posts per day (the
calendar's blues); hits are stars on their platform's line, labelled once per cluster so labels
never pile up; the follower goal is a dashed line at the level it means.

Plain values in (`FollowersChart`, words already in the user's language), a matplotlib `Figure`
out; `figure.png` turns it into the bytes sent, in the worker process (`bot.offload`). The
calendar is in `bot.pictures.draw.calendar`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt
from matplotlib import ticker
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.transforms import blended_transform_factory

from bot.pictures.charts import (
    FollowersChart,
    GoalLine,
    HitMark,
    Panel,
    downsample,
    time_span,
)
from bot.pictures.draw.figure import families, new_figure
from bot.pictures.style import (
    EMPTY,
    FAINT,
    GOAL,
    HIT,
    INK,
    MUTED,
    PAPER,
    PLATFORM_COLOURS,
    POSTED_SHADES,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
)

# Platform lines skip the goal's and the hits' colours, so a dashed goal or a star never reads as
# another line; the sum over every platform is ink.
PANEL_COLOURS = tuple(c for c in PLATFORM_COLOURS if c not in (GOAL, HIT))


MARKED_POINTS = 40  # up to this many counts each gets a dot; more read better as a line


STAR_WIDTH = 0.025  # of the time axis


Times = npt.NDArray[np.datetime64]


Values = npt.NDArray[np.float64]


def followers_figure(chart: FollowersChart) -> Figure:
    """The panels stacked over the posts strip, one time axis for all."""
    count = max(1, len(chart.panels))
    panel_in = 2.5 if count == 1 else 1.85
    figure = new_figure(1.5 + panel_in * count + 0.55)
    engine = figure.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):  # margins: inches around and between panels
        engine.set(w_pad=0.2, h_pad=0.12)
    grid = figure.add_gridspec(count + 1, 1, height_ratios=[panel_in] * count + [0.3])
    start, end = time_span(chart)
    axes: list[Axes] = []
    platforms = 0
    for index, panel in enumerate(chart.panels):
        ax = figure.add_subplot(grid[index], sharex=axes[0] if axes else None)
        colour = INK if panel.total else PANEL_COLOURS[platforms % len(PANEL_COLOURS)]
        platforms += not panel.total
        _panel(ax, panel, colour, (start, end))
        axes.append(ax)
    strip = figure.add_subplot(grid[count], sharex=axes[0] if axes else None)
    _posts_strip(strip, chart)
    strip.set_xlim(_day_number(start), _day_number(end))
    _time_axis(strip, chart, (start, end))
    for ax in axes:
        ax.tick_params(labelbottom=False)
    _header(figure, chart)
    return figure


def _header(figure: Figure, chart: FollowersChart) -> None:
    bold = families().bold
    figure.suptitle(chart.title, x=0.03, ha="left", fontsize=TITLE_PT, fontfamily=bold,
                    fontweight="bold", color=INK)  # fmt: skip
    if chart.note:
        figure.supxlabel(chart.note, x=0.03, ha="left", fontsize=SMALL_PT, color=MUTED)


def _panel(ax: Axes, panel: Panel, colour: str, span: tuple[datetime, datetime]) -> None:
    """One platform: its line, its latest count, its goal and its hits."""
    points = downsample(panel.points)
    xs, ys = _times([at for at, _ in points]), np.array([v for _, v in points], dtype=float)
    marker = "o" if len(points) <= MARKED_POINTS else None
    ax.plot(xs, ys, color=colour, linewidth=2.6, marker=marker, markersize=5,
            solid_capstyle="round", zorder=3)  # fmt: skip
    ax.plot(xs[-1:], ys[-1:], "o", color=colour, markersize=8, markeredgecolor=PAPER, zorder=4)
    low, high = float(ys.min()), float(ys.max())
    if panel.goal is not None:
        _goal(ax, panel.goal, ys)
        low, high = min(low, panel.goal.level), max(high, panel.goal.level)
    ax.fill_between(xs, ys, low, color=colour, alpha=0.08, linewidth=0, zorder=2)
    for mark in panel.hits:
        _hits(ax, mark, (xs, ys), span)
    ax.set_ylim(*_y_range(low, high, above=0.35 if panel.hits or panel.goal else 0.15))
    _panel_style(ax)
    bold = families().bold
    ax.set_title(panel.name, loc="left", fontsize=TEXT_PT, fontfamily=bold, fontweight="bold",
                 color=INK)  # fmt: skip
    ax.set_title(panel.latest, loc="right", fontsize=TEXT_PT, fontfamily=bold,
                 fontweight="bold", color=colour)  # fmt: skip


def _y_range(low: float, high: float, above: float) -> tuple[float, float]:
    """Room above for labels; a flat line (one count, no change) gets a few followers either
    side so its ticks don't repeat one number; no negative followers (a line at zero gets a
    sliver below it, unlabelled)."""
    if high - low < 4:
        low, high = low - 2, high + 2
    spread = high - low
    return max(-spread * 0.06, low - spread * 0.12), high + spread * above  # 0 not on the edge


def _panel_style(ax: Axes) -> None:
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(FAINT)
    ax.grid(axis="y", color=FAINT, linewidth=0.8, alpha=0.7)
    ax.set_axisbelow(True)
    ax.yaxis.set_major_locator(ticker.MaxNLocator(nbins=3, integer=True, min_n_ticks=2))
    ax.yaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 0 else ""))
    ax.tick_params(axis="y", length=0, labelsize=SMALL_PT, labelcolor=MUTED)
    ax.tick_params(axis="x", length=0)


def _goal(ax: Axes, goal: GoalLine, values: Values) -> None:
    """A dashed line at the level the goal means, labelled on paper (the dashes never run
    through the words) at the end where the followers line is farther from it, so the label
    rarely hides the line."""
    ax.axhline(goal.level, color=GOAL, linewidth=1.8, linestyle=(0, (6, 4)), zorder=2)
    left = abs(values[0] - goal.level) > abs(values[-1] - goal.level)
    along = blended_transform_factory(ax.transAxes, ax.transData)
    ax.annotate(goal.label, (0.0 if left else 1.0, goal.level), xycoords=along, xytext=(0, 5),
                textcoords="offset points", ha="left" if left else "right", va="bottom",
                fontsize=SMALL_PT, color=GOAL, fontfamily=families().bold, fontweight="bold",
                zorder=5, bbox={"boxstyle": "square,pad=0.15", "facecolor": PAPER,
                                "edgecolor": "none"})  # fmt: skip


def _hits(
    ax: Axes, mark: HitMark, line: tuple[Times, Values], span: tuple[datetime, datetime]
) -> None:
    """A star on the line at each hit's time, one label over the group (kept inside the picture
    near either end)."""
    times = _times(_spaced(mark.times, span))
    stars = np.interp(times.astype(np.int64), line[0].astype(np.int64), line[1])
    ax.plot(times, stars, "*", color=HIT, markersize=17, markeredgecolor=INK,
            markeredgewidth=0.8, zorder=6)  # fmt: skip
    x, y = times[len(times) // 2], float(stars.max())
    start, end = span
    where = (x.astype(datetime) - start) / (end - start)
    align = "left" if where < 0.08 else "right" if where > 0.92 else "center"
    ax.annotate(mark.label, (x, y), xytext=(0, 11), textcoords="offset points", ha=align,
                va="bottom", fontsize=SMALL_PT, color=INK, fontfamily=families().bold,
                fontweight="bold", zorder=7)  # fmt: skip


def _spaced(times: Sequence[datetime], span: tuple[datetime, datetime]) -> list[datetime]:
    """The hits' times without those a star would cover: a star is about 2.5% of the axis wide
    (the label still counts every hit)."""
    gap = (span[1] - span[0]) * STAR_WIDTH
    kept: list[datetime] = []
    for at in sorted(times):
        if not kept or at - kept[-1] >= gap:
            kept.append(at)
    return kept


def _posts_strip(ax: Axes, chart: FollowersChart) -> None:
    """Posts per day as a band of the calendar's blues: darker for more posts that day."""
    per_day: dict[date, int] = {}
    for day in chart.posts:
        per_day[day] = per_day.get(day, 0) + 1
    ax.set_facecolor(EMPTY)
    if per_day:
        first, last = min(per_day), max(per_day)
        days = [first + timedelta(days=n) for n in range((last - first).days + 2)]
        shades = np.array([[min(per_day.get(d, 0), 3) for d in days[:-1]]], dtype=float)
        colours = ListedColormap([EMPTY, *POSTED_SHADES])
        edges = _times([datetime(d.year, d.month, d.day) for d in days])
        ax.pcolormesh(edges, [0, 1], shades, cmap=colours, vmin=-0.5, vmax=3.5)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_ylabel(chart.posts_label, rotation=0, ha="right", va="center", fontsize=SMALL_PT,
                  color=MUTED, labelpad=8)  # fmt: skip
    for spine in ax.spines.values():
        spine.set_visible(False)


def _time_axis(ax: Axes, chart: FollowersChart, span: tuple[datetime, datetime]) -> None:
    """Dates in the user's language under the strip."""
    ticks, labels = _ticks(chart, *span)
    ax.set_xticks(_times(ticks), labels=labels)
    ax.tick_params(axis="x", length=0, labelsize=SMALL_PT, labelcolor=MUTED, pad=6)


def _ticks(
    chart: FollowersChart, start: datetime, end: datetime
) -> tuple[list[datetime], list[str]]:
    """Four to six dates: "2 Mar" / "3月2日" every day or two over two weeks, on Mondays up to
    four months, else the first of the month by name (a January by its year)."""
    months = list(chart.months) or [str(n) for n in range(1, 13)]
    days = max(1, (end - start).days)
    first = datetime(start.year, start.month, start.day) + timedelta(days=1)
    if days <= 14:
        ticks = _every(first, end, timedelta(days=-(-days // 5)))
    elif days <= 120:
        monday = first + timedelta(days=-first.weekday() % 7)
        ticks = _every(monday, end, timedelta(weeks=-(-days // 35)))
    else:
        step = -(-days // 180)
        ticks = [
            datetime(start.year + (start.month + n) // 12, (start.month + n) % 12 + 1, 1)
            for n in range(0, days // 28 + 2, step)
        ]
        ticks = [at for at in ticks if start <= at <= end]
        labels = [str(at.year) if at.month == 1 else months[at.month - 1] for at in ticks]
        return ticks, labels
    return ticks, [chart.day_tick.format(day=at.day, month=months[at.month - 1]) for at in ticks]


def _every(first: datetime, end: datetime, step: timedelta) -> list[datetime]:
    ticks = []
    while first <= end:
        ticks.append(first)
        first += step
    return ticks


def _day_number(at: datetime) -> float:
    """A time as matplotlib's date axis counts it: days since its default epoch, 1970-01-01."""
    return (at.replace(tzinfo=None) - datetime(1970, 1, 1)) / timedelta(days=1)


def _times(instants: Sequence[datetime]) -> Times:
    """Instants as naive datetime64 in the user's own time (the render converted them), which
    matplotlib plots on a date axis."""
    return np.array([at.replace(tzinfo=None) for at in instants], dtype="datetime64[s]")
