"""What /plan shows of the current month: its goal, and the habits of the months before."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.domain.models import DayActivity, FollowerCount, Post
from bot.domain.phase import PhaseView, phase_view
from bot.domain.program import Goals, GoalStatus, Program, program_day
from bot.domain.review import ScoredPost

START = date(2026, 3, 2)  # a Monday
PROGRAM = Program(program_id=7, cycle=1, start_date=START)
GOALS = Goals(
    days_per_week=6, hit_threshold=5, follower_target=100, follower_platform=None,
    rest_days_per_week=1,
)  # fmt: skip
ACTIVITY = [DayActivity(START + timedelta(days=n), 1) for n in (0, 1, 2, 8, 35, 36)]
HITS = [START + timedelta(days=8)]
COUNTS = [
    FollowerCount("tiktok", 5, datetime(2026, 3, 1, 12, tzinfo=UTC), date(2026, 3, 1)),
    FollowerCount("tiktok", 110, datetime(2026, 5, 1, 12, tzinfo=UTC), date(2026, 5, 1)),
]


def scored(number: int, day: date, saves: int | None) -> ScoredPost:
    at = datetime.combine(day, time(12), UTC)
    return ScoredPost(Post(number, 1, number, "tiktok", None, None, (), at, day), saves)


def on(offset: int, posts: list[ScoredPost] | None = None) -> PhaseView:
    today = START + timedelta(days=offset)
    where = program_day(PROGRAM, today)
    assert where is not None
    return phase_view(PROGRAM, where, today, GOALS, ACTIVITY, HITS, COUNTS, posts or [])


def test_month_one_shows_the_posting_goal_alone() -> None:
    month_1 = on(4)
    assert month_1.goal == GoalStatus("posting", 3, 26)
    assert (month_1.best_saves, month_1.posted_this_week, month_1.hits_in_program) == (
        None,
        None,
        None,
    )


def test_month_two_adds_the_best_saves_and_the_posting_habit() -> None:
    posts = [scored(5, START + timedelta(days=35), 3), scored(6, START + timedelta(days=36), None)]
    month_2 = on(36, posts)  # Tuesday of the week starting on day 35
    assert month_2.goal == GoalStatus("hit", 0, 1)
    assert (month_2.best_saves, month_2.posted_this_week, month_2.hits_in_program) == (3, 2, None)
    assert on(36).best_saves == 0  # no saves yet


def test_month_three_adds_the_hits_since_day_one() -> None:
    month_3 = on(70)
    assert month_3.goal == GoalStatus("followers", 105, 100)  # gained since the day before day 1
    assert (month_3.best_saves, month_3.posted_this_week, month_3.hits_in_program) == (None, 0, 1)
