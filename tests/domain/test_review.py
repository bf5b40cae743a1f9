"""A review's verdict and what it announces for next month."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.models import DayActivity
from bot.domain.program import Goals, Program
from bot.domain.review import Verdict, build_review, calendar_review, program_review

PROGRAM = Program(program_id=7, cycle=1, start_date=date(2026, 3, 2))
GOALS = Goals(
    days_per_week=7, hit_threshold=5, follower_target=100, follower_platform=None,
    rest_days_per_week=1,
)  # fmt: skip
MONTH_1 = program_review(PROGRAM, 1)
EVERY_DAY = [DayActivity(MONTH_1.period.start + timedelta(days=n), 1) for n in range(30)]


def test_a_goal_met_is_met_even_mid_month() -> None:
    done = build_review(MONTH_1, GOALS, (), [], EVERY_DAY, [], [], [], upto=date(2026, 3, 31))
    assert done.verdict is Verdict.MET


def test_mid_month_a_goal_not_yet_met_is_open_and_next_month_is_not_announced() -> None:
    mid = build_review(MONTH_1, GOALS, (), [], [], [], [], [], upto=date(2026, 3, 10))
    assert (mid.verdict, mid.next_goal) == (Verdict.OPEN, None)


def test_after_the_month_a_goal_not_met_is_not_met_and_next_month_is_announced() -> None:
    over = build_review(MONTH_1, GOALS, (), [], [], [], [], [])
    assert (over.verdict, over.next_goal) == (Verdict.NOT_MET, "hit")
    calendar = build_review(calendar_review(date(2026, 3, 5)), GOALS, (), [], [], [], [], [])
    assert calendar.next_goal == "posting"


def test_the_last_month_announces_nothing_the_final_report_does() -> None:
    last = build_review(program_review(PROGRAM, 3), GOALS, (), [], [], [], [], [])
    assert last.next_goal is None
