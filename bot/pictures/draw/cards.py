"""The review card a creator might share: a month (or a whole cycle) in one portrait picture.

1080×1350 (4:5, as Instagram and Xiaohongshu show it), top to bottom: who and which month, the
three goals with their verdicts (colour AND mark: ✓ met, ✗ not met, … open, — to come), four
numbers, the best post, the month's days, and the bot's name as a quiet footer.

Plain values in (`ReviewCard`, its words already in the user's language, built by
`bot.render.cards`), a matplotlib `Figure` out; `figure.png` turns it into the bytes sent. Every
element is placed in pixels on one axes spanning the card, so nothing moves with the data: a
long name or title is cut to its space with "…", never drawn over its neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle
from matplotlib.text import Text

from bot.domain.days import week_start
from bot.pictures.cards import CalendarDays, GoalRow, Mark, ReviewCard, Shade, Tile, Tone
from bot.pictures.draw.canvas import ACCENT_HEIGHT, accent, fit, rounded, text_width
from bot.pictures.draw.figure import families, new_figure
from bot.pictures.style import (
    CARD_HEIGHT_IN,
    EMPTY,
    FAINT,
    FROZEN,
    HERO_PT,
    HIT,
    INK,
    MET,
    MUTED,
    NOT_MET,
    OPEN,
    PAPER,
    POSTED_SHADES,
    RESTED,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
    drawable,
)

MARK_COLOURS: dict[Mark, str] = {"met": MET, "not_met": NOT_MET, "open": OPEN, "upcoming": OPEN}


MARKS: dict[Mark, str] = {"met": "✓", "not_met": "✗", "open": "…", "upcoming": "—"}


TONES: dict[Tone, str] = {"achieved": MET, "hit": HIT, "ink": INK, "muted": MUTED}


SHADES: dict[Shade, str] = {
    "posted1": POSTED_SHADES[0],
    "posted2": POSTED_SHADES[1],
    "posted3": POSTED_SHADES[2],
    "rested": RESTED,
    "frozen": FROZEN,
    "missed": EMPTY,
    "ahead": PAPER,
}


POSTED: tuple[Shade, ...] = ("posted1", "posted2", "posted3")


ON_DARK: frozenset[Shade] = frozenset({"posted2", "posted3"})  # day numbers in white


# The card in pixels (y grows upwards, as matplotlib's does).
W, H = 1080, 1350


LEFT, RIGHT = 76, 1080 - 76


INNER = RIGHT - LEFT


def review_card_figure(card: ReviewCard) -> Figure:
    """The whole card, section by section from the top."""
    figure = new_figure(CARD_HEIGHT_IN, layout=None)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, W)
    ax.set_ylim(0, H)
    ax.axis("off")
    accent(ax, W, H - ACCENT_HEIGHT)
    _header(ax, card)
    _goals(ax, card.goals, top=1135)
    _tiles(ax, card.tiles, top=811)
    _best(ax, card, top=625)
    _calendar(ax, card.calendar, top=490)
    _text(ax, W / 2, 34, card.footer, SMALL_PT, MUTED, ha="center", va="bottom")
    return figure


def _header(ax: Axes, card: ReviewCard) -> None:
    _text(ax, LEFT, H - 66, drawable(card.name), TITLE_PT, INK, bold=True, va="top",
          width=INNER)  # fmt: skip
    _text(ax, LEFT, H - 142, card.period, TEXT_PT, MUTED, va="top", width=INNER)


def _goals(ax: Axes, rows: Sequence[GoalRow], top: float) -> None:
    """A row a goal: a disc with its mark, the goal and how it went, the verdict in words."""
    height, gap = 88, 12
    for index, row in enumerate(rows):
        y = top - index * (height + gap) - height
        colour = MARK_COLOURS[row.mark]
        _box(ax, LEFT, y, INNER, height, EMPTY)
        centre = (LEFT + 52, y + height / 2)
        filled = row.mark != "upcoming"
        ax.add_patch(Circle(centre, 28, facecolor=colour if filled else PAPER, edgecolor=colour,
                            linewidth=3))  # fmt: skip
        _text(ax, *centre, MARKS[row.mark], TEXT_PT, PAPER if filled else colour, bold=True,
              ha="center", va="center")  # fmt: skip
        verdict = _text(ax, RIGHT - 24, y + height / 2, row.verdict, TEXT_PT, colour, bold=True,
                        ha="right", va="center")  # fmt: skip
        room = RIGHT - 24 - text_width(verdict) - 24 - (LEFT + 100)
        _text(ax, LEFT + 100, y + height / 2 + 6, row.label, TEXT_PT, INK, bold=True,
              va="bottom", width=room)  # fmt: skip
        _text(ax, LEFT + 100, y + height / 2 - 6, row.detail, SMALL_PT, MUTED, va="top",
              width=room)  # fmt: skip


def _tiles(ax: Axes, tiles: Sequence[Tile], top: float) -> None:
    """Big numbers side by side, each in the colour of what it means."""
    gap, height = 16, 150
    width = (INNER - gap * (len(tiles) - 1)) / max(len(tiles), 1)
    for index, tile in enumerate(tiles):
        x = LEFT + index * (width + gap)
        _box(ax, x, top - height, width, height, EMPTY)
        value = _text(ax, x + width / 2, top - 68, tile.value, HERO_PT, TONES[tile.tone],
                      bold=True, ha="center", va="center")  # fmt: skip
        if text_width(value) > width - 24:  # a long number: the next size down
            value.set_fontsize(TITLE_PT)
        _text(ax, x + width / 2, top - 122, tile.label, SMALL_PT, MUTED, ha="center",
              va="center", width=width - 16)  # fmt: skip


def _best(ax: Axes, card: ReviewCard, top: float) -> None:
    _text(ax, LEFT, top, card.best_heading, SMALL_PT, MUTED, bold=True, va="top")
    title = drawable(card.best_title)
    if title:
        _text(ax, LEFT, top - 36, title, TEXT_PT, INK, bold=True, va="top", width=INNER)
        _text(ax, LEFT, top - 76, card.best_detail, SMALL_PT, MUTED, va="top", width=INNER)
    else:
        _text(ax, LEFT, top - 36, card.best_detail, TEXT_PT, MUTED, va="top", width=INNER)


def _calendar(ax: Axes, part: CalendarDays, top: float) -> None:
    """The days: a month as a calendar (a row a week, Monday first), or a cycle as a column a
    week; a legend of the shades below."""
    cells = _week_columns(ax, part, top) if part.by_week else _month_rows(ax, part, top)
    bottom = top
    for (x, y, w, h), shade, number in cells:
        _box(ax, x, y, w, h, SHADES[shade], edge=FAINT if shade == "ahead" else None, pad=6)
        if number:
            colour = PAPER if shade in ON_DARK else (MUTED if shade == "ahead" else INK)
            _text(ax, x + w / 2, y + h / 2, number, SMALL_PT, colour, ha="center", va="center")
        bottom = min(bottom, y)
    _legend(ax, part.legend, bottom - 30)


Cell = tuple[tuple[float, float, float, float], Shade, str]


def _month_rows(ax: Axes, part: CalendarDays, top: float) -> list[Cell]:
    """Seven columns (Monday first) with the weekdays on top; a row a week, days numbered."""
    columns, gap = 7, 10
    width = (INNER - gap * (columns - 1)) / columns
    first = week_start(part.days[0][0]) if part.days else date.min
    rows = ((part.days[-1][0] - first).days // 7 + 1) if part.days else 1
    height = min(44.0, (top - 40 - 150 - gap * rows) / rows)
    for column, name in enumerate(part.weekdays[:columns]):
        x = LEFT + column * (width + gap) + width / 2
        _text(ax, x, top, name, SMALL_PT, MUTED, ha="center", va="top")
    cells: list[Cell] = []
    for day, shade in part.days:
        row, column = divmod((day - first).days, 7)
        y = top - 40 - (row + 1) * height - row * gap
        box = (LEFT + column * (width + gap), y, width, height)
        cells.append((box, shade, str(day.day)))
    return cells


def _week_columns(ax: Axes, part: CalendarDays, top: float) -> list[Cell]:
    """A column a week, Monday on top, weekdays on the left: a whole cycle at a glance."""
    if not part.days:
        return []
    first = week_start(part.days[0][0])
    weeks = (part.days[-1][0] - first).days // 7 + 1
    label, gap, size = 110, 8, 28.0
    size = min(size * 2, (INNER - label - gap * (weeks - 1)) / weeks)
    height = min(size * 0.75, 40.0)
    for row, name in enumerate(part.weekdays[:7]):
        y = top - row * (height + gap) - height / 2
        _text(ax, LEFT, y, name, SMALL_PT, MUTED, va="center")
    cells: list[Cell] = []
    for day, shade in part.days:
        column, row = divmod((day - first).days, 7)
        box = (LEFT + label + column * (size + gap), top - row * (height + gap) - height)
        cells.append(((*box, size, height), shade, ""))
    return cells


def _legend(ax: Axes, legend: Sequence[tuple[Shade, str]], y: float) -> None:
    x = float(LEFT)
    for shade, word in legend:
        if shade in POSTED:  # posted: its three shades side by side, as the calendar chart's
            for step, posted in enumerate(POSTED):
                _box(ax, x + 8 * step, y - 12, 8, 24, SHADES[posted], pad=1)
        else:
            _box(ax, x, y - 12, 24, 24, SHADES[shade], pad=5)
        label = _text(ax, x + 34, y, word, SMALL_PT, MUTED, va="center")
        x += 34 + text_width(label) + 30


def _box(
    ax: Axes, x: float, y: float, w: float, h: float, colour: str,
    edge: str | None = None, pad: float = 18,
) -> None:  # fmt: skip
    """A rounded box; `pad` is its corner radius in pixels."""
    ax.add_patch(rounded(x, y, w, h, colour, pad, edge=edge))


def _text(
    ax: Axes, x: float, y: float, text: str, size: float, colour: str, *,
    bold: bool = False, width: float | None = None, **placed: Any,
) -> Text:  # fmt: skip
    """Text in the card's fonts; cut with "…" to `width` pixels when given."""
    family = families().bold if bold else families().regular
    drawn = ax.text(x, y, text, fontsize=size, color=colour, fontfamily=family,
                    fontweight="bold" if bold else "normal", **placed)  # fmt: skip
    if width is not None:
        fit(drawn, width)
    return drawn
