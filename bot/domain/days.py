"""Local days: which calendar day a moment belongs to for one user.

A creator's day starts at their day-start hour (00:00 to 04:00), so a post at 01:30 by a night owl
with day start 03:00 counts for the evening before.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

MAX_DAY_START = time(4, 0)


def local_date(instant: datetime, tz: tzinfo, day_start: time) -> date:
    local = instant.astimezone(tz)
    shifted = local - timedelta(hours=day_start.hour, minutes=day_start.minute)
    return shifted.date()


def week_start(day: date) -> date:
    """Weeks run Monday to Sunday."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month_start(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def days_in_month(day: date) -> int:
    return (next_month_start(day) - month_start(day)).days
