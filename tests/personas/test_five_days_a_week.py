"""Kim posts Monday to Friday and takes weekends off, with two days off a week in her targets.
Weekends never break her streak: the week's unused days off cover them, and she is told once,
the next morning. Her month target is the posting days her days off leave."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.helpers import to
from tests.personas.diary import Diary, live

NEW_YORK = ZoneInfo("America/New_York")
FIRST = date(2026, 3, 2)  # a Monday


def weekdays(n: int, day: date) -> list[tuple[time, str]]:
    return [(time(18, 0), f"/post youtube episode {n} #tech")] if day.weekday() < 5 else []


async def test_weekends_off_never_break_a_five_day_streak(session: Session) -> None:
    kim = session.person("Kim")
    session.clock.set(session.clock.now().replace(hour=13))  # 09:00 in New York
    for text in ("/timezone America/New_York", "/nudge 20:00", "/goals days 5", "/plan start"):
        await session.send(kim, text)

    diary = await live(session, Diary(kim, NEW_YORK), FIRST, 91, weekdays)

    notices = [day for day, _ in diary.texts("😌 Yesterday used your rest day")]
    # Sunday morning for Saturday, Monday morning for Sunday: every weekend of the 13, but the
    # last Sunday's, which comes on 1 June, after these 91 days.
    assert len(notices) == 2 * 13 - 1
    assert all(day.weekday() in (6, 0) for day in notices)
    nudges = [day for day, sent in sorted(diary.proactive.items()) if to(kim, sent)]
    assert nudges == []  # weekdays posted before 20:00, weekends covered by her days off
    reviews = diary.texts("📅")
    verdicts = [next(line for line in text.splitlines() if line.startswith("Goal:"))
                for _, text in reviews]  # fmt: skip
    assert "✅" in verdicts[0]  # month 1: 22 weekdays posted of a target of 21
    streak = await session.send(kim, "/streak")
    assert streak.text.splitlines()[0] == "🔥 Current streak: 65 days"
    assert diary.busiest_day() <= 3
