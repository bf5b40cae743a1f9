"""Reminder times at the edges: far-east and far-west zones, half-hour zones, both DST changes,
quiet hours across midnight, late day starts."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.schedule import (
    QuietHours,
    Reminder,
    ReminderPlan,
    followup_at,
    late_send_at,
    next_reminder,
    reminders_on,
    snooze_until,
    variant,
)


def plan(
    zone: str,
    nudge: time | None = time(20, 0),
    *,
    day_start: time = time(0, 0),
    last_call: bool = False,
    quiet: QuietHours | None = None,
    paused_until: date | None = None,
) -> ReminderPlan:
    return ReminderPlan(ZoneInfo(zone), day_start, nudge, last_call, quiet, paused_until)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Pacific/Kiritimati", utc(2026, 3, 2, 6, 0)),  # UTC+14: 20:00 is 06:00 UTC
        ("Etc/GMT+12", utc(2026, 3, 3, 8, 0)),  # UTC−12: 20:00 on the 2nd is 08:00 UTC on the 3rd
        ("Asia/Kolkata", utc(2026, 3, 2, 14, 30)),  # UTC+5:30
        ("Asia/Shanghai", utc(2026, 3, 2, 12, 0)),
    ],
)
def test_the_nudge_of_march_2nd_in_each_zone(zone: str, expected: datetime) -> None:
    (nudge,) = reminders_on(date(2026, 3, 2), plan(zone))
    assert nudge == Reminder(expected, "nudge", date(2026, 3, 2))


def test_a_nudge_in_the_hour_that_spring_forward_skips_comes_just_after_it() -> None:
    # New York skips 02:00–03:00 on 2026-03-08: 02:30 is read as 03:30 EDT.
    (nudge,) = reminders_on(date(2026, 3, 8), plan("America/New_York", time(2, 30)))
    assert nudge.at == utc(2026, 3, 8, 7, 30)
    assert nudge.at.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "03:30"


def test_a_nudge_in_the_hour_that_fall_back_repeats_comes_once() -> None:
    # Berlin repeats 02:00–03:00 on 2026-10-25: 02:30 is its first occurrence (CEST), once.
    berlin = plan("Europe/Berlin", time(2, 30))
    (nudge,) = reminders_on(date(2026, 10, 25), berlin)
    assert nudge.at == utc(2026, 10, 25, 0, 30)
    following = next_reminder(nudge.at, berlin)
    assert following is not None
    assert following.day == date(2026, 10, 26)


def test_the_day_after_a_dst_change_keeps_the_wall_time() -> None:
    ny = plan("America/New_York", time(20, 0))
    before = reminders_on(date(2026, 3, 7), ny)[0].at
    after = reminders_on(date(2026, 3, 8), ny)[0].at
    assert after - before == timedelta(hours=23)  # the local day was an hour short
    fall = [reminders_on(date(2026, 11, d), ny)[0].at for d in (1, 2)]
    assert fall[0] - reminders_on(date(2026, 10, 31), ny)[0].at == timedelta(hours=25)
    assert fall[1] - fall[0] == timedelta(hours=24)


def test_berlin_spring_forward() -> None:
    (nudge,) = reminders_on(date(2026, 3, 29), plan("Europe/Berlin", time(2, 15)))
    assert nudge.at.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M") == "03:15"


def test_quiet_hours_across_midnight() -> None:
    night = QuietHours(time(23, 0), time(8, 0))
    assert night.contains(time(23, 0))
    assert night.contains(time(2, 0))
    assert not night.contains(time(8, 0))
    assert not night.contains(time(22, 59))
    early = plan("UTC", time(7, 0), quiet=night)
    assert reminders_on(date(2026, 3, 2), early)[0].at == utc(2026, 3, 2, 8, 0)
    assert reminders_on(date(2026, 3, 2), plan("UTC", time(23, 30), quiet=night)) == []


def test_a_late_day_start_moves_the_nudge_to_the_next_calendar_date() -> None:
    owl = plan("UTC", time(1, 0), day_start=time(3, 0))
    (nudge,) = reminders_on(date(2026, 3, 2), owl)
    assert nudge.at == utc(2026, 3, 3, 1, 0)  # still the owl's March 2nd


def test_last_call_is_90_minutes_before_the_day_ends_and_after_the_nudge() -> None:
    calls = reminders_on(date(2026, 3, 2), plan("Asia/Kolkata", last_call=True))
    assert [(r.kind, r.at) for r in calls] == [
        ("nudge", utc(2026, 3, 2, 14, 30)),
        ("last_call", utc(2026, 3, 2, 17, 0)),  # 22:30 IST
    ]
    late = reminders_on(date(2026, 3, 2), plan("UTC", time(23, 0), last_call=True))
    assert [r.kind for r in late] == ["nudge"]


def test_pause_skips_days_and_next_reminder_resumes_after() -> None:
    paused = plan("UTC", paused_until=date(2026, 3, 4))
    following = next_reminder(utc(2026, 3, 2, 12, 0), paused)
    assert following is not None
    assert following.at == utc(2026, 3, 5, 20, 0)
    assert next_reminder(utc(2026, 3, 2, 12, 0), plan("UTC", None)) is None


def test_late_sending_after_downtime() -> None:
    night = plan("UTC", quiet=QuietHours(time(22, 0), time(7, 0)))
    due = Reminder(utc(2026, 3, 2, 20, 0), "nudge", date(2026, 3, 2))
    assert late_send_at(due, utc(2026, 3, 2, 21, 0), night) == utc(2026, 3, 2, 21, 0)
    assert late_send_at(due, utc(2026, 3, 2, 22, 30), night) is None  # quiet until tomorrow
    assert late_send_at(due, utc(2026, 3, 3, 9, 0), night) is None  # another day


def test_snooze_stays_inside_the_day() -> None:
    assert snooze_until(utc(2026, 3, 2, 20, 0), plan("UTC")) == utc(2026, 3, 2, 21, 0)
    assert snooze_until(utc(2026, 3, 2, 23, 30), plan("UTC")) is None


@pytest.mark.parametrize(
    ("logged", "stage", "expected"),
    [
        (utc(2026, 3, 2, 12, 0), 1, utc(2026, 3, 3, 12, 0)),
        (utc(2026, 3, 2, 12, 0), 2, utc(2026, 3, 5, 12, 0)),
        (utc(2026, 3, 2, 23, 0), 1, utc(2026, 3, 4, 9, 0)),  # 23:00 is late: next morning
        (utc(2026, 3, 2, 6, 0), 1, utc(2026, 3, 3, 9, 0)),  # 06:00 is early: 09:00
        (utc(2026, 3, 2, 12, 0), 3, None),
    ],
)
def test_followups_at_a_sensible_hour(
    logged: datetime, stage: int, expected: datetime | None
) -> None:
    assert followup_at(logged, stage, plan("UTC")) == expected


def test_followups_never_in_quiet_hours() -> None:
    siesta = plan("UTC", quiet=QuietHours(time(11, 0), time(15, 0)))
    assert followup_at(utc(2026, 3, 2, 12, 0), 1, siesta) == utc(2026, 3, 3, 15, 0)


def test_variants_differ_on_consecutive_days() -> None:
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(400)]
    picks = [variant(d, 42, 7) for d in days]
    assert all(a != b for a, b in itertools.pairwise(picks))
