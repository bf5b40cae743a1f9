"""/review last shows the last completed program month while a program runs or ran (the last
calendar month otherwise); /post's month line follows the program month while one runs."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import reviews, utc


async def finish_a_cycle(session: Session, maya: Person) -> None:
    """Cycle 1 from 2025-12-04 to 2026-03-03; its final review goes out on 4 March."""
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/plan start 2025-12-04")
    session.clock.set(utc(2026, 3, 3, 12, 0))
    await session.send(maya, "/post tiktok last day")
    (final,) = reviews(maya, await session.at(utc(2026, 3, 4, 20, 0)))
    assert "Start cycle 2 🚀" in [label for label, _ in final.buttons]


async def test_on_day_1_of_cycle_2_review_last_is_cycle_1s_final_month(
    session: Session, maya: Person
) -> None:
    await finish_a_cycle(session, maya)
    session.clock.set(utc(2026, 3, 5, 9, 0))
    started = await session.send(maya, "/plan start")
    assert started.text.startswith("🚀 Cycle 2 is on.")
    last = await session.send(maya, "/review last")
    assert last.text.startswith("📅 Month 3 of 3 review · 2026-02-02 → 2026-03-03")


async def test_after_a_program_ran_review_last_is_its_final_month(
    session: Session, maya: Person
) -> None:
    await finish_a_cycle(session, maya)
    session.clock.set(utc(2026, 3, 10, 9, 0))
    last = await session.send(maya, "/review last")
    assert last.text.startswith("📅 Month 3 of 3 review · 2026-02-02 → 2026-03-03")
    session.clock.set(utc(2026, 4, 10, 9, 0))  # a calendar month has ended since
    later = await session.send(maya, "/review last")
    assert later.text.startswith("📅 Monthly review · 2026-03-01 → 2026-03-31")


async def test_review_last_in_month_2_is_month_1(session: Session, maya: Person) -> None:
    await session.send(maya, "/plan start")
    session.clock.set(utc(2026, 4, 2, 12, 0))
    last = await session.send(maya, "/review last")
    assert last.text.startswith("📅 Month 1 of 3 review · 2026-03-02 → 2026-03-31")


async def test_the_post_progress_line_follows_the_program_month(
    session: Session, maya: Person
) -> None:
    calendar = await session.send(maya, "/post tiktok before the program")
    assert calendar.text.endswith("This month (2026-03): 1/27 days ▰▱▱▱▱▱▱▱▱▱")
    session.clock.set(utc(2026, 3, 20, 12, 0))
    await session.send(maya, "/plan start 2026-03-19")
    session.clock.set(utc(2026, 4, 20, 12, 0))  # program month 2 began on 18 April
    posted = await session.send(maya, "/post tiktok in month 2")
    assert posted.text.endswith("Program month 2: 1/26 days ▰▱▱▱▱▱▱▱▱▱")
