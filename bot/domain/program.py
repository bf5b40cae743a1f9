"""The 3-month program: month 1 builds the habit, month 2 gets one hit, month 3 reaches the
follower target. Goals are the user's to change; this module says where they stand against them.

Program months are 30 days from the start date (not calendar months), so every phase has the same
length wherever it starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from bot.domain.errors import InputError
from bot.domain.models import DayActivity, FollowerCount, Profile
from bot.domain.progress import MonthFrame, Period, calendar_frame

MONTH_DAYS = 30
MONTHS = 3
PROGRAM_DAYS = MONTH_DAYS * MONTHS
MAX_BACKDATE_DAYS = PROGRAM_DAYS - 1  # /plan start can begin a program that is already running
MAX_START_AHEAD_DAYS = 30

GoalKind = Literal["posting", "hit", "followers"]
FollowerGoalKind = Literal["gain", "total"]  # gain N during the program, or reach a total
GOAL_OF_MONTH: dict[int, GoalKind] = {1: "posting", 2: "hit", 3: "followers"}

# Limits for /goals: wide enough for any real creator, narrow enough to catch typos.
MAX_HIT_THRESHOLD = 1_000_000
MAX_FOLLOWER_TARGET = 1_000_000_000
MAX_REST_DAYS = 6  # days off a week: at least one posting day is left


@dataclass(frozen=True)
class Goals:
    days_per_week: int
    hit_threshold: int
    follower_target: int
    follower_platform: str | None  # None: the total across platforms
    rest_days_per_week: int
    follower_goal_kind: FollowerGoalKind = "gain"


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


def total_followers(counts: Sequence[FollowerCount]) -> list[tuple[datetime, int]]:
    """The followers across every platform after each count: the latest of each platform summed
    (a platform counted later joins the sum from its first count)."""
    latest: dict[str, int] = {}
    totals: list[tuple[datetime, int]] = []
    for count in sorted(counts, key=lambda c: c.recorded_at):
        latest[count.platform] = count.count
        if totals and totals[-1][0] == count.recorded_at:
            totals.pop()  # counts sent together are one step, not a zigzag
        totals.append((count.recorded_at, sum(latest.values())))
    return totals


def followers_by(counts: Sequence[FollowerCount], day: date, platform: str | None) -> int | None:
    return current_followers([c for c in counts if c.local_date <= day], platform)


@dataclass(frozen=True)
class GoalStatus:
    kind: GoalKind
    done: int
    target: int
    measured: bool = True  # False: a follower goal with no count to measure from yet

    @property
    def met(self) -> bool:
        return self.measured and self.done >= self.target


def follower_goal_status(
    goals: Goals, counts: Sequence[FollowerCount], since: date, last: date
) -> GoalStatus:
    """The follower goal, the one definition every view uses.

    A total goal compares the followers on `last` with the target. A gain goal (the default)
    measures growth since `since` (the program's day 1) from `follower_baseline`. So a creator who
    starts with 2,000 followers has gained 0, not met "100".
    """
    now = followers_by(counts, last, goals.follower_platform)
    if goals.follower_goal_kind == "total":
        return GoalStatus("followers", now or 0, goals.follower_target, now is not None)
    baseline = follower_baseline(counts, since, last, goals.follower_platform)
    if now is None or baseline is None:
        return GoalStatus("followers", 0, goals.follower_target, measured=False)
    return GoalStatus("followers", now - baseline, goals.follower_target)


def follower_baseline(
    counts: Sequence[FollowerCount], since: date, last: date, platform: str | None
) -> int | None:
    """The followers a program started from, per platform summed (or one platform's): the last
    count on or before `since`, else the platform's first count up to `last`. A platform first
    counted mid-program starts from that count, so adding it adds no growth."""
    upto = sorted((c for c in counts if c.local_date <= last), key=lambda c: c.recorded_at)
    baselines: dict[str, int] = {}
    for c in upto:
        if platform in (None, c.platform) and (
            c.local_date <= since or c.platform not in baselines
        ):
            baselines[c.platform] = c.count
    return sum(baselines.values()) if baselines else None


def followers_to_reach(
    goals: Goals, counts: Sequence[FollowerCount], since: date, last: date
) -> int | None:
    """The follower count (as `current_followers` reads it) that meets the goal; None while the
    growth can't be measured."""
    status = follower_goal_status(goals, counts, since, last)
    now = followers_by(counts, last, goals.follower_platform)
    if not status.measured or now is None:
        return None
    return now + status.target - status.done


@dataclass(frozen=True)
class GoalLevel:
    """The follower count the goal means, as a chart draws it: a gain of 100 from 1,200 is the
    level 1,300; a total of 1,500 is 1,500. `platform` None: the sum over every platform."""

    platform: str | None
    level: int
    target: int
    kind: FollowerGoalKind


def goal_level(
    goals: Goals, counts: Sequence[FollowerCount], since: date, last: date
) -> GoalLevel | None:
    """The level to draw, measured as `follower_goal_status` measures it; None while it can't be."""
    level = followers_to_reach(goals, counts, since, last)
    if level is None:
        return None
    return GoalLevel(
        goals.follower_platform, level, goals.follower_target, goals.follower_goal_kind
    )


def goal_status(
    kind: GoalKind,
    period: Period,
    goals: Goals,
    activity: Sequence[DayActivity],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
    upto: date | None = None,
    since: date | None = None,
) -> GoalStatus:
    """How a goal stands over `period`, counting days up to `upto` (default: the period's end).

    A follower goal is measured over the whole program: from `since` (its day 1; default the
    period's start)."""
    last = min(period.end, upto) if upto is not None else period.end
    if kind == "posting":
        done = sum(1 for a in activity if period.start <= a.day <= last)
        return GoalStatus(kind, done, posting_target(goals.days_per_week, period.length))
    if kind == "hit":
        return GoalStatus(kind, sum(1 for d in hit_dates if period.start <= d <= last), 1)
    return follower_goal_status(goals, counts, since or period.start, last)


DEFAULT_FOLLOWER_GAIN = 100


@dataclass(frozen=True)
class NextCycle:
    """The next cycle's goals: a met goal is raised, a missed one comes again — or, the user's
    choice, eased. The posting habit is the user's own rhythm: met, it is kept."""

    met: tuple[bool, bool, bool]  # posting, hit, followers
    again: Goals  # missed goals as they were
    eased: Goals  # missed goals made easier

    @property
    def any_missed(self) -> bool:
        return not all(self.met)


def next_cycle(
    goals: Goals, months: Sequence[GoalStatus], followers_start: int | None
) -> NextCycle:
    """Proposals from a cycle's results (`months`: each month's goal status, in order). Never a
    doubled target after a miss, never a higher hit threshold after no hit."""
    posting, hit, followers = (m.met for m in months)
    days, threshold, target = goals.days_per_week, goals.hit_threshold, goals.follower_target
    if hit:
        threshold = min(max(threshold + 1, -(-threshold * 3 // 2)), MAX_HIT_THRESHOLD)
    if followers:
        target = min(_raised_followers(goals, months[2], followers_start), MAX_FOLLOWER_TARGET)
    again = replace(goals, hit_threshold=threshold, follower_target=target)
    eased = replace(
        again,
        days_per_week=days if posting else max(1, days - 1),
        hit_threshold=threshold if hit else max(1, -(-threshold // 2)),
        follower_target=target if followers else _eased_followers(goals, months[2]),
    )
    return NextCycle((posting, hit, followers), again, eased)


def _raised_followers(goals: Goals, status: GoalStatus, start: int | None) -> int:
    """A met gain goal: half as much again, or what was gained if more. A met total: the total
    reached plus what this cycle gained (at least the default gain)."""
    if goals.follower_goal_kind == "gain":
        return max(-(-goals.follower_target * 3 // 2), status.done)
    gained = status.done - start if start is not None else 0
    return max(goals.follower_target, status.done) + max(DEFAULT_FOLLOWER_GAIN, gained)


def _eased_followers(goals: Goals, status: GoalStatus) -> int:
    """A missed goal made easier: half the way (a gain of half; a total halfway from the count
    reached), or what was actually reached if that is more — never below 1."""
    target = goals.follower_target
    if goals.follower_goal_kind == "gain":
        return max(1, min(target - 1, max(target // 2, status.done)))
    reached = status.done if status.measured else 0
    return max(1, min(target - 1, reached + (target - reached) // 2))


def goals_of(profile: Profile) -> Goals:
    """The program goals of one user, from their settings."""
    return Goals(
        days_per_week=profile.posting_days_per_week,
        hit_threshold=profile.hit_threshold,
        follower_target=profile.follower_target,
        follower_platform=profile.follower_platform,
        rest_days_per_week=profile.rest_days_per_week,
        follower_goal_kind="total" if profile.follower_goal_kind == "total" else "gain",
    )


def month_frame(program: Program | None, today: date, days_per_week: int) -> MonthFrame:
    """The month a check-in counts in: the program month while `program` runs (its target is
    the program's posting goal), the calendar month otherwise."""
    where = program_day(program, today) if program is not None else None
    if program is None or where is None:
        return calendar_frame(today, days_per_week)
    period = program.month_period(where.month)
    return MonthFrame(period, posting_target(days_per_week, period.length), where.month)
