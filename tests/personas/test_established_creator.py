"""Lin already has 2,000 followers on Xiaohongshu. The program's month-3 goal is growth during the
program, so day 1 is not a win; gaining 150 over the three months is."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.fakeapi import Session
from tests.personas.diary import Diary, live

SHANGHAI = ZoneInfo("Asia/Shanghai")
FIRST = date(2026, 3, 2)  # a Monday


def plan(n: int, day: date) -> list[tuple[time, str]]:
    """Posts at lunch six days a week; counts her followers on Sundays (+12 a week)."""
    todo: list[tuple[time, str]] = []
    if day.weekday() != 6:
        todo.append((time(12, 30), f"/post xhs recipe {n} #food"))
    else:
        todo.append((time(18, 0), f"/followers xhs {2000 + 12 * ((n + 1) // 7)}"))
    if n == 40:  # in month 2, one post is saved by eight people
        todo.append((time(20, 0), "/metrics last saves=8"))
    if n == 60:  # the first day of month 3
        todo.append((time(19, 0), "/plan"))
    return todo


async def test_an_established_creator_is_measured_by_what_she_gains(session: Session) -> None:
    lin = session.person("Lin")
    session.clock.set(session.clock.now().replace(hour=1))  # 09:00 in Shanghai
    for text in ("/timezone Asia/Shanghai", "/nudge 21:00", "/goals days 6",
                 "/followers xhs 2000", "/niche Home cooking #food"):  # fmt: skip
        await session.send(lin, text)
    started = await session.send(lin, "/plan start")
    assert "Cycle 1" in started.text or "cycle 1" in started.text.casefold()
    goals = await session.send(lin, "/goals")
    assert "gain 100 followers" in goals.text.casefold() or "+100" in goals.text

    diary = await live(session, Diary(lin, SHANGHAI), FIRST, 91, plan)

    month_3 = diary.replies[date(2026, 5, 1)][-1].text
    assert "Goal: gain 100 followers in total during the program" in month_3
    assert "Followers gained: 96 of 100 ▰▰▰▰▰▰▰▰▰▱" in month_3  # +96 since day 1, not 2,096
    reviews = diary.texts("📅")
    assert len(reviews) == 3, [day for day, _ in reviews]
    verdicts = [next(line for line in text.splitlines() if line.startswith("Goal:"))
                for _, text in reviews]  # fmt: skip
    assert "✅" in verdicts[0]  # month 1: the habit, six days a week
    assert "✅" in verdicts[1]  # month 2: one post saved by 8 (a hit at 5)
    assert "✅" in verdicts[2]  # month 3: +144 since the program began, goal +100
    assert "2,000 of 100" not in "".join(text for _, text in reviews)
    assert diary.busiest_day() <= 3
