"""Rest days: today or yesterday, not after posting, once, within the week's allowance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.errors import InputError
from bot.domain.rest import (
    RestChoice,
    nudge_day,
    parse_rest,
    rest_day,
    rest_days_left,
    rest_to_undo,
    week_already_done,
)
from tests.helpers import error_key

WEDNESDAY = date(2026, 3, 11)
MONDAY = WEDNESDAY - timedelta(days=2)
LAST_SUNDAY = MONDAY - timedelta(days=1)


def test_a_rest_day_counts_against_this_weeks_allowance() -> None:
    assert rest_days_left(WEDNESDAY, False, [], 2) == 1
    assert rest_days_left(WEDNESDAY, False, [MONDAY], 2) == 0
    assert rest_days_left(WEDNESDAY, False, [LAST_SUNDAY], 1) == 0  # last week's is not counted


@pytest.mark.parametrize(
    ("posted", "rests", "allowance", "key"),
    [
        (True, [], 1, "rest.already_posted"),
        (False, [WEDNESDAY], 1, "rest.already"),
        (False, [], 0, "rest.not_allowed"),
        (False, [MONDAY], 1, "rest.none_left"),
    ],
)
def test_when_a_rest_day_is_refused(
    posted: bool, rests: list[date], allowance: int, key: str
) -> None:
    with pytest.raises(InputError) as refused:
        rest_days_left(WEDNESDAY, posted, rests, allowance)
    assert refused.value.key == key


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("", RestChoice.TODAY),
        ("today", RestChoice.TODAY),
        ("Yesterday", RestChoice.YESTERDAY),
        ("昨天", RestChoice.YESTERDAY),
        (" undo ", RestChoice.UNDO),
    ],
)
def test_parse_rest(text: str, choice: RestChoice) -> None:
    assert parse_rest(text) == choice


@pytest.mark.parametrize("text", ["tomorrow", "today undo", "x" * 41, "2026-03-01"])
def test_parse_rest_refuses(text: str) -> None:
    assert error_key(lambda: parse_rest(text)) == "error.rest_shape"


def test_rest_yesterday_and_undo_pick_their_day() -> None:
    assert rest_day(RestChoice.YESTERDAY, WEDNESDAY) == WEDNESDAY - timedelta(days=1)
    assert rest_day(RestChoice.TODAY, WEDNESDAY) == WEDNESDAY
    assert rest_to_undo([MONDAY, WEDNESDAY], WEDNESDAY) == WEDNESDAY
    yesterday = WEDNESDAY - timedelta(days=1)
    assert rest_to_undo([MONDAY, yesterday], WEDNESDAY) == yesterday
    assert error_key(lambda: rest_to_undo([MONDAY], WEDNESDAY)) == "rest.nothing_to_undo"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2026-03-04", date(2026, 3, 4)), ("2026-03-03", date(2026, 3, 3))],
)
def test_a_nudges_buttons_act_on_today_or_yesterday(given: str, expected: date) -> None:
    assert nudge_day(given, date(2026, 3, 4)) == expected


@pytest.mark.parametrize("given", ["2026-03-02", "2026-03-05", "", "x" * 60, "2026-02-30"])
def test_an_older_forged_or_future_nudge_day_is_refused(given: str) -> None:
    with pytest.raises(InputError) as refused:
        nudge_day(given, date(2026, 3, 4))
    assert refused.value.key == "nudge.other_day"


def test_a_week_is_done_once_its_posting_days_are_posted() -> None:
    monday = date(2026, 3, 2)
    weekdays = [monday + timedelta(days=n) for n in range(5)]
    saturday = monday + timedelta(days=5)
    assert week_already_done(weekdays, saturday, 5) is True
    assert week_already_done(weekdays, saturday, 6) is False
    # Only days before the one in question count, each once, and only this week's.
    assert week_already_done([*weekdays, *weekdays], monday + timedelta(days=4), 5) is False
    last_week = [d - timedelta(days=7) for d in weekdays]
    assert week_already_done(last_week, saturday, 1) is False
