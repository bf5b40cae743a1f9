"""Goals that fit the person: the follower goal is growth during the program, and the next cycle
raises only what was met."""

from __future__ import annotations

import pytest

from bot.fakeapi import Person, Session
from tests.helpers import reviews, rows, utc


async def test_an_established_creator_does_not_meet_the_follower_goal_on_day_1(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/followers tiktok 2000")
    await session.send(maya, "/plan start 2026-01-02")  # month 3 from March 3rd
    session.clock.set(utc(2026, 3, 5, 12, 0))
    await session.send(maya, "/followers tiktok 2030")
    plan = await session.send(maya, "/plan")
    assert "Goal: gain 100 followers in total during the program" in plan.text
    assert "Followers gained: 30 of 100 ▰▰▰▱▱▱▱▱▱▱" in plan.text
    review = await session.send(maya, "/review")
    assert "— ⏳ in progress" in review.text


async def test_without_a_count_plan_asks_for_one(session: Session, maya: Person) -> None:
    await session.send(maya, "/plan start 2026-01-01")  # day 61: month 3
    plan = await session.send(maya, "/plan")
    ask = "Send /followers <platform> <count> so I can measure your growth."
    assert f"\n{ask}\n" in plan.text
    review = await session.send(maya, "/review")
    assert review.text.splitlines()[2:4] == [
        "Goal: gain 100 followers in total during the program — ⏳ in progress",
        ask,
    ]


@pytest.mark.parametrize(
    ("value", "reply"),
    [
        ("+", "“” is not a count I can read"),
        ("+0", "That target must be between 1 and 1,000,000,000."),
        ("+-5", "A count can't be negative."),
        ("++5", "“+5” is not a count I can read"),
        ("+99999999999999", "too large"),
        ("+<b>5</b>", "“<b>5</b>” is not a count I can read"),
    ],
)
async def test_goals_followers_refuses_bad_gains(
    session: Session, maya: Person, value: str, reply: str
) -> None:
    answer = await session.send(maya, f"/goals followers {value}")
    assert reply in answer.text
    assert rows(session, "SELECT follower_target, follower_goal_kind FROM users") == [(100, "gain")]


async def test_goals_followers_sets_a_gain_or_a_total(session: Session, maya: Person) -> None:
    gain = await session.send(maya, "/goals followers +150")
    assert "Followers: gain 150 followers in total during the program" in gain.text
    assert rows(session, "SELECT follower_target, follower_goal_kind FROM users") == [(150, "gain")]
    total = await session.send(maya, "/goals followers 5000 tiktok")
    assert "Followers: reach 5,000 followers on TikTok" in total.text
    assert rows(session, "SELECT follower_target, follower_goal_kind FROM users") == [
        (5000, "total")
    ]
    await session.send(maya, "/followers tiktok 4000")
    await session.send(maya, "/plan start 2026-01-01")
    plan = await session.send(maya, "/plan")
    assert "Followers: 4,000 of 5,000" in plan.text


async def test_the_final_report_measures_growth(session: Session, maya: Person) -> None:
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/followers tiktok 2000")
    await session.send(maya, "/plan start 2025-12-04")  # ends 2026-03-03
    session.clock.set(utc(2026, 3, 3, 12, 0))
    await session.send(maya, "/followers tiktok 2061")
    (final,) = reviews(maya, await session.at(utc(2026, 3, 4, 20, 0)))
    assert "Month 3 · gain 100 followers in total during the program: 61 of 100 ❌ not met" in (
        final.text
    )
