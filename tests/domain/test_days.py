from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.days import days_in_month, local_date, month_start, next_month_start, week_start

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("instant", "tz", "day_start", "expected"),
    [
        (datetime(2026, 3, 2, 16, 0, tzinfo=UTC), SHANGHAI, time(0), date(2026, 3, 3)),
        # 01:30 in Shanghai with the day starting at 03:00 counts for the evening before.
        (datetime(2026, 3, 2, 17, 30, tzinfo=UTC), SHANGHAI, time(3), date(2026, 3, 2)),
        (datetime(2026, 3, 2, 19, 0, tzinfo=UTC), SHANGHAI, time(3), date(2026, 3, 3)),
        (
            datetime(2026, 3, 2, 11, 0, tzinfo=UTC),
            ZoneInfo("Pacific/Kiritimati"),
            time(0),
            date(2026, 3, 3),
        ),
        (
            datetime(2026, 3, 2, 11, 0, tzinfo=UTC),
            ZoneInfo("Etc/GMT+12"),
            time(0),
            date(2026, 3, 1),
        ),
    ],
)
def test_local_date(instant: datetime, tz: ZoneInfo, day_start: time, expected: date) -> None:
    assert local_date(instant, tz, day_start) == expected


def test_calendar_helpers() -> None:
    assert week_start(date(2026, 3, 8)) == date(2026, 3, 2)
    assert month_start(date(2026, 2, 17)) == date(2026, 2, 1)
    assert next_month_start(date(2026, 12, 31)) == date(2027, 1, 1)
    assert days_in_month(date(2028, 2, 3)) == 29
