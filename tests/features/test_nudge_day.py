"""The nudge's buttons act on the nudge's day: a late "Posted ✅" logs that day while it can still
be backfilled (yesterday); "Rest day" on yesterday's nudge rests yesterday; older nudges say so."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import rows, set_up, to, utc


async def test_posted_pressed_the_next_morning_logs_the_nudges_day(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    session.clock.set(utc(2026, 3, 3, 5, 22))
    picker = await session.press(maya, nudge, "Posted ✅")
    assert picker.last.text == "Where did you post yesterday?"
    logged = await session.press(maya, picker.last, "TikTok")
    assert logged.last.text.startswith("✅ Logged for yesterday: #1 · TikTok")
    assert rows(session, "SELECT local_date FROM posts") == [("2026-03-02",)]


async def test_rest_on_yesterdays_nudge_rests_yesterday(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    session.clock.set(utc(2026, 3, 3, 7, 0))
    rested = await session.press(maya, nudge, "Rest day")
    assert rested.last.text.startswith("😌 Yesterday (2026-03-02) is a rest day.")
    assert rows(session, "SELECT local_date FROM rest_days") == [("2026-03-02",)]


@pytest.mark.parametrize("button", ["Posted ✅", "Rest day", "Snooze 1h"])
async def test_an_older_nudge_can_no_longer_log_or_rest_its_day(
    session: Session, maya: Person, button: str
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    session.clock.set(utc(2026, 3, 4, 9, 0))
    pressed = await session.press(maya, nudge, button)
    assert pressed.alerts == ["That reminder was for another day."]
    assert rows(session, "SELECT local_date FROM posts") == []
    assert rows(session, "SELECT local_date FROM rest_days") == []


async def test_snooze_on_yesterdays_nudge_is_for_another_day(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    nudge = to(maya, await session.at(utc(2026, 3, 2, 20, 0)))[0]
    session.clock.set(utc(2026, 3, 3, 5, 22))
    pressed = await session.press(maya, nudge, "Snooze 1h")
    assert pressed.alerts == ["That reminder was for another day."]
