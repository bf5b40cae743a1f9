"""Nox works nights: the day starts at 03:00, posts go out around 00:45, the reminder is at
02:30. A post at 00:45 belongs to the day before, so the streak never breaks and the reminder
never comes for a day that is already done."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.helpers import to
from tests.personas.diary import Diary, live

LONDON = ZoneInfo("Europe/London")
FIRST = date(2026, 3, 2)


def plan(n: int, day: date) -> list[tuple[time, str]]:
    # Calendar day n at 00:45 is still local day n-1 for Nox. One night she is late: 02:45.
    if n == 0:
        return []
    return [(time(2, 45) if n == 15 else time(0, 45), f"/post youtube night {n}")]


async def test_a_night_owls_posts_after_midnight_keep_the_streak(session: Session) -> None:
    nox = session.person("Nox")
    session.clock.set(session.clock.now().replace(hour=12))
    for text in ("/timezone Europe/London", "/daystart 03:00", "/nudge 02:30"):
        await session.send(nox, text)

    diary = await live(session, Diary(nox, LONDON), FIRST, 90, plan)

    # Every local day (2 March to 29 May) was done by 00:45, before its 02:30 reminder — across
    # the clocks going forward on 29 March too — but one: the 16th's reminder came at 02:30 on
    # the 17th, and her post at 02:45 still counted for the 16th.
    nudged = [day for day, sent in sorted(diary.proactive.items()) if to(nox, sent)]
    assert nudged == [date(2026, 3, 17)]
    # 23:30 on 30 May: that local day is not done yet, the 89 before it are.
    streak = await session.send(nox, "/streak")
    assert streak.text.splitlines()[0] == "🔥 Current streak: 89 days"
    today = await session.send(nox, "/today")
    assert today.text.startswith("Today, 2026-05-30")
    assert diary.busiest_day() <= 3
