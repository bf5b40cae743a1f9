"""What the room card shows: plain values, its words already in the room's language (built by
`bot.render.digests.room_card`), drawn by `bot.pictures.draw.room_card` through
`bot.pictures.drawing`."""

from __future__ import annotations

from dataclasses import dataclass

# The most members a card names: with more, rows would crowd under 44 px; the rest are counted.
MAX_ROWS = 12


@dataclass(frozen=True)
class Tile:
    """A big number, what it counts, and (for the streak) whose it is."""

    value: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class MemberRow:
    """A member's week. `days` None: they keep their posts to themselves, so they are named with
    no number and no squares, as the text summary names them with "—"."""

    name: str
    days: int | None


@dataclass(frozen=True)
class GoalBar:
    """The group goal's progress: `done` of `of`, drawn in the MET colour once met."""

    label: str
    progress: str
    done: int
    of: int
    met: bool


@dataclass(frozen=True)
class RoomCard:
    kicker: str  # what the card is ("Weekly summary")
    room: str  # the room's name, as its members typed it
    week: str  # "Week of Mar 2 – Mar 8"
    tiles: tuple[Tile, ...]  # three: posts, member-days, the longest streak
    goal: GoalBar | None
    no_goal: str  # said in the goal's place when the room has none ("": the block is left out)
    heading: str  # over the members' rows
    rows: tuple[MemberRow, ...]  # ranked, at most MAX_ROWS
    more: str  # "+ 138 more" when not everyone has a row, else ""
    footer: str
    week_days: int = 7
    not_sharing: str = "—"  # in the place of a private member's number
