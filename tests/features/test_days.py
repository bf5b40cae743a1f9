"""One model of days, rest and streaks: the week's unused rest allowance covers a missed day
("frozen"), an explicit /rest uses the allowance first, and every view agrees on every day."""

from __future__ import annotations

from bot.fakeapi import Person, Session, StoredMessage
from tests.helpers import ROOM, room_of, rows, utc


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
    plan = await session.send(maya, "/plan start")
    assert "Goal: post on 26 of 30 days" in plan.text


NOTICE = "😌 Yesterday used your rest day — streak safe: 3 days."


def notices(sent: list[StoredMessage]) -> list[str]:
    return [m.text for m in sent if "streak safe" in m.text]


async def test_next_morning_the_user_is_told_once_that_the_rest_day_covered_yesterday(
    session: Session, maya: Person
) -> None:
    await post_on(session, maya, 2, 3, 4)  # Thursday 5 March forgotten
    assert notices(await session.at(utc(2026, 3, 5, 21, 0))) == []  # Thursday isn't over
    assert notices(await session.at(utc(2026, 3, 6, 8, 30))) == []  # not before 09:00
    assert notices(await session.at(utc(2026, 3, 6, 9, 0))) == [NOTICE]
    assert notices(await session.at(utc(2026, 3, 6, 9, 5))) == []  # once per covered day
    assert notices(await session.at(utc(2026, 3, 7, 9, 0))) == []  # Friday broke it: no notice


async def test_the_morning_notice_waits_for_quiet_hours_and_skips_backfilled_days(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/quiet 22:00-10:00")
    await post_on(session, maya, 2, 3, 4)
    assert notices(await session.at(utc(2026, 3, 6, 9, 0))) == []
    assert notices(await session.at(utc(2026, 3, 6, 10, 0))) == [NOTICE]
    await post_on(session, maya, 9, 10, 11)  # Wednesday of the next week...
    session.clock.set(utc(2026, 3, 13, 8, 0))
    await session.send(maya, "/post tiktok yesterday")  # ...Thursday 12 backfilled
    assert notices(await session.at(utc(2026, 3, 13, 9, 0))) == []


async def test_no_morning_notice_when_an_explicit_rest_used_the_week(
    session: Session, maya: Person
) -> None:
    await post_on(session, maya, 2)
    session.clock.set(utc(2026, 3, 3, 12, 0))
    await session.send(maya, "/rest")
    await post_on(session, maya, 4)
    assert notices(await session.at(utc(2026, 3, 6, 9, 0))) == []


async def test_every_view_agrees_for_a_five_day_creator(session: Session, maya: Person) -> None:
    await room_of(session, maya)
    await session.send(maya, "/goals days 5")
    await post_on(session, maya, 2, 3, 4, 5, 6)
    session.clock.set(utc(2026, 3, 9, 10, 0))  # Monday, nothing posted yet: the weekend covered
    assert (await session.send(maya, "/streak")).text.startswith("🔥 Current streak: 5 days")
    assert (await session.send(maya, "/today")).text.endswith("Streak: 5 days")
    assert (await session.send(maya, "/progress")).text.endswith("🔥 Streak 5 days · best 5 days")
    board = await session.send(maya, "/board", chat_id=ROOM)
    assert "🔥 5" in board.text
