"""Rest days: today only, not after posting, once, within the week's allowance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.errors import InputError
from bot.domain.rest import rest_days_left

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
