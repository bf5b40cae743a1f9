"""What looking back says: plain values in, exact text out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.models import Post
from bot.domain.progress import Period, PeriodProgress
from bot.domain.streaks import Streak
from bot.render.stats import progress_view, streak_view, today_view

TODAY = date(2026, 3, 11)


def post(number: int) -> Post:
    return Post(number, 1, number, "tiktok", None, f"p{number}", (), datetime.now(UTC), TODAY)


def test_today_lists_what_fits_and_counts_the_rest() -> None:
    assert today_view("en", TODAY, 3, [post(1), post(2)], 4) == (
        "<b>Today, 2026-03-11</b>\n3 posts:\n"
        "• #1 · TikTok · “p1”\n• #2 · TikTok · “p2”\n…and 1 more\nStreak: 4 days"
    )
    assert today_view("en", TODAY, 0, [], 0).splitlines()[1:] == [
        "Nothing logged yet. One post keeps the streak going: /post",
        "Streak: 0 days",
    ]


def test_streak_says_what_to_do_today() -> None:
    posted = {TODAY - timedelta(days=1)}
    alive = streak_view("en", Streak(1, 2, posted_today=False), posted, TODAY, set())
    assert alive.splitlines() == [
        "🔥 Current streak: 1 day",
        "🏆 Best streak: 2 days",
        "⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜🟩⬜",
        "Post today to keep it going: /post",
    ]
    done = streak_view(
        "en", Streak(2, 2, posted_today=True), {TODAY}, TODAY, {TODAY - timedelta(1)}
    )
    assert done.splitlines()[2:] == [
        "⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜⬜🟦🟩",
        "Today is done. See you tomorrow.",
    ]
    assert streak_view("en", Streak(0, 5, False), set(), TODAY, set()).endswith(
        "Every streak starts with one day. /post"
    )


def test_progress_without_follower_counts() -> None:
    week = PeriodProgress(Period(date(2026, 3, 9), date(2026, 3, 15)), 3, 2, 7, None, 0)
    month = PeriodProgress(Period(date(2026, 3, 1), date(2026, 3, 31)), 4, 3, 31, 40, 1)
    text = progress_view("en", week, month, Streak(1, 2, True))
    assert text.split("\n\n")[0].splitlines()[-1] == "Followers: no counts yet (/followers)"
    assert text.split("\n\n")[1].splitlines()[-1] == "Followers: +40"
    assert text.endswith("🔥 Streak 1 day · best 2 days")
