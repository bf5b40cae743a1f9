"""A review's verdict and what it announces for next month."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.models import DayActivity
from bot.domain.program import Goals, Program
from bot.domain.review import (
    Verdict,
    build_review,
    calendar_review,
    last_review,
    program_review,
)

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


def test_review_last_picks_the_last_completed_program_month() -> None:
    cycle_1 = Program(1, 1, date(2025, 12, 4))  # months end 2026-01-02, 02-01, 03-03
    cycle_2 = Program(2, 2, date(2026, 3, 5))
    ended = date(2026, 3, 4)
    # day 1 of cycle 2: cycle 1's final month
    assert last_review([(cycle_2, None), (cycle_1, ended)], date(2026, 3, 5)).program_month == 3
    # month 2 of a running program: month 1
    assert last_review([(cycle_2, None)], date(2026, 4, 5)).key == "program:2:1"
    # month 1 of the first program: the last calendar month
    assert last_review([(cycle_1, None)], date(2025, 12, 10)).key == "month:2025-11"
    # after a program ran: its final month, until a calendar month has ended since
    assert last_review([(cycle_1, ended)], date(2026, 3, 20)).key == "program:1:3"
    assert last_review([(cycle_1, ended)], date(2026, 4, 2)).key == "month:2026-03"
    # stopped in month 2: month 1 is its last completed month
    stopped = date(2026, 1, 20)
    assert last_review([(cycle_1, stopped)], date(2026, 1, 25)).key == "program:1:1"
    # no program ever: the last calendar month
    assert last_review([], date(2026, 3, 1)).key == "month:2026-02"
