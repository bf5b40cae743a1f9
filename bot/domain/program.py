"""The 3-month program: month 1 builds the habit, month 2 gets one hit, month 3 reaches the
follower target. Goals are the user's to change; this module says where they stand against them.

Program months are 30 days from the start date (not calendar months), so every phase has the same
length wherever it starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.domain.errors import InputError
from bot.domain.models import DayActivity, FollowerCount, Profile
from bot.domain.progress import Period

MONTH_DAYS = 30
MONTHS = 3
PROGRAM_DAYS = MONTH_DAYS * MONTHS
MAX_BACKDATE_DAYS = PROGRAM_DAYS - 1  # /plan start can begin a program that is already running
MAX_START_AHEAD_DAYS = 30

GoalKind = Literal["posting", "hit", "followers"]
GOAL_OF_MONTH: dict[int, GoalKind] = {1: "posting", 2: "hit", 3: "followers"}

# Limits for /goals: wide enough for any real creator, narrow enough to catch typos.
MAX_HIT_THRESHOLD = 1_000_000
MAX_FOLLOWER_TARGET = 1_000_000_000
MAX_REST_DAYS = 3


@dataclass(frozen=True)
class Goals:
    days_per_week: int
    hit_threshold: int
    follower_target: int
    follower_platform: str | None  # None: the total across platforms
    rest_days_per_week: int


@dataclass(frozen=True)
class Program:
    program_id: int
    cycle: int
    start_date: date

    def month_period(self, month: int) -> Period:
        start = self.start_date + timedelta(days=MONTH_DAYS * (month - 1))
        return Period(start, start + timedelta(days=MONTH_DAYS - 1))

    @property
    def end_date(self) -> date:
        return self.month_period(MONTHS).end


@dataclass(frozen=True)
class ProgramDay:
    """Where `today` falls: day 1..90, month (phase) 1..3, day 1..30 within it."""

    day: int
    month: int
    day_in_month: int

    @property
    def days_left_in_month(self) -> int:
        return MONTH_DAYS - self.day_in_month


def program_day(program: Program, today: date) -> ProgramDay | None:
    """None before the start date and after the last day."""
    index = (today - program.start_date).days
    if not 0 <= index < PROGRAM_DAYS:
        return None
    month, in_month = divmod(index, MONTH_DAYS)
    return ProgramDay(day=index + 1, month=month + 1, day_in_month=in_month + 1)


def program_start(start: date, today: date) -> date:
    """A start date for /plan start: up to `MAX_BACKDATE_DAYS` back (a program already under way)
    and up to `MAX_START_AHEAD_DAYS` ahead."""
    if start < today - timedelta(days=MAX_BACKDATE_DAYS):
        raise InputError("error.plan_start_past", days=MAX_BACKDATE_DAYS, count=MAX_BACKDATE_DAYS)
    if start > today + timedelta(days=MAX_START_AHEAD_DAYS):
        raise InputError(
            "error.plan_start_future", days=MAX_START_AHEAD_DAYS, count=MAX_START_AHEAD_DAYS
        )
    return start


def posting_target(days_per_week: int, period_days: int = MONTH_DAYS) -> int:
    """Posting days wanted in a period at the user's weekly rate (7 a week: every day)."""
    return round(period_days * days_per_week / 7)


def current_followers(counts: Sequence[FollowerCount], platform: str | None) -> int | None:
    """The latest count on `platform`, or the latest counts summed over every platform."""
    latest: dict[str, int] = {}
    for count in sorted(counts, key=lambda c: c.recorded_at):
        latest[count.platform] = count.count
    if platform is not None:
        return latest.get(platform)
    return sum(latest.values()) if latest else None


def followers_by(counts: Sequence[FollowerCount], day: date, platform: str | None) -> int | None:
    return current_followers([c for c in counts if c.local_date <= day], platform)


@dataclass(frozen=True)
class GoalStatus:
    kind: GoalKind
    done: int
    target: int

    @property
    def met(self) -> bool:
        return self.done >= self.target


def goal_status(
    kind: GoalKind,
    period: Period,
    goals: Goals,
    activity: Sequence[DayActivity],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
    upto: date | None = None,
) -> GoalStatus:
    """How a goal stands over `period`, counting days up to `upto` (default: the period's end)."""
    last = min(period.end, upto) if upto is not None else period.end
    if kind == "posting":
        done = sum(1 for a in activity if period.start <= a.day <= last)
        return GoalStatus(kind, done, posting_target(goals.days_per_week, period.length))
    if kind == "hit":
        return GoalStatus(kind, sum(1 for d in hit_dates if period.start <= d <= last), 1)
    followers = followers_by(counts, last, goals.follower_platform)
    return GoalStatus(kind, followers or 0, goals.follower_target)


def raised_goals(goals: Goals, followers_now: int | None) -> Goals:
    """Targets for the next cycle: the habit stays, the outcomes ask for more."""
    return Goals(
        days_per_week=goals.days_per_week,
        hit_threshold=min(goals.hit_threshold * 2, MAX_HIT_THRESHOLD),
        follower_target=min(
            max(goals.follower_target * 2, (followers_now or 0) + goals.follower_target),
            MAX_FOLLOWER_TARGET,
        ),
        follower_platform=goals.follower_platform,
        rest_days_per_week=goals.rest_days_per_week,
    )


def goals_of(profile: Profile) -> Goals:
    """The program goals of one user, from their settings."""
    return Goals(
        days_per_week=profile.posting_days_per_week,
        hit_threshold=profile.hit_threshold,
        follower_target=profile.follower_target,
        follower_platform=profile.follower_platform,
        rest_days_per_week=profile.rest_days_per_week,
    )
