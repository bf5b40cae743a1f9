"""What a review card shows: the three goals with their verdicts, the month's numbers and its days.

A card covers what a review covers — a program month, a calendar month, or (the final card) a
whole 90-day cycle — and decides here, not in the picture, which goal was met, missed, is still
open or is yet to come. The days come from `bot.domain.streaks` (posted, rested, frozen), the one
model of days off the reviews and /streak use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from bot.domain.models import DayActivity, FollowerCount
from bot.domain.program import (
    GOAL_OF_MONTH,
    MONTH_DAYS,
    MONTHS,
    PROGRAM_DAYS,
    GoalKind,
    Goals,
    GoalStatus,
    Program,
    goal_status,
    posting_target,
)
from bot.domain.progress import Period
from bot.domain.review import MonthReview, ProgramReport, ScoredPost, Verdict
from bot.domain.streaks import ONE_DAY, compute_streak, frozen_days, rest_allowance

THE_THREE_GOALS: tuple[GoalKind, ...] = ("posting", "hit", "followers")


class DayState(Enum):
    POSTED = "posted"
    RESTED = "rested"  # an explicit /rest
    FROZEN = "frozen"  # a missed day the week's rest allowance covered
    MISSED = "missed"
    AHEAD = "ahead"  # after today, on a card asked for mid-month


@dataclass(frozen=True)
class CardDay:
    day: date
    state: DayState
    posts: int = 0


@dataclass(frozen=True)
class GoalLine:
    """One of the three goals. `month`: the program month it belongs to (None on a calendar
    month's card); `status` None: a program month still to come."""

    kind: GoalKind
    verdict: Verdict
    status: GoalStatus | None
    month: int | None = None
    starts: date | None = None  # the first day of a month still to come

    @property
    def upcoming(self) -> bool:
        return self.status is None


@dataclass(frozen=True)
class CardFacts:
    """Everything a review card shows, decided; `final`: the card of a whole cycle."""

    period: Period
    goals: tuple[GoalLine, ...]
    streak: int  # the current streak at the card's last day; the cycle's best on a final card
    posting: GoalStatus  # days posted against the period's target
    follower_change: int | None  # None: not measurable
    hits: int
    best: ScoredPost | None
    days: tuple[CardDay, ...]
    upto: date | None = None  # an on-demand card counts days up to here
    program_month: int | None = None
    cycle: int | None = None  # set on a final card

    @property
    def final(self) -> bool:
        return self.cycle is not None


@dataclass(frozen=True)
class History:
    """The user's whole record, as the store reads it."""

    activity: Sequence[DayActivity]
    rest_days: Sequence[date]
    hit_dates: Sequence[date]
    counts: Sequence[FollowerCount]


def verdict_of(status: GoalStatus, upto: date | None) -> Verdict:
    """Met is met; not met yet is open while the period runs, not met once it is over."""
    if status.met:
        return Verdict.MET
    return Verdict.OPEN if upto is not None else Verdict.NOT_MET


def month_card(data: MonthReview, goals: Goals, history: History) -> CardFacts:
    """The card of a monthly review (or of `/card`, counted up to `data.upto`)."""
    review, period = data.review, data.review.period
    last = min(period.end, data.upto) if data.upto is not None else period.end
    # The streak as it stood on the card's last day: later days (the review is sent the day
    # after, maybe after a post) are not counted in it.
    posted_days = [a.day for a in history.activity if a.day <= last]
    rests = [d for d in history.rest_days if d <= last]
    streak = compute_streak(posted_days, last, rests, rest_allowance(goals.days_per_week))
    if review.program_month is not None:
        lines = program_goals(data, goals, history)
    else:
        lines = calendar_goals(period, goals, history, data.upto)
    changes = data.follower_changes
    return CardFacts(
        period=period,
        goals=lines,
        streak=streak.current,
        posting=data.posting,
        follower_change=sum(changes.values()) if changes else None,
        hits=data.hits,
        best=data.best,
        days=day_states(period, goals, history, data.upto),
        upto=data.upto,
        program_month=review.program_month,
    )


def program_goals(data: MonthReview, goals: Goals, history: History) -> tuple[GoalLine, ...]:
    """Each program month's goal: past months as they ended, this month as the review says,
    later months still to come."""
    review = data.review
    month = review.program_month or 1
    lines = []
    for other in range(1, MONTHS + 1):
        kind = GOAL_OF_MONTH[other]
        start = review.since + timedelta(days=MONTH_DAYS * (other - 1))
        if other == month:
            lines.append(GoalLine(kind, data.verdict, data.goal, other))
        elif other > month:
            lines.append(GoalLine(kind, Verdict.OPEN, None, other, start))
        else:
            period = Period(start, start + timedelta(days=MONTH_DAYS - 1))
            status = _status(kind, period, goals, history, None, review.since)
            lines.append(GoalLine(kind, verdict_of(status, None), status, other))
    return tuple(lines)


def calendar_goals(
    period: Period, goals: Goals, history: History, upto: date | None
) -> tuple[GoalLine, ...]:
    """Without a program, the three goals over the calendar month (followers gained within it)."""
    statuses = (_status(kind, period, goals, history, upto) for kind in THE_THREE_GOALS)
    return tuple(GoalLine(s.kind, verdict_of(s, upto), s) for s in statuses)


def _status(
    kind: GoalKind,
    period: Period,
    goals: Goals,
    history: History,
    upto: date | None,
    since: date | None = None,
) -> GoalStatus:
    """`since`: the program's day 1, where a follower goal is measured from."""
    h = history
    return goal_status(kind, period, goals, h.activity, h.hit_dates, h.counts, upto, since)


def day_states(
    period: Period, goals: Goals, history: History, upto: date | None = None
) -> tuple[CardDay, ...]:
    """Every day of the period: posted (with its number of posts), rested, frozen, missed, or
    ahead (after `upto`). Today is never frozen: it isn't over yet."""
    posts = {a.day: a.posts for a in history.activity}
    rested = set(history.rest_days)
    today = upto if upto is not None else period.end + ONE_DAY
    allowance = rest_allowance(goals.days_per_week)
    frozen = frozen_days(posts, rested, allowance, today)
    days = []
    day = period.start
    while day <= period.end:
        if upto is not None and day > upto:
            state = DayState.AHEAD
        elif day in posts:
            state = DayState.POSTED
        elif day in rested:
            state = DayState.RESTED
        else:
            state = DayState.FROZEN if day in frozen else DayState.MISSED
        days.append(CardDay(day, state, posts.get(day, 0)))
        day += ONE_DAY
    return tuple(days)


def final_card(
    program: Program,
    report: ProgramReport,
    goals: Goals,
    history: History,
    scored: Sequence[ScoredPost],
) -> CardFacts:
    """The card of a whole cycle: each month's goal as it ended, the 90 days' totals, the best
    post of the cycle and the cycle's longest streak."""
    whole = Period(program.start_date, program.end_date)
    inside = [d for d in (a.day for a in history.activity) if d in whole]
    rests = [d for d in history.rest_days if d in whole]
    allowance = rest_allowance(goals.days_per_week)
    best_streak = compute_streak(inside, whole.end + ONE_DAY, rests, allowance).best
    lines = tuple(
        GoalLine(status.kind, verdict_of(status, None), status, month)
        for month, status in enumerate(report.months, start=1)
    )
    start, end = report.followers_start, report.followers_end
    return CardFacts(
        period=whole,
        goals=lines,
        streak=best_streak,
        posting=GoalStatus(
            "posting", report.days_posted, posting_target(goals.days_per_week, PROGRAM_DAYS)
        ),
        follower_change=end - start if start is not None and end is not None else None,
        hits=report.hits,
        best=best_post([s for s in scored if s.post.local_date in whole]),
        days=day_states(whole, goals, history),
        program_month=MONTHS,
        cycle=program.cycle,
    )


def best_post(scored: Sequence[ScoredPost]) -> ScoredPost | None:
    """The most saved post; the earlier one on a tie (as the monthly review picks)."""
    saved = [s for s in scored if s.saves]
    return max(saved, key=lambda s: (s.saves or 0, -s.post.number)) if saved else None
