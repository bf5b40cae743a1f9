"""Rest days: a day off that keeps the streak, within the weekly allowance set with /goals rest.

A rest day is taken for today only, never after posting (the day already counts), once a day, and
at most `allowance` times in a Monday-to-Sunday week.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.domain.errors import InputError
from bot.domain.progress import this_week


def rest_days_left(today: date, posted_today: bool, rests: Sequence[date], allowance: int) -> int:
    """How many rest days are left this week once today is one; `InputError` if it cannot be."""
    if posted_today:
        raise InputError("rest.already_posted")
    if today in rests:
        raise InputError("rest.already")
    week = this_week(today)
    used = sum(1 for d in rests if d in week)
    if allowance == 0:
        raise InputError("rest.not_allowed")
    if used >= allowance:
        raise InputError("rest.none_left", count=allowance)
    return allowance - used - 1
