"""One model of days, rest and streaks: the week's unused rest allowance covers a missed day
("frozen"), an explicit /rest uses the allowance first, and every view agrees on every day."""

from __future__ import annotations

from bot.fakeapi import Person, Session
from tests.helpers import rows, utc


async def post_on(session: Session, person: Person, *days: int) -> None:
    """Post at noon on each of these days of March 2026 (2 March is a Monday)."""
    for dom in days:
        session.clock.set(utc(2026, 3, dom, 12, 0))
        await session.send(person, f"/post tiktok day {dom}")


async def test_a_forgotten_day_is_covered_by_the_unused_rest_day(
    session: Session, maya: Person
) -> None:
    await post_on(session, maya, 2, 3, 4, 6)  # Thursday 5 March forgotten; 1 rest day a week
    session.clock.set(utc(2026, 3, 6, 18, 0))
    streak = await session.send(maya, "/streak")
    assert streak.text.split("\n")[:3] == [
        "🔥 Current streak: 4 days",
        "🏆 Best streak: 4 days",
        "⬜⬜⬜⬜⬜⬜⬜⬜⬜🟩🟩🟩🧊🟩",
    ]
    assert (await session.send(maya, "/today")).text.endswith("Streak: 4 days")
    assert (await session.send(maya, "/progress")).text.endswith("🔥 Streak 4 days · best 4 days")


async def test_an_explicit_rest_day_uses_the_allowance_first(
    session: Session, maya: Person
) -> None:
    await post_on(session, maya, 2)
    session.clock.set(utc(2026, 3, 3, 12, 0))
    await session.send(maya, "/rest")
    await post_on(session, maya, 4, 6)  # Thursday forgotten: no allowance left this week
    streak = await session.send(maya, "/streak")
    assert streak.text.split("\n")[:3] == [
        "🔥 Current streak: 1 day",
        "🏆 Best streak: 2 days",
        "⬜⬜⬜⬜⬜⬜⬜⬜⬜🟩🟦🟩⬜🟩",
    ]


async def test_a_five_day_creator_keeps_the_streak_over_the_weekend(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/goals days 5")
    await post_on(session, maya, 2, 3, 4, 5, 6, 9)
    streak = await session.send(maya, "/streak")
    assert streak.text.startswith("🔥 Current streak: 6 days\n🏆 Best streak: 6 days")
    assert "🟩🟩🟩🟩🟩🧊🧊🟩" in streak.text


async def test_days_and_rest_are_one_setting(session: Session, maya: Person) -> None:
    await session.send(maya, "/goals days 5")
    assert rows(session, "SELECT posting_days_per_week FROM users") == [(5,)]
    shown = await session.send(maya, "/goals")
    assert "Posting: 5 days a week" in shown.text
    assert "Rest: 2 days a week" in shown.text
    await session.send(maya, "/goals rest 1")
    assert rows(session, "SELECT posting_days_per_week FROM users") == [(6,)]
    await session.send(maya, "/goals days 3")  # 4 days off a week
    shown = await session.send(maya, "/goals")
    assert "Posting: 3 days a week" in shown.text
    assert "Rest: 4 days a week" in shown.text


async def test_the_month_target_is_the_days_the_allowance_leaves(
    session: Session, maya: Person
) -> None:
    progress = await session.send(maya, "/progress")  # March: 31 days, 1 day off a week
    assert "Days posted: 0/6" in progress.text
    assert "Days posted: 0/27" in progress.text
    plan = await session.send(maya, "/plan")
    assert "Goal: post on 26 of 30 days" in plan.text
