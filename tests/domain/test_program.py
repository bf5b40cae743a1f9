"""The program's phases, goals, verdicts and reviews, on hand-made histories."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.errors import InputError
from bot.domain.models import DayActivity, FollowerCount, Post
from bot.domain.program import (
    GoalLevel,
    Goals,
    GoalStatus,
    Program,
    ProgramDay,
    current_followers,
    goal_level,
    goal_status,
    next_cycle,
    posting_target,
    program_day,
    program_start,
    total_followers,
)
from bot.domain.review import (
    ScoredPost,
    build_program_report,
    build_review,
    calendar_review,
    parse_review_key,
    program_review,
    review_after,
    review_due_at,
    review_period_for,
)
from bot.domain.schedule import QuietHours, ReminderPlan

START = date(2026, 3, 2)
PROGRAM = Program(program_id=7, cycle=1, start_date=START)
GOALS = Goals(
    days_per_week=7, hit_threshold=5, follower_target=100, follower_platform=None,
    rest_days_per_week=1,
)  # fmt: skip


def d(offset: int) -> date:
    return START + timedelta(days=offset)


def count(platform: str, value: int, day: date) -> FollowerCount:
    return FollowerCount(platform, value, datetime.combine(day, time(12), UTC), day)


def post(number: int, day: date, tags: tuple[str, ...] = ()) -> Post:
    at = datetime.combine(day, time(12), UTC)
    return Post(number, 1, number, "tiktok", None, f"p{number}", tags, at, day)


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-1, None),
        (0, ProgramDay(1, 1, 1)),
        (29, ProgramDay(30, 1, 30)),
        (30, ProgramDay(31, 2, 1)),
        (59, ProgramDay(60, 2, 30)),
        (60, ProgramDay(61, 3, 1)),
        (89, ProgramDay(90, 3, 30)),
        (90, None),
    ],
)
def test_phase_boundaries(offset: int, expected: ProgramDay | None) -> None:
    assert program_day(PROGRAM, d(offset)) == expected


def test_month_periods_and_end() -> None:
    assert PROGRAM.month_period(2).start == date(2026, 4, 1)
    assert PROGRAM.end_date == date(2026, 5, 30)


@pytest.mark.parametrize(
    ("per_week", "days", "target"),
    [(7, 30, 30), (6, 30, 26), (5, 30, 21), (1, 30, 4), (7, 31, 31), (3, 28, 12)],
)
def test_posting_target(per_week: int, days: int, target: int) -> None:
    assert posting_target(per_week, days) == target


def test_every_goal_met_and_not_met() -> None:
    month_1, month_2, month_3 = (PROGRAM.month_period(m) for m in (1, 2, 3))
    all_days = [DayActivity(d(n), 1) for n in range(30)]
    assert goal_status("posting", month_1, GOALS, all_days, [], []).met
    short = all_days[:29]
    assert goal_status("posting", month_1, GOALS, short, [], []) == GoalStatus("posting", 29, 30)
    assert not goal_status("hit", month_2, GOALS, [], [d(29)], []).met  # a month-1 hit
    assert goal_status("hit", month_2, GOALS, [], [d(30)], []).met
    total = Goals(7, 5, 100, None, 1, "total")
    counts = [count("tiktok", 60, d(61)), count("xhs", 39, d(70))]
    assert goal_status("followers", month_3, total, [], [], counts) == GoalStatus(
        "followers", 99, 100
    )
    counts.append(count("xhs", 40, d(89)))
    assert goal_status("followers", month_3, total, [], [], counts).met
    late = [*counts[:2], count("xhs", 400, d(90))]  # after the month: doesn't count
    assert not goal_status("followers", month_3, total, [], [], late).met
    one = Goals(7, 5, 50, "tiktok", 1, "total")
    assert goal_status("followers", month_3, one, [], [], counts) == GoalStatus("followers", 60, 50)


def test_the_follower_goal_is_growth_from_the_programs_start() -> None:
    month_3 = PROGRAM.month_period(3)

    def gained(counts: list[FollowerCount], upto: date | None = None) -> GoalStatus:
        return goal_status("followers", month_3, GOALS, [], [], counts, upto, since=START)

    established = [count("tiktok", 1950, d(-3)), count("tiktok", 2000, d(0))]
    assert gained(established) == GoalStatus("followers", 0, 100)  # 2,000 is not "met" on day 1
    assert not gained(established).met
    grown = [*established, count("tiktok", 2080, d(70))]
    assert gained(grown) == GoalStatus("followers", 80, 100)  # from the last count by day 1
    assert gained([*grown, count("tiktok", 2100, d(89))]).met
    first_inside = [count("tiktok", 500, d(10)), count("tiktok", 620, d(80))]
    assert gained(first_inside) == GoalStatus("followers", 120, 100)  # from the first count
    new_platform = [*first_inside, count("xhs", 3000, d(85))]
    assert gained(new_platform) == GoalStatus("followers", 120, 100)  # adds no growth
    assert gained(first_inside, upto=d(70)) == GoalStatus("followers", 0, 100)
    unmeasured = gained([])
    assert (unmeasured.measured, unmeasured.met) == (False, False)
    on_tiktok = Goals(7, 5, 100, "tiktok", 1)
    xhs_only = [count("xhs", 10, d(1)), count("xhs", 900, d(80))]
    assert not goal_status("followers", month_3, on_tiktok, [], [], xhs_only, since=START).measured


def test_current_followers_total_and_platform() -> None:
    counts = [count("tiktok", 10, d(0)), count("xhs", 5, d(1)), count("tiktok", 12, d(2))]
    assert current_followers(counts, None) == 17
    assert current_followers(counts, "tiktok") == 12
    assert current_followers(counts, "youtube") is None
    assert current_followers([], None) is None


MET, MISSED = GoalStatus("posting", 1, 1), GoalStatus("posting", 0, 1)


def test_the_next_cycle_raises_what_was_met() -> None:
    gained = GoalStatus("followers", 240, 100)
    proposal = next_cycle(GOALS, [MET, MET, gained], None)
    assert not proposal.any_missed
    assert proposal.again == proposal.eased == Goals(7, 8, 240, None, 1)  # gained more than +150
    assert (
        next_cycle(GOALS, [MET, MET, GoalStatus("followers", 100, 100)], 0).again.follower_target
        == 150
    )
    assert next_cycle(replace(GOALS, hit_threshold=1), [MET, MET, MET], 0).again.hit_threshold == 2
    total = replace(GOALS, follower_goal_kind="total", follower_target=5000)
    reached = GoalStatus("followers", 5200, 5000)
    assert next_cycle(total, [MET, MET, reached], 4900).again.follower_target == 5500
    assert next_cycle(total, [MET, MET, reached], 5150).again.follower_target == 5300


def test_the_next_cycle_offers_a_missed_goal_again_or_eased() -> None:
    nothing = next_cycle(GOALS, [MISSED, MISSED, GoalStatus("followers", 0, 100)], 2000)
    assert nothing.any_missed
    assert nothing.again == GOALS  # never doubled after a miss, never more saves after no hit
    assert nothing.eased == Goals(6, 3, 50, None, 1)
    close = next_cycle(GOALS, [MET, MISSED, GoalStatus("followers", 80, 100)], None)
    assert (close.again.follower_target, close.eased.follower_target) == (100, 80)
    tiny = replace(GOALS, days_per_week=1, hit_threshold=1, follower_target=1)
    assert next_cycle(tiny, [MISSED, MISSED, GoalStatus("followers", 0, 1)], 0).eased == tiny
    total = replace(GOALS, follower_goal_kind="total", follower_target=5000)
    short = next_cycle(total, [MET, MET, GoalStatus("followers", 4000, 5000)], 3900)
    assert (short.again.follower_target, short.eased.follower_target) == (5000, 4500)


def test_review_periods_and_keys() -> None:
    assert review_period_for(None, date(2026, 3, 15)).key == "month:2026-03"
    assert review_period_for(PROGRAM, d(45)).key == "program:7:2"
    assert review_period_for(PROGRAM, d(-3)).key == "program:7:1"
    assert review_period_for(PROGRAM, d(95)).key == "program:7:3"
    assert review_after(program_review(PROGRAM, 1), PROGRAM).key == "program:7:2"
    assert review_after(program_review(PROGRAM, 3), None).key == "month:2026-05"
    assert review_after(calendar_review(date(2026, 12, 9)), None).key == "month:2027-01"
    assert parse_review_key("month:2026-03") == (date(2026, 3, 1), None)
    assert parse_review_key("program:7:2") == (7, 2)
    for bad in ("program:7:4", "month:2026-13", "program:x:1", "week:1", ""):
        assert parse_review_key(bad) is None


def test_review_due_the_day_after_at_nudge_time_out_of_quiet_hours() -> None:
    plan = ReminderPlan(ZoneInfo("Asia/Kolkata"), time(0), None, False, None, None)
    due = review_due_at(program_review(PROGRAM, 1), time(20), plan)
    assert due == datetime(2026, 4, 1, 14, 30, tzinfo=UTC)
    quiet = ReminderPlan(ZoneInfo("UTC"), time(0), None, False, QuietHours(time(19), time(8)), None)
    assert review_due_at(calendar_review(date(2026, 3, 1)), time(20), quiet) == datetime(
        2026, 4, 2, 8, 0, tzinfo=UTC
    )


def test_a_review_with_exact_numbers() -> None:
    review = program_review(PROGRAM, 1)
    posts = [
        ScoredPost(post(1, d(0), ("food",)), 3),
        ScoredPost(post(2, d(1), ("food", "easy")), 9),
        ScoredPost(post(3, d(1), ("travel",)), 9),  # ties go to the earlier post
        ScoredPost(post(4, d(3)), None),
        ScoredPost(post(5, d(40), ("food",)), 50),  # next month: not counted
    ]
    activity = [DayActivity(d(0), 1), DayActivity(d(1), 2), DayActivity(d(3), 1)]
    counts = [
        count("tiktok", 100, d(-5)),
        count("tiktok", 130, d(20)),
        count("xhs", 10, d(2)),
        count("xhs", 8, d(25)),
        count("youtube", 3, d(4)),
    ]
    data = build_review(review, GOALS, ("food",), posts, activity, [d(2), d(40)], [d(1)], counts)
    assert data.goal == GoalStatus("posting", 3, 30)
    assert not data.goal.met
    assert (data.posts, data.rest_days, data.niche_share, data.hits) == (4, 1, 50, 1)
    assert data.follower_changes == {"tiktok": 30, "xhs": -2}
    assert data.best is not None
    assert (data.best.post.number, data.best.saves) == (2, 9)
    assert build_review(review, GOALS, (), posts, [], [], [], []).niche_share is None


def test_the_final_report() -> None:
    activity = [DayActivity(d(n), 2 if n == 0 else 1) for n in range(0, 90, 2)]
    counts = [count("tiktok", 40, d(-1)), count("tiktok", 140, d(80)), count("xhs", 9, d(85))]
    report = build_program_report(PROGRAM, GOALS, activity, [d(45), d(46)], counts)
    assert [m.met for m in report.months] == [False, True, True]  # +100 followers
    assert (report.days_posted, report.posts, report.hits) == (45, 46, 2)
    assert (report.followers_start, report.followers_end) == (49, 149)
    fresh = build_program_report(PROGRAM, GOALS, [], [], [count("tiktok", 7, d(3))])
    assert (fresh.followers_start, fresh.followers_end) == (7, 7)


def test_a_program_starts_at_most_89_days_back_and_30_ahead() -> None:
    assert program_start(START - timedelta(days=89), START) == START - timedelta(days=89)
    assert program_start(START + timedelta(days=30), START) == START + timedelta(days=30)
    with pytest.raises(InputError) as past:
        program_start(START - timedelta(days=90), START)
    assert (past.value.key, past.value.params) == (
        "error.plan_start_past",
        {"days": 89, "count": 89},
    )
    with pytest.raises(InputError) as future:
        program_start(START + timedelta(days=31), START)
    assert future.value.key == "error.plan_start_future"


def test_the_followers_across_platforms_are_summed_after_each_count() -> None:
    counts = [
        count("tiktok", 30, d(0)),
        count("xiaohongshu", 1000, d(0)),
        count("tiktok", 45, d(3)),
    ]
    noon = datetime.combine(d(0), time(12), UTC)
    # Counts sent at one moment are one step: no dip to 30 before Xiaohongshu joins.
    assert total_followers(counts) == [(noon, 1030), (noon + timedelta(days=3), 1045)]
    assert total_followers([]) == []


def test_the_goal_level_a_chart_draws_is_the_count_that_meets_the_goal() -> None:
    counts = [count("tiktok", 1200, d(0)), count("tiktok", 1250, d(10))]
    gain = goal_level(GOALS, counts, START, d(10))
    assert gain == GoalLevel(platform=None, level=1300, target=100, kind="gain")  # +100 from 1,200
    total = Goals(7, 5, 5000, "tiktok", 1, "total")
    assert goal_level(total, counts, START, d(10)) == GoalLevel("tiktok", 5000, 5000, "total")
    assert goal_level(GOALS, [], START, d(10)) is None  # nothing to measure from
