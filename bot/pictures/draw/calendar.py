"""The posting calendar /chart sends: the last 16 weeks, a column per week, Monday on top.

Posted days in the blues (darker for more posts), rest days orange, days the week's rest
allowance covered a paler, hatched orange (a rest the bot took for you), other days grey; today
outlined; days after today left blank. Month names over the columns, weekday names beside the
rows and a legend under the grid, all in the user's language.

Plain values in (`CalendarChart`), a matplotlib `Figure` out, laid out by hand in inches so the
cells stay square and nothing moves with the words' lengths.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from matplotlib.patches import FancyBboxPatch, Patch

from bot.pictures.calendar import WEEKS, CalendarChart, CalendarWords, Day
from bot.pictures.draw.figure import families, new_figure
from bot.pictures.style import (
    EMPTY,
    FROZEN,
    INK,
    MUTED,
    POSTED_SHADES,
    RESTED,
    SMALL_PT,
    TITLE_PT,
    WIDTH_IN,
)

LEFT_IN, RIGHT_IN = 0.85, 0.3  # room for the weekday names; a margin


TOP_IN, MONTHS_IN, LEGEND_IN = 0.75, 0.35, 0.75  # title, month names, legend


CELL_IN = (WIDTH_IN - LEFT_IN - RIGHT_IN) / WEEKS


GAP = 0.08  # between cells, in cells


HATCH = "////"


def calendar_figure(chart: CalendarChart) -> Figure:
    grid_h = CELL_IN * 7
    height = TOP_IN + MONTHS_IN + grid_h + LEGEND_IN
    figure = new_figure(height, layout=None)
    ax = figure.add_axes((LEFT_IN / WIDTH_IN, LEGEND_IN / height,
                          CELL_IN * WEEKS / WIDTH_IN, grid_h / height))  # fmt: skip
    ax.set_xlim(0, WEEKS)
    ax.set_ylim(7, 0)
    ax.axis("off")
    for week in range(WEEKS):
        for weekday in range(7):
            day = chart.first + timedelta(weeks=week, days=weekday)
            _cell(ax, chart, day, (week, weekday))
    _labels(ax, chart)
    _legend(figure, chart.words)
    bold = families().bold
    figure.text(0.03, 1 - 0.32 / height, chart.words.title, ha="left", va="center",
                fontsize=TITLE_PT, fontfamily=bold, fontweight="bold", color=INK)  # fmt: skip
    return figure


def _cell(ax: Axes, chart: CalendarChart, day: date, where: tuple[int, int]) -> None:
    state = chart.state(day)
    if state is Day.FUTURE:
        return
    x, y = where
    size = 1 - 2 * GAP
    colour = {Day.NONE: EMPTY, Day.RESTED: RESTED, Day.FROZEN: FROZEN}.get(state)
    if colour is None:
        colour = POSTED_SHADES[min(chart.posted[day], 3) - 1]
    box = FancyBboxPatch((x + GAP, y + GAP), size, size, boxstyle="round,pad=0,rounding_size=0.14",
                         facecolor=colour, edgecolor="none", linewidth=0)  # fmt: skip
    if state is Day.FROZEN:
        box.set_hatch(HATCH)
        box.set_hatchcolor(RESTED)
    ax.add_patch(box)
    if day == chart.today:
        outline = FancyBboxPatch((x + GAP / 2, y + GAP / 2), 1 - GAP, 1 - GAP,
                                 boxstyle="round,pad=0,rounding_size=0.18", facecolor="none",
                                 edgecolor=INK, linewidth=2.4, zorder=3)  # fmt: skip
        ax.add_patch(outline)


def _labels(ax: Axes, chart: CalendarChart) -> None:
    """Weekday names beside the rows; a month's name over the column its first day falls in
    (and the first column's month, when the next name is not right beside it)."""
    for row, name in enumerate(chart.words.weekdays):
        ax.text(-0.25, row + 0.5, name, ha="right", va="center", fontsize=SMALL_PT, color=MUTED)
    starts = [
        (week, (chart.first + timedelta(weeks=week, days=6)).month)
        for week in range(WEEKS)
        if (chart.first + timedelta(weeks=week, days=6)).day <= 7
    ]
    if not starts or starts[0][0] > 2:
        starts.insert(0, (0, chart.first.month))
    for week, month in starts:
        ax.text(week + GAP, -0.35, chart.words.months[month - 1], ha="left", va="baseline",
                fontsize=SMALL_PT, color=MUTED)  # fmt: skip


def _legend(figure: Figure, words: CalendarWords) -> None:
    """One row under the grid: the three blues together for "posted" (darker = more)."""
    shades = tuple(Patch(facecolor=shade, edgecolor="none") for shade in POSTED_SHADES)
    frozen = Patch(facecolor=FROZEN, edgecolor="none", hatch=HATCH)
    frozen.set_hatchcolor(RESTED)
    handles: list[Any] = [  # a tuple: its patches side by side (`HandlerTuple`)
        shades,
        Patch(facecolor=RESTED, edgecolor="none"),
        frozen,
        Patch(facecolor=EMPTY, edgecolor="none"),
        Patch(facecolor="none", edgecolor=INK, linewidth=2),
    ]
    labels = [words.posted, words.rested, words.frozen, words.empty, words.today]
    figure.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncols=5,
                  frameon=False, fontsize=SMALL_PT, labelcolor=MUTED, handlelength=1.4,
                  handleheight=1.1, columnspacing=1.4, handletextpad=0.5,
                  handler_map={tuple: HandlerTuple(ndivide=None, pad=0.15)})  # fmt: skip
