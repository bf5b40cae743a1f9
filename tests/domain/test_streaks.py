from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.streaks import Streak, compute_streak

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
