"""The one model of days, rest and streaks.

Every day up to yesterday is posted, rested (an explicit /rest), frozen or missed. Each
Monday-to-Sunday week has an allowance of days off (7 minus the posting days a week, set with
/goals days or /goals rest). Explicit rest days use it first; what is left covers missed days
automatically, earliest first, as a streak freeze does ("frozen" days). Today is never frozen: it
isn't over yet. A day from before the user's first post or rest is history, not a missed day.

The current streak is the run ending today or yesterday; the best streak is the longest run ever.
Rested and frozen days bridge a run without adding to it. Everything is derived from stored local
dates, so an undo, a backfill or a change of settings can never leave a stale counter; and every
view (/streak, /today, /progress, /plan, reviews, the card, the room board) asks this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.days import week_start

ONE_DAY = timedelta(days=1)
DAYS_A_WEEK = 7
DEFAULT_POSTING_DAYS = 6  # a new creator: one day off a week
MORNING_NOTICE = time(9, 0)  # "Yesterday used your rest day": not before this local time


@dataclass(frozen=True)
class Streak:
    current: int
    best: int
    posted_today: bool


def rest_allowance(days_per_week: int) -> int:
    """Days off a week: what the posting days leave."""
    return DAYS_A_WEEK - days_per_week


def frozen_days(
    posted: Iterable[date], rested: Iterable[date], allowance: int, today: date
) -> frozenset[date]:
    """The missed days before `today` that the week's unused allowance covers."""
    posted, rested = set(posted), set(rested)
    if allowance <= 0 or not (posted or rested):
        return frozenset()
    frozen: set[date] = set()
    day = min(posted | rested)
    left: dict[date, int] = {}
    while day < today:
        week = week_start(day)
        if week not in left:
            used = sum(1 for d in rested if week_start(d) == week)
            left[week] = max(0, allowance - used)
        if day not in posted and day not in rested and left[week] > 0:
            frozen.add(day)
            left[week] -= 1
        day += ONE_DAY
    return frozenset(frozen)


def compute_streak(
    days: Iterable[date], today: date, rest_days: Iterable[date] = (), allowance: int = 0
) -> Streak:
    posted = set(days)
    rested = set(rest_days)
    kept = rested | frozen_days(posted, rested, allowance, today)
    best = 0
    run = 0
    previous: date | None = None
    current = 0
    for day in sorted(posted | kept):
        if previous is None or day - previous != ONE_DAY:
            run = 0
        run += day in posted
        best = max(best, run)
        previous = day
        # A run still alive today: its last day is yesterday, today, or (after a move west across
        # the date line) tomorrow.
        if today - ONE_DAY <= day <= today + ONE_DAY:
            current = run
    return Streak(current=current, best=best, posted_today=today in posted)


def covered_yesterday(
    posted: Iterable[date], rested: Iterable[date], allowance: int, today: date
) -> Streak | None:
    """The streak the allowance saved yesterday, for the next morning's notice; None when
    yesterday was not a frozen day, or there was no streak to save."""
    posted, rested = set(posted), set(rested)
    if today - ONE_DAY not in frozen_days(posted, rested, allowance, today):
        return None
    streak = compute_streak(posted, today, rested, allowance)
    return streak if streak.current else None


def morning_notice_time(local_now: datetime) -> bool:
    """The morning notice waits for the user's morning (quiet hours are checked on top)."""
    return local_now.time() >= MORNING_NOTICE
