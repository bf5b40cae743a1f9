"""Where a user stands in the current month of their program: what /plan shows.

Each month has one goal (posting, a hit, followers). The habits of the months before stay in view:
from month 2 the posting habit this week, from month 3 the hits since day 1 too; in the hit month
the best post's saves show how close the hit is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.domain.models import DayActivity, FollowerCount
from bot.domain.program import (
    GOAL_OF_MONTH,
    Goals,
    GoalStatus,
    Program,
    ProgramDay,
    goal_status,
)
from bot.domain.progress import Period, this_week
from bot.domain.review import ScoredPost


@dataclass(frozen=True)
class PhaseView:
    program: Program
    day: ProgramDay
    goals: Goals
    goal: GoalStatus  # this month's goal, counted up to today
    best_saves: int | None  # the hit month only: the best saves of this month's posts
    posted_this_week: int | None  # from month 2: days posted this week
    hits_in_program: int | None  # from month 3: hits since the program started


def phase_view(
    program: Program,
    day: ProgramDay,
    today: date,
    goals: Goals,
    activity: Sequence[DayActivity],
    hit_dates: Sequence[date],
    counts: Sequence[FollowerCount],
    this_month_posts: Sequence[ScoredPost],
) -> PhaseView:
    """`this_month_posts`: the posts of this program month so far, with their saves."""
    kind = GOAL_OF_MONTH[day.month]
    month = program.month_period(day.month)
    week = this_week(today)
    whole = Period(program.start_date, today)
    return PhaseView(
        program=program,
        day=day,
        goals=goals,
        goal=goal_status(
            kind, month, goals, activity, hit_dates, counts, upto=today, since=program.start_date
        ),
        best_saves=max((p.saves or 0 for p in this_month_posts), default=0)
        if kind == "hit"
        else None,
        posted_this_week=sum(1 for a in activity if a.day in week) if day.month > 1 else None,
        hits_in_program=sum(1 for d in hit_dates if d in whole) if day.month > 2 else None,
    )
