"""Streaks: runs of consecutive posted days.

The current streak is the run ending today or yesterday (today isn't over yet). The best streak is
the longest run ever, so it survives a broken run. A rest day (a weekly allowance) bridges a run
without adding to it: resting keeps the streak alive, it does not count as posting. Both are
derived from stored local dates, so an undo or a timezone change can never leave a stale counter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Streak:
    current: int
    best: int
    posted_today: bool


def compute_streak(days: Iterable[date], today: date, rest_days: Iterable[date] = ()) -> Streak:
    posted = set(days)
    best = 0
    run = 0
    previous: date | None = None
    current = 0
    for day in sorted(posted | set(rest_days)):
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
