"""Coming back after blocking the bot: whichever way (writing to it, or unblocking it in
Telegram), the schedule starts again from now - nothing missed meanwhile is sent late."""

from __future__ import annotations

from datetime import timedelta

from bot.fakeapi import Person, Session
from tests.helpers import rows, set_up, to, utc

NEXT_SWEEP = timedelta(seconds=30)


async def blocked_through_a_nudge(session: Session, maya: Person) -> None:
    """Maya blocks the bot; the bot learns it from the 403 on her 20:00 nudge."""
    await set_up(session, maya, "UTC", "20:00")
    session.server.blocked_by.add(maya.user_id)
    assert to(maya, await session.at(utc(2026, 3, 2, 20, 0))) == []
    assert rows(session, "SELECT blocked_at IS NOT NULL FROM users") == [(1,)]
    session.server.blocked_by.discard(maya.user_id)


async def test_writing_after_blocking_sends_no_overdue_nudge(
    session: Session, maya: Person
) -> None:
    await blocked_through_a_nudge(session, maya)
    session.clock.set(utc(2026, 3, 3, 20, 30))  # a day later, past the next nudge's time
    await session.send(maya, "/today")  # writing again unblocks
    assert rows(session, "SELECT blocked_at FROM users") == [(None,)]
    assert to(maya, await session.at(session.clock.now() + NEXT_SWEEP)) == []
    shown = (await session.send(maya, "/nudge")).text
    assert shown.endswith("Next reminder: 2026-03-04 20:00")  # in the future, not 03-03
    assert len(to(maya, await session.at(utc(2026, 3, 4, 20, 0)))) == 1  # then daily again


async def test_unblocking_in_telegram_sends_no_overdue_nudge(
    session: Session, maya: Person
) -> None:
    await blocked_through_a_nudge(session, maya)
    session.clock.set(utc(2026, 3, 3, 20, 30))
    await session.member_status(maya, "member")
    assert to(maya, await session.at(session.clock.now() + NEXT_SWEEP)) == []
    assert len(to(maya, await session.at(utc(2026, 3, 4, 20, 0)))) == 1


async def test_writing_the_same_evening_skips_what_was_missed(
    session: Session, maya: Person
) -> None:
    await set_up(session, maya, "UTC", "20:00")
    await session.member_status(maya, "kicked")
    session.clock.set(utc(2026, 3, 2, 20, 5))  # the nudge was due while she had blocked us
    await session.send(maya, "/today")
    assert to(maya, await session.at(session.clock.now() + NEXT_SWEEP)) == []
