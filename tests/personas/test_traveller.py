"""Tom posts every evening, six weeks in Shanghai, then flies to Los Angeles and tells the bot.
Crossing the Pacific gives him the same date twice; his streak neither breaks nor counts a day
twice, and no day brings two reminders."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.helpers import to
from tests.personas.diary import Diary, live

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def evenings(n: int, day: date) -> list[tuple[time, str]]:
    return [(time(20, 0), f"/post instagram day {day}")]


async def test_a_traveller_keeps_his_streak_across_the_date_line(session: Session) -> None:
    tom = session.person("Tom")
    session.clock.set(session.clock.now().replace(hour=1))
    for text in ("/timezone Asia/Shanghai", "/nudge 21:30", "/goals days 7"):
        await session.send(tom, text)
    diary = Diary(tom, SHANGHAI)
    await live(session, diary, date(2026, 3, 2), 45, evenings, minutes=60)  # 2 March–15 April
    # Lands in Los Angeles: it is the 15th again there, in the morning.
    moved = await session.send(tom, "/timezone America/Los_Angeles")
    assert "America/Los_Angeles" in moved.text
    diary.zone = LOS_ANGELES
    await live(session, diary, date(2026, 4, 16), 45, evenings, minutes=60)  # to 30 May in LA

    streak = await session.send(tom, "/streak")
    assert streak.text.splitlines()[0] == "🔥 Current streak: 90 days"
    nudges = [m for sent in diary.proactive.values() for m in to(tom, sent)]
    assert nudges == []  # every evening was posted before the 21:30 reminder
    assert diary.busiest_day() <= 3
