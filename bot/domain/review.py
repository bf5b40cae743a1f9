"""Monthly reviews: what was certain (the inputs a creator controls) and what was not (outcomes).

A review covers a period: a program month (30 days) or, for users without a program, a calendar
month. It is due the day after the period ends, at the user's nudge time, so it reviews a whole
month. Each period has a stable key, which is also the key of its delivery: it goes out once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from bot.domain.days import month_start
from bot.domain.models import DayActivity, FollowerCount, Post
from bot.domain.program import (
    GOAL_OF_MONTH,
    MONTH_DAYS,
    MONTHS,
    GoalKind,
    Goals,
    GoalStatus,
    Program,
    follower_baseline,
    followers_by,
    goal_status,
    program_day,
)
from bot.domain.progress import Period, follower_growth_by_platform, this_month
from bot.domain.schedule import ReminderPlan, out_of_quiet_hours, wall_time_on
from bot.domain.streaks import ONE_DAY, frozen_days, rest_allowance


@dataclass(frozen=True)
class ReviewPeriod:
    key: str  # "month:2026-03" or "program:<id>:<month>"
    period: Period
    program_id: int | None = None
    program_month: int | None = None

    @property
    def is_final(self) -> bool:
        return self.program_month == MONTHS

    @property
    def since(self) -> date:
        """Day 1 of the program (a program's follower goal is measured from there), else the
        period's start."""
        months_before = (self.program_month or 1) - 1
        return self.period.start - timedelta(days=MONTH_DAYS * months_before)

    def goal_kind(self) -> GoalKind:
        return GOAL_OF_MONTH[self.program_month] if self.program_month else "posting"

    def next_goal_kind(self) -> GoalKind | None:
        """The following month's goal; None after a program's last month (the final report)."""
        if self.program_month is None:
            return "posting"
        return GOAL_OF_MONTH.get(self.program_month + 1)


def calendar_review(day: date) -> ReviewPeriod:
    month = this_month(day)
    return ReviewPeriod(f"month:{month_start(day):%Y-%m}", month)


def program_review(program: Program, month: int) -> ReviewPeriod:
    return ReviewPeriod(
        f"program:{program.program_id}:{month}",
        program.month_period(month),
        program.program_id,
        month,
    )


def review_period_for(program: Program | None, today: date) -> ReviewPeriod:
    """The review that covers `today`: the one to schedule next."""
    if program is None:
        return calendar_review(today)
    where = program_day(program, today)
    if where is not None:
        return program_review(program, where.month)
    return program_review(program, 1 if today < program.start_date else MONTHS)


def last_review(programs: Sequence[tuple[Program, date | None]], today: date) -> ReviewPeriod:
    """What `/review last` shows: the last completed program month while a program runs (on day
    1 of cycle 2, cycle 1's final month); after a program ran, its last completed month until a
    calendar month has ended since; the last calendar month otherwise. `programs`: the newest
    first, each with the local day it ended (None: it has not)."""
    calendar = calendar_review(month_start(today) - timedelta(days=1))
    done = next(
        (m for p, ended in programs if (m := _last_done_month(p, ended or today)) is not None),
        None,
    )
    if done is None:
        return calendar
    newest, ended = programs[0]
    running = ended is None and program_day(newest, today) is not None
    return done if running or done.period.end >= calendar.period.end else calendar


def _last_done_month(program: Program, limit: date) -> ReviewPeriod | None:
    """The program's last month that ended before `limit` (today, or the day it was stopped)."""
    done = [m for m in range(1, MONTHS + 1) if program.month_period(m).end < limit]
    return program_review(program, done[-1]) if done else None


def review_after(done: ReviewPeriod, program: Program | None) -> ReviewPeriod:
    """The review that follows one just sent."""
    if program is not None and done.program_month is not None and done.program_month < MONTHS:
        return program_review(program, done.program_month + 1)
    return calendar_review(done.period.end + timedelta(days=1))


def review_due_at(review: ReviewPeriod, nudge_time: time, plan: ReminderPlan) -> datetime:
    """The day after the period, at the nudge time, out of quiet hours."""
    day_after = review.period.end + timedelta(days=1)
    return out_of_quiet_hours(wall_time_on(day_after, nudge_time, plan), plan)


@dataclass(frozen=True)
class ScoredPost:
    post: Post
    saves: int | None


class Verdict(Enum):
    MET = "met"
    OPEN = "open"  # an on-demand review mid-month, the goal not met yet
    NOT_MET = "not_met"


@dataclass(frozen=True)
class MonthReview:
    review: ReviewPeriod
    goal: GoalStatus
    posting: GoalStatus  # certain: days posted against the target
    posts: int
    rest_days: int
    niche_share: int | None  # percent of posts carrying a niche tag; None without tags or posts
    follower_changes: dict[str, int]  # uncertain: per platform with two readings to compare
    hits: int
    best: ScoredPost | None  # the best post by saves, when any has saves
    upto: date | None = None  # an on-demand review counts days up to here; None: the whole month

    @property
    def verdict(self) -> Verdict:
        if self.goal.met:
            return Verdict.MET
        return Verdict.OPEN if self.upto else Verdict.NOT_MET

    @property
    def next_goal(self) -> GoalKind | None:
        """The goal to announce for next month: only once the month is over, and not after a
        program's last month (its final report says what comes next)."""
        return None if self.upto is not None else self.review.next_goal_kind()


def build_review(
    review: ReviewPeriod,
    goals: Goals,
    niche_tags: Sequence[str],
    posts: Sequence[ScoredPost],
    activity: Sequence[DayActivity],
    rest_days: Sequence[date],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
    upto: date | None = None,
) -> MonthReview:
    """The review of `review.period`, counting days up to `upto` (an on-demand review mid-month)."""
    period = review.period
    last = min(period.end, upto) if upto is not None else period.end
    inside = [p for p in posts if period.start <= p.post.local_date <= last]
    tagged = sum(1 for p in inside if set(p.post.tags) & set(niche_tags))
    scored = [p for p in inside if p.saves]
    best = max(scored, key=lambda p: (p.saves or 0, -p.post.number)) if scored else None
    so_far = Period(period.start, last)
    # Days off: the explicit rest days and the missed days the allowance covered (one model).
    posted = (a.day for a in activity)
    covered = frozen_days(posted, rest_days, rest_allowance(goals.days_per_week), last + ONE_DAY)
    return MonthReview(
        review=review,
        goal=goal_status(
            review.goal_kind(), period, goals, activity, hit_dates, counts, upto, review.since
        ),
        posting=goal_status("posting", period, goals, activity, hit_dates, counts, upto),
        posts=len(inside),
        rest_days=sum(1 for d in {*rest_days, *covered} if period.start <= d <= last),
        niche_share=round(100 * tagged / len(inside)) if niche_tags and inside else None,
        follower_changes=follower_growth_by_platform(counts, so_far),
        hits=sum(1 for d in hit_dates if period.start <= d <= last),
        best=best,
        upto=upto,
    )


@dataclass(frozen=True)
class ProgramReport:
    """The end of a cycle: each month's goal, the totals, and the next cycle's targets."""

    months: tuple[GoalStatus, ...]
    days_posted: int
    posts: int
    hits: int
    followers_start: int | None
    followers_end: int | None


def build_program_report(
    program: Program,
    goals: Goals,
    activity: Sequence[DayActivity],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
) -> ProgramReport:
    whole = Period(program.start_date, program.end_date)
    months = tuple(
        goal_status(
            GOAL_OF_MONTH[m],
            program.month_period(m),
            goals,
            activity,
            hit_dates,
            counts,
            since=program.start_date,
        )
        for m in range(1, MONTHS + 1)
    )
    # Followers at the start: the baseline the follower goal is measured from.
    start = follower_baseline(counts, whole.start, whole.end, goals.follower_platform)
    return ProgramReport(
        months=months,
        days_posted=sum(1 for a in activity if a.day in whole),
        posts=sum(a.posts for a in activity if a.day in whole),
        hits=sum(1 for d in hit_dates if d in whole),
        followers_start=start,
        followers_end=followers_by(counts, whole.end, goals.follower_platform),
    )


def parse_review_key(key: str) -> tuple[date, None] | tuple[int, int] | None:
    """`month:2026-03` → (first day, None); `program:7:2` → (program id, month); else None."""
    kind, _, rest = key.partition(":")
    try:
        if kind == "month":
            year, month = rest.split("-")
            return date(int(year), int(month), 1), None
        if kind == "program":
            program_id, month = rest.split(":")
            if 1 <= int(month) <= MONTHS:
                return int(program_id), int(month)
    except ValueError:
        return None
    return None
