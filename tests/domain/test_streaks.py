from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.domain.streaks import (
    Streak,
    compute_streak,
    covered_yesterday,
    frozen_days,
    morning_notice_time,
    rest_allowance,
)

TODAY = date(2026, 3, 10)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=o) for o in offsets]


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], Streak(0, 0, False)),
        (days_ago(0), Streak(1, 1, True)),
        (days_ago(1), Streak(1, 1, False)),  # today isn't over: yesterday's run is alive
        (days_ago(2), Streak(0, 1, False)),
        (days_ago(0, 1, 2, 3), Streak(4, 4, True)),
        (days_ago(1, 2, 3), Streak(3, 3, False)),
        (days_ago(0, 2, 3, 4, 5, 6), Streak(1, 5, True)),  # best survives a broken run
        (days_ago(0, 0, 1), Streak(2, 2, True)),  # two posts on one day count once
        (days_ago(-1, 0), Streak(2, 2, True)),  # moved west over the date line
    ],
)
def test_compute_streak(days: list[date], expected: Streak) -> None:
    assert compute_streak(days, TODAY) == expected


# --- the day model: the week's unused rest allowance covers missed days ("frozen") ---------------

MON = date(2026, 3, 2)


def week_days(*offsets: int, start: date = MON) -> set[date]:
    return {start + timedelta(days=o) for o in offsets}


@pytest.mark.parametrize(
    ("posted", "rested", "allowance", "today", "frozen"),
    [
        # allowance 0: nothing is ever covered
        (week_days(0, 1, 3), set(), 0, MON + timedelta(4), set()),
        # allowance 1: the first missed day of the week, not the second
        (week_days(0, 3), set(), 1, MON + timedelta(5), week_days(1)),
        # allowance 2 and 3: as many missed days as allowed, earliest first
        (week_days(0, 4), set(), 2, MON + timedelta(5), week_days(1, 2)),
        (week_days(0, 4), set(), 3, MON + timedelta(5), week_days(1, 2, 3)),
        # an explicit rest uses the allowance first
        (week_days(0, 2, 4), week_days(1), 1, MON + timedelta(5), set()),
        (week_days(0, 4), week_days(1), 2, MON + timedelta(5), week_days(2)),
        # today isn't over: never frozen
        (week_days(0), set(), 1, MON + timedelta(1), set()),
        # each week has its own allowance: Sunday and the next Monday both covered
        (week_days(0, 1, 2, 3, 4, 5, 8), set(), 1, MON + timedelta(9), week_days(6, 7)),
        # before the first post or rest there is nothing to cover
        (week_days(3), set(), 2, MON + timedelta(4), set()),
    ],
)
def test_frozen_days(
    posted: set[date], rested: set[date], allowance: int, today: date, frozen: set[date]
) -> None:
    assert frozen_days(posted, rested, allowance, today) == frozen


def test_a_five_day_creator_keeps_the_streak_across_the_weekend() -> None:
    posted = week_days(0, 1, 2, 3, 4, 7)  # Monday to Friday, then Monday
    assert compute_streak(posted, MON + timedelta(7), allowance=2) == Streak(6, 6, True)
    assert compute_streak(posted, MON + timedelta(7), allowance=1) == Streak(1, 5, True)


def test_a_frozen_yesterday_keeps_the_streak_alive() -> None:
    posted = week_days(0, 1)
    assert compute_streak(posted, MON + timedelta(3), allowance=1) == Streak(2, 2, False)
    assert compute_streak(posted, MON + timedelta(4), allowance=1) == Streak(0, 2, False)


@pytest.mark.parametrize(("days", "allowance"), [(7, 0), (6, 1), (5, 2), (1, 6)])
def test_the_allowance_is_what_the_posting_days_leave(days: int, allowance: int) -> None:
    assert rest_allowance(days) == allowance


def test_covered_yesterday_names_the_streak_it_saved() -> None:
    posted = week_days(0, 1, 2)  # Thursday missed
    friday = MON + timedelta(4)
    assert covered_yesterday(posted, set(), 1, friday) == Streak(3, 3, False)
    assert covered_yesterday(posted, set(), 0, friday) is None  # no allowance: broken
    assert covered_yesterday(posted, week_days(1), 1, friday) is None  # used by a /rest
    assert covered_yesterday(posted | week_days(3), set(), 1, friday) is None  # posted


def test_the_morning_notice_waits_until_nine() -> None:
    assert not morning_notice_time(datetime(2026, 3, 6, 8, 59))
    assert morning_notice_time(datetime(2026, 3, 6, 9, 0))
