from __future__ import annotations

from datetime import timedelta

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session


async def post_on_days(
    session: Session, person: Person, clock: ControllableClock, pattern: str
) -> None:
    """`pattern` is one character per day ending today: `x` posted, `.` not."""
    start = clock.now()
    for offset, mark in enumerate(reversed(pattern)):
        if mark == "x":
            clock.set(start - timedelta(days=offset))
            await session.send(person, f"/post tiktok day{offset}")
    clock.set(start)


async def test_today_lists_posts(session: Session, maya: Person) -> None:
    empty = await session.send(maya, "/today")
    assert empty.text == (
        "Today, 2026-03-02\nNothing logged yet. One post keeps the streak going: /post\n"
        "Streak: 0 days"
    )
    await session.send(maya, "/post tiktok Morning")
    await session.send(maya, "/post ig https://instagram.com/p/1")
    listed = await session.send(maya, "/today")
    assert listed.text == (
        "Today, 2026-03-02\n2 posts:\n• #1 · TikTok · “Morning”\n"
        "• #2 · Instagram · instagram.com/p/1\nStreak: 1 day"
    )


async def test_streak_current_and_best(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    clock.set(clock.now() + timedelta(days=20))
    await post_on_days(session, maya, clock, "xxxxx..xxx.")  # today (the last day) not posted
    reply = await session.send(maya, "/streak")
    lines = reply.text.split("\n")
    assert lines[0] == "🔥 Current streak: 3 days"
    assert lines[1] == "🏆 Best streak: 5 days"
    assert lines[2] == "⬜⬜⬜🟩🟩🟩🟩🟩🧊⬜🟩🟩🟩⬜"  # one missed day covered by the rest day
    assert lines[3] == "Post today to keep it going: /post"
    clock.advance(timedelta(days=1))
    broken = await session.send(maya, "/streak")
    assert broken.text.startswith("🔥 Current streak: 0 days\n🏆 Best streak: 5 days")
    assert broken.text.endswith("Every streak starts with one day. /post")


async def test_progress_this_week_and_month(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    start = clock.now()
    clock.set(start + timedelta(days=7))  # Monday 9 March (a count a day: it is two days later)
    await session.send(maya, "/followers tiktok 100")
    clock.set(start + timedelta(days=9))  # Wednesday 11 March
    await post_on_days(session, maya, clock, "xx.x")  # Sun 8, Mon 9, Wed 11
    await session.send(maya, "/post yt second today")
    await session.send(maya, "/metrics last saves=9")
    await session.send(maya, "/followers tiktok 140")
    reply = await session.send(maya, "/progress")
    assert reply.text == (
        "This week (2026-03-09 – 2026-03-15)\n"
        "Days posted: 2/6 ▰▰▰▱▱▱▱▱▱▱\n"
        "Posts: 3 · Hits: 1\n"
        "Followers: +40\n\n"
        "This month (2026-03-01 – 2026-03-31)\n"
        "Days posted: 3/27 ▰▱▱▱▱▱▱▱▱▱\n"
        "Posts: 4 · Hits: 1\n"
        "Followers: +40\n\n"
        "🔥 Streak 3 days · best 3 days"  # Tuesday's miss is covered by the week's rest day
    )
