"""Progress over a period (this week, this month): the inputs a creator controls, and outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.days import days_in_month, month_start, next_month_start, week_start
from bot.domain.models import DayActivity, FollowerCount
from bot.domain.streaks import Streak, compute_streak, rest_allowance


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


def this_week(today: date) -> Period:
    start = week_start(today)
    return Period(start, start + timedelta(days=6))


def this_month(today: date) -> Period:
    return Period(month_start(today), next_month_start(today) - timedelta(days=1))


def month_target_days(today: date, days_per_week: int) -> int:
    """Posting days wanted this month at the user's weekly rate (7/week means every day)."""
    return round(days_in_month(today) * days_per_week / 7)


@dataclass(frozen=True)
class PeriodProgress:
    period: Period
    posts: int
    days_posted: int
    target_days: int
    follower_change: int | None  # None: fewer than one count before and one inside the period
    hits: int


def period_progress(
    period: Period,
    activity: Sequence[DayActivity],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
    target_days: int,
) -> PeriodProgress:
    inside = [a for a in activity if a.day in period]
    return PeriodProgress(
        period=period,
        posts=sum(a.posts for a in inside),
        days_posted=len(inside),
        target_days=target_days,
        follower_change=follower_growth(counts, period),
        hits=sum(1 for d in hit_dates if d in period),
    )


def follower_growth(counts: Sequence[FollowerCount], period: Period) -> int | None:
    """Followers gained in the period over all platforms; None only when the period has no count
    at all. A platform's single reading (the first count, or one corrected the same day) is ±0:
    "no counts yet" right after a count would be untrue."""
    by_platform = follower_growth_by_platform(counts, period)
    if not by_platform and not any(c.local_date in period for c in counts):
        return None
    return sum(by_platform.values())


def follower_growth_by_platform(counts: Sequence[FollowerCount], period: Period) -> dict[str, int]:
    """Followers gained in the period, per platform with something to compare.

    Per platform: the last count by the period's end minus the last count before it starts (or the
    first count inside it, when there is none before). Platforms with a single reading are left out.
    """
    growth: dict[str, int] = {}
    for key in sorted({c.platform for c in counts}):
        series = sorted((c for c in counts if c.platform == key), key=lambda c: c.recorded_at)
        before = [c for c in series if c.local_date < period.start]
        upto = [c for c in series if c.local_date <= period.end]
        inside = [c for c in upto if c.local_date >= period.start]
        if not inside:
            continue
        baseline = before[-1] if before else inside[0]
        if baseline is upto[-1]:
            continue
        growth[key] = upto[-1].count - baseline.count
    return growth


def previous_count(counts: Sequence[FollowerCount], platform: str, today: date) -> int | None:
    """What a new count on `platform` is compared with: the last count before today (a count
    today replaces today's), or today's when there is none before."""
    series = [c for c in counts if c.platform == platform]
    before = [c for c in series if c.local_date < today]
    chosen = before or series
    return chosen[-1].count if chosen else None


@dataclass(frozen=True)
class FollowerChange:
    platform: str
    count: int
    since_previous: int | None
    previous_date: date | None
    since_first: int | None
    first_date: date | None
    total: int  # latest counts summed over every platform
    total_since_first: int  # sum over platforms of (latest - first)


def follower_change(counts: Sequence[FollowerCount], platform: str) -> FollowerChange:
    """The story of the newest count on `platform`, against its previous and first counts.

    `counts` is the user's full history in recording order, the newest count included.
    """
    series = [c for c in counts if c.platform == platform]
    latest = series[-1]
    previous = series[-2] if len(series) > 1 else None
    first = series[0] if len(series) > 1 else None
    latest_by_platform: dict[str, FollowerCount] = {}
    first_by_platform: dict[str, FollowerCount] = {}
    for c in counts:
        latest_by_platform[c.platform] = c
        first_by_platform.setdefault(c.platform, c)
    return FollowerChange(
        platform=platform,
        count=latest.count,
        since_previous=latest.count - previous.count if previous else None,
        previous_date=previous.local_date if previous else None,
        since_first=latest.count - first.count if first else None,
        first_date=first.local_date if first else None,
        total=sum(c.count for c in latest_by_platform.values()),
        total_since_first=sum(
            latest_by_platform[k].count - first_by_platform[k].count for k in latest_by_platform
        ),
    )


@dataclass(frozen=True)
class MonthFrame:
    """The month a check-in reply counts in: the program month while a program runs, the
    calendar month otherwise (see `bot.domain.program.month_frame`)."""

    period: Period
    target_days: int
    program_month: int | None = None  # None: the calendar month


def calendar_frame(today: date, days_per_week: int) -> MonthFrame:
    return MonthFrame(this_month(today), month_target_days(today, days_per_week))


@dataclass(frozen=True)
class Standing:
    """Where a user stands right now: what a check-in reply and /today show."""

    streak: Streak
    posts_today: int
    month_days_posted: int
    month_target_days: int
    month: MonthFrame


def standing(
    activity: Sequence[DayActivity],
    today: date,
    days_per_week: int,
    rest_days: Sequence[date] = (),
    frame: MonthFrame | None = None,
) -> Standing:
    frame = frame or calendar_frame(today, days_per_week)
    month = frame.period
    return Standing(
        streak=compute_streak(
            (a.day for a in activity), today, rest_days, rest_allowance(days_per_week)
        ),
        posts_today=sum(a.posts for a in activity if a.day == today),
        month_days_posted=sum(1 for a in activity if a.day in month),
        month_target_days=frame.target_days,
        month=frame,
    )
