"""The room card: the picture a room's weekly summary comes with, a 1080×1350 portrait a member
can post as is.

From the top: the room's name and the week; three numbers (posts together, member-days, the
longest streak and whose it is); the group goal as a progress bar; who posted how many days of
the week, ranked, a square per day; the bot's name as a quiet footer.

Plain values in (`RoomCard`, its words already in the room's language, built by
`bot.render.digests.room_card`), a matplotlib `Figure` out; `figure.png` turns it into the bytes
sent. Nothing here knows Telegram, SQL or the catalogs. Everything a member typed (the room's
name, members' names) is drawn through `style.drawable`, clipped with "…" to its place, so a
150-member room of 40-character fancy-font names draws as cleanly as a room of three.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from bot.pictures.draw.canvas import accent, fit, rounded, text_width
from bot.pictures.draw.figure import families, new_figure
from bot.pictures.room_card import MemberRow, RoomCard, Tile
from bot.pictures.style import (
    CARD_HEIGHT_IN,
    DPI,
    EMPTY,
    FAINT,
    HERO_PT,
    INK,
    MET,
    MUTED,
    OPEN,
    POSTED_SHADES,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
    WIDTH_IN,
    drawable,
)

WIDTH = round(WIDTH_IN * DPI)  # the card is drawn in pixels: 1,080 wide


HEIGHT = round(CARD_HEIGHT_IN * DPI)  # 1,350 high


LEFT, RIGHT = 72, WIDTH - 72


TOP = 64


ROW_HEIGHT_MAX = 72  # a small room's rows spread a little, not all the way down


ROWS_END = HEIGHT - 140  # the last row's centre at most: the footer is below


SQUARE, SQUARE_GAP = 30, 10


DOTS_LEFT = 630  # the week's squares start here; names end before


TILE_WIDTH = (RIGHT - LEFT) // 3


BAR_HEIGHT = 24


FULL_WEEK_MARK = "✓"


UNNAMED = "…"  # a name with nothing drawable in it (all emoji)


def room_card_figure(card: RoomCard) -> Figure:
    """The whole card, top to bottom: each block starts where the one above it ended; a small
    room's blocks are centred between the accent and the footer, not crowded at the top."""
    figure = new_figure(CARD_HEIGHT_IN, layout=None)
    ax = _canvas(figure)
    y = _header(ax, card, TOP)
    y = _tiles(ax, card.tiles, y)
    y = _goal(ax, card, y)
    end = _rows(ax, card, y)
    shift = max(0.0, (ROWS_END - end) / 2)
    ax.set_ylim(HEIGHT - shift, -shift)
    frame = _canvas(figure)
    accent(frame, WIDTH, 0)
    _footer(frame, card.footer)
    return figure


def _canvas(figure: Figure) -> Axes:
    """One axes over the whole card, in pixels from the top left: every element is placed where
    the layout says, not where matplotlib's layout engine would put it."""
    ax = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(HEIGHT, 0)
    ax.axis("off")
    return ax


def _header(ax: Axes, card: RoomCard, y: float) -> float:
    """What the card is, the room's name (large; smaller, then clipped, when it is long), the
    week."""
    bold = families().bold
    ax.text(LEFT, y, card.kicker, fontsize=SMALL_PT, color=MUTED, va="top", fontfamily=bold,
            fontweight="bold")  # fmt: skip
    y += 36
    room = drawable(card.room) or UNNAMED
    title = _largest(ax, room, LEFT, y, RIGHT - LEFT, (HERO_PT, TITLE_PT), fontfamily=bold,
                     fontweight="bold", color=INK, va="top")  # fmt: skip
    y += 100 if title.get_fontsize() == HERO_PT else 56
    _clipped(ax, card.week, LEFT, y, RIGHT - LEFT, fontsize=TEXT_PT, color=MUTED, va="top")
    _rule(ax, y + 56)
    return y + 86


def _tiles(ax: Axes, tiles: tuple[Tile, ...], y: float) -> float:
    bold = families().bold
    for index, tile in enumerate(tiles):
        x, width = LEFT + index * TILE_WIDTH, TILE_WIDTH - 24
        _largest(ax, tile.value, x, y, width, (HERO_PT, TITLE_PT), fontfamily=bold,
                 fontweight="bold", color=INK, va="top")  # fmt: skip
        _clipped(ax, tile.label, x, y + 92, width, fontsize=SMALL_PT, color=MUTED, va="top")
        if tile.note:
            _clipped(ax, drawable(tile.note) or UNNAMED, x, y + 120, width, fontsize=SMALL_PT,
                     color=INK, va="top", fontfamily=bold, fontweight="bold")  # fmt: skip
    _rule(ax, y + 166)
    return y + 192


def _goal(ax: Axes, card: RoomCard, y: float) -> float:
    """The goal's line and its bar; without a goal, how to set one (or nothing)."""
    if card.goal is None:
        if not card.no_goal:
            return y
        _clipped(ax, card.no_goal, LEFT, y + 12, RIGHT - LEFT, fontsize=TEXT_PT, color=MUTED,
                 va="center")  # fmt: skip
        _rule(ax, y + 50)
        return y + 86
    goal, bold = card.goal, families().bold
    colour = MET if goal.met else OPEN
    progress = f"{goal.progress} {FULL_WEEK_MARK}" if goal.met else goal.progress
    right = ax.text(RIGHT, y + 12, progress, fontsize=TEXT_PT, color=colour, ha="right",
                    va="center", fontfamily=bold, fontweight="bold")  # fmt: skip
    room_left = RIGHT - LEFT - text_width(right) - 24
    _clipped(ax, goal.label, LEFT, y + 12, room_left, fontsize=TEXT_PT, color=INK, va="center")
    share = min(goal.done / goal.of, 1.0) if goal.of > 0 else (1.0 if goal.met else 0.0)
    _bar(ax, LEFT, y + 40, RIGHT - LEFT, EMPTY, "goal-track")
    if share > 0:
        _bar(ax, LEFT, y + 40, max((RIGHT - LEFT) * share, BAR_HEIGHT), colour, "goal-done")
    _rule(ax, y + 94)
    return y + 130


def _rows(ax: Axes, card: RoomCard, y: float) -> float:
    """Who posted how many days, a row each, best first, spread over the room left above the
    footer, never further apart than `ROW_HEIGHT_MAX`. Returns where the last line ends."""
    ax.text(LEFT, y, card.heading, fontsize=TEXT_PT, color=INK, va="top",
            fontfamily=families().bold, fontweight="bold")  # fmt: skip
    first = y + 70
    lines = len(card.rows) + (1 if card.more else 0)
    pitch = min(ROW_HEIGHT_MAX, (ROWS_END - first) / max(lines - 1, 1))
    for index, row in enumerate(card.rows):
        _row(ax, row, first + index * pitch, card)
    if card.more:
        ax.text(LEFT, first + len(card.rows) * pitch, card.more, fontsize=TEXT_PT, color=MUTED,
                va="center")  # fmt: skip
    return first + max(lines - 1, 0) * pitch + SQUARE / 2


def _row(ax: Axes, row: MemberRow, y: float, card: RoomCard) -> None:
    """A member's name, a square per day of the week (posted ones filled, a full week in the
    darkest shade with a mark), and the count; a private member's name and a dash."""
    name = drawable(row.name) or UNNAMED
    _clipped(ax, name, LEFT, y, DOTS_LEFT - LEFT - 36, fontsize=TEXT_PT, va="center",
             color=INK if row.days is not None else MUTED)  # fmt: skip
    if row.days is None:
        ax.text(RIGHT, y, card.not_sharing, fontsize=TEXT_PT, color=MUTED, ha="right",
                va="center")  # fmt: skip
        return
    full = row.days >= card.week_days
    shade = POSTED_SHADES[2] if full else POSTED_SHADES[1]
    for day in range(card.week_days):
        x = DOTS_LEFT + day * (SQUARE + SQUARE_GAP)
        colour = shade if day < row.days else EMPTY
        ax.add_patch(rounded(x, y - SQUARE / 2, SQUARE, SQUARE, colour, radius=6, gid="day"))
    value = f"{row.days}/{card.week_days}" + (f" {FULL_WEEK_MARK}" if full else "")
    family, weight = (families().bold, "bold") if full else (families().regular, "normal")
    ax.text(RIGHT, y, value, fontsize=TEXT_PT, ha="right", va="center", fontfamily=family,
            fontweight=weight, color=MET if full else INK)  # fmt: skip


def _footer(ax: Axes, footer: str) -> None:
    _rule(ax, HEIGHT - 92)
    ax.text(WIDTH / 2, HEIGHT - 50, footer, fontsize=SMALL_PT, color=MUTED, ha="center",
            va="center")  # fmt: skip


def _rule(ax: Axes, y: float) -> None:
    ax.plot([LEFT, RIGHT], [y, y], color=FAINT, linewidth=1.2, solid_capstyle="butt")


def _bar(ax: Axes, x: float, y: float, width: float, colour: str, gid: str) -> None:
    ax.add_patch(rounded(x, y, width, BAR_HEIGHT, colour, radius=BAR_HEIGHT / 2, gid=gid))


def _clipped(ax: Axes, text: str, x: float, y: float, width: float, **style: object) -> Text:
    """`text` at (x, y), cut with "…" where it would pass `width` pixels."""
    return fit(ax.text(x, y, text, **style), width)  # type: ignore[arg-type]


def _largest(
    ax: Axes, text: str, x: float, y: float, width: float, sizes: tuple[float, ...], **style: object
) -> Text:
    """`text` at the first of `sizes` it fits in; at the last size, clipped."""
    for size in sizes[:-1]:
        drawn = ax.text(x, y, text, fontsize=size, **style)  # type: ignore[arg-type]
        if text_width(drawn) <= width:
            return drawn
        drawn.remove()
    return _clipped(ax, text, x, y, width, fontsize=sizes[-1], **style)
