"""What the posting calendar shows: plain values (built by `bot.render.charts`), drawn by
`bot.pictures.draw.calendar` through `bot.pictures.drawing`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from bot.domain.days import week_start

WEEKS = 16


class Day(IntEnum):
    NONE = 0
    RESTED = 1
    FROZEN = 2
    POSTED = 3
    FUTURE = 4


@dataclass(frozen=True)
class CalendarWords:
    title: str
    weekdays: Sequence[str]  # seven, Monday first
    months: Sequence[str]  # twelve
    posted: str
    rested: str
    frozen: str
    empty: str
    today: str


@dataclass(frozen=True)
class CalendarChart:
    today: date
    posted: Mapping[date, int]  # posts per local day
    rested: frozenset[date]
    frozen: frozenset[date]  # missed days the rest allowance covered
    words: CalendarWords

    @property
    def first(self) -> date:
        """The Monday of the first column."""
        return week_start(self.today) - timedelta(weeks=WEEKS - 1)

    def state(self, day: date) -> Day:
        if day > self.today:
            return Day.FUTURE
        if self.posted.get(day, 0) > 0:
            return Day.POSTED
        if day in self.rested:
            return Day.RESTED
        return Day.FROZEN if day in self.frozen else Day.NONE
