"""Nothing stored twice: Telegram sends a batch again when its confirmation was lost, and the bot
handles each update once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from tests.helpers import count, rows


def acknowledged(session: Session, marker: str) -> list[str]:
    return [
        str(call.params.get("text"))
        for call in session.server.calls_to("sendMessage")
        if call.error is None and marker in str(call.params.get("text", ""))
    ]


async def test_a_batch_whose_confirmation_failed_is_stored_and_acknowledged_once(
    session: Session,
) -> None:
    people = [session.person(f"P{n}", user_id=700 + n) for n in range(4)]
    session.server.updates.failing_confirms = 10**6  # every confirming getUpdates gets a 502
    for n in range(10):
        await session.queue(people[n % 4], f"/post tiktok n{n}")
        await session.queue(people[n % 4], f"/followers tiktok {1000 + n}")
    await session.settle()
    assert count(session, "posts") == 10
    await session.restart()  # its last confirming call fails too: all 20 come again
    assert session.injected == 20
    session.server.updates.failing_confirms = 0
    await session.settle()
    assert (
        rows(session, "SELECT title, COUNT(*) FROM posts GROUP BY title HAVING COUNT(*) > 1") == []
    )
    assert count(session, "posts") == 10
    assert count(session, "follower_counts") == 4  # one a platform a day: the latest of each
    assert len(acknowledged(session, "✅ Logged")) == 10


async def test_a_redelivered_command_that_wrote_nothing_is_not_answered_again(
    session: Session, maya: Person
) -> None:
    session.server.updates.failing_confirms = 10**6
    await session.queue(maya, "/today")
    await session.settle()
    sent = len(session.server.calls_to("sendMessage"))
    await session.restart()
    session.server.updates.failing_confirms = 0
    await session.settle()
    assert len(session.server.calls_to("sendMessage")) == sent


async def test_handled_updates_are_forgotten_after_three_days(
    session: Session, maya: Person, clock: ControllableClock
) -> None:
    await session.send(maya, "/post tiktok first")
    assert count(session, "handled_updates") == 1
    clock.advance(timedelta(days=3, minutes=1))
    await session.tick()
    assert count(session, "handled_updates") == 0
    assert count(session, "posts") == 1


async def test_a_batch_whose_webhook_answers_were_lost_is_stored_and_acknowledged_once(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock, transport="webhook") as session:
        people = [session.person(f"P{n}", user_id=700 + n) for n in range(4)]
        session.server.webhook.lost_answers = 20  # the bot's 200s never reach Telegram
        for n in range(10):
            await session.queue(people[n % 4], f"/post tiktok n{n}")
            await session.queue(people[n % 4], f"/followers tiktok {1000 + n}")
        await session.settle()
        assert len(session.server.webhook.posts) == 40  # 20 answers lost: 20 deliveries again
        assert count(session, "posts") == 10
        assert count(session, "follower_counts") == 4
        assert len(acknowledged(session, "✅ Logged")) == 10
