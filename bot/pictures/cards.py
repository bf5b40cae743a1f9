"""What the review card shows: plain values, its words already in the user's language (built by
`bot.render.cards`), drawn by `bot.pictures.draw.cards` through `bot.pictures.drawing`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

Mark = Literal["met", "not_met", "open", "upcoming"]


Tone = Literal["achieved", "hit", "ink", "muted"]


Shade = Literal["posted1", "posted2", "posted3", "rested", "frozen", "missed", "ahead"]


@dataclass(frozen=True)
class GoalRow:
    label: str  # "Month 1 · Post on 26 of 30 days"
    detail: str  # "26 of 26 days", "Starts May 1"
    verdict: str  # "Met"
    mark: Mark


@dataclass(frozen=True)
class Tile:
    value: str  # "21/30", "+42", "—"
    label: str
    tone: Tone  # what the number means: an achievement, a hit, plain, or nothing (a zero)


@dataclass(frozen=True)
class CalendarDays:
    days: Sequence[tuple[date, Shade]]  # every day of the period, in order
    weekdays: Sequence[str]  # Monday first
    legend: Sequence[tuple[Shade, str]]
    by_week: bool = False  # a column a week (a whole cycle); else a row a week, days numbered


@dataclass(frozen=True)
class ReviewCard:
    name: str  # the creator's name or handle, as given: drawn through `drawable`
    period: str  # "Month 2 of 3 · Apr 1 – Apr 30"
    goals: Sequence[GoalRow]
    tiles: Sequence[Tile]
    best_heading: str
    best_title: str  # the best post's title or link, as given (empty: none)
    best_detail: str  # "TikTok · 1,234 saves", or what to do to have one
    calendar: CalendarDays
    footer: str
