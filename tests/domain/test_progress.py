from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import DayActivity, FollowerCount
from bot.domain.progress import (
    follower_change,
    follower_growth,
    month_target_days,
    period_progress,
    standing,
    this_month,
    this_week,
)

TODAY = date(2026, 3, 11)  # a Wednesday


def count(platform: str, value: int, day: date) -> FollowerCount:
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return FollowerCount(platform, value, at, day)


def test_periods() -> None:
    assert this_week(TODAY).start == date(2026, 3, 9)
    assert this_week(TODAY).end == date(2026, 3, 15)
    assert this_month(TODAY).length == 31
    assert month_target_days(TODAY, 7) == 31
    assert month_target_days(TODAY, 5) == 22
    assert month_target_days(date(2026, 2, 1), 3) == 12
    assert month_target_days(date(2026, 4, 1), 6) == 26  # 30 days, one day off a week


def test_period_progress_counts_only_inside() -> None:
    activity = [
        DayActivity(date(2026, 3, 8), 3),  # last Sunday: last week
        DayActivity(date(2026, 3, 9), 2),
        DayActivity(date(2026, 3, 11), 1),
    ]
    hits = [date(2026, 3, 1), date(2026, 3, 10)]
    counts = [
        count("tiktok", 100, date(2026, 3, 5)),
        count("tiktok", 130, date(2026, 3, 10)),
        count("xiaohongshu", 50, date(2026, 3, 10)),
        count("xiaohongshu", 45, date(2026, 3, 11)),
    ]
    week = period_progress(this_week(TODAY), activity, hits, counts, 7)
    assert (week.posts, week.days_posted, week.hits, week.follower_change) == (3, 2, 1, 25)
    month = period_progress(this_month(TODAY), activity, hits, counts, 31)
    assert (month.posts, month.days_posted, month.hits) == (6, 3, 2)
    assert month.follower_change == 30 - 5


def test_follower_growth_is_none_only_without_a_count_in_the_period() -> None:
    # A single reading in the period is ±0 (it is the baseline), not "no counts yet".
    single = [count("tiktok", 100, date(2026, 3, 10))]
    assert follower_growth(single, this_week(TODAY)) == 0
    with_another = [*single, count("douyin", 50, date(2026, 3, 1)), count("douyin", 80, TODAY)]
    assert follower_growth(with_another, this_week(TODAY)) == 30
    assert follower_growth([], this_week(TODAY)) is None
    earlier = [count("tiktok", 100, date(2026, 2, 1))]
    assert follower_growth(earlier, this_week(TODAY)) is None


def test_follower_change_story() -> None:
    first = date(2026, 3, 1)
    history = [
        count("tiktok", 100, first),
        count("youtube", 40, first),
        count("tiktok", 90, first + timedelta(days=3)),
        count("tiktok", 150, TODAY),
    ]
    change = follower_change(history, "tiktok")
    assert (change.count, change.since_previous, change.since_first) == (150, 60, 50)
    assert change.previous_date == date(2026, 3, 4)
    assert (change.total, change.total_since_first) == (190, 50)
    alone = follower_change(history[:1], "tiktok")
    assert alone.since_previous is None
    assert alone.since_first is None


def test_standing() -> None:
    activity = [DayActivity(TODAY - timedelta(days=1), 1), DayActivity(TODAY, 2)]
    now = standing(activity, TODAY, 7)
    assert (now.posts_today, now.streak.current, now.month_days_posted) == (2, 2, 2)
    assert now.month_target_days == 31
