"""Long polling confirms an update only once it was handled: the offset of every getUpdates stays at
the lowest update still in hand, what Telegram hands back again is skipped, and a poller holding
updates waits for one to finish instead of asking again and again. A stop finishes what was
fetched and confirms it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Session
from bot.fakeapi.faults import HANG
from bot.fakeapi.messages import Call
from tests.helpers import count


def offsets(session: Session, since: int = 0) -> list[int]:
    calls = session.server.calls_to("getUpdates", since)
    return [int(call.params.get("offset") or 0) for call in calls]


def answered(session: Session) -> list[Call]:
    return [c for c in session.server.calls_to("sendMessage") if c.result is not None]


async def until(condition: object, within: float = 10.0) -> None:
    assert callable(condition)
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(0.01)


async def test_a_slow_update_keeps_later_ones_unconfirmed_until_it_is_handled(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock) as session:
        server = session.server
        server.hang_seconds = 1.5  # the first reply takes 1.5 s (the client waits 5 s)
        server.fail("sendMessage", HANG, "slow")
        slow = session.person("Slow")
        await session.queue(slow, "/post tiktok slow one")
        await until(lambda: server.calls_to("sendMessage"))  # the slow one is being handled
        slow_id = 1  # the first update on a new database
        quick = [session.person(f"Q{n}") for n in range(5)]
        for person in quick:
            await session.queue(person, "/post tiktok quick one")
        await until(
            lambda: len(answered(session)) >= len(quick)
        )  # the quick ones were all answered
        handled_by = len(server.calls)
        assert not [
            c for c in answered(session) if c.params["chat_id"] == slow.user_id
        ]  # still slow
        assert all(offset <= slow_id for offset in offsets(session))  # none confirmed past it
        await session.settle()
        await until(lambda: server.unconfirmed == 0)  # once it is done, all are confirmed
        assert offsets(session, handled_by)[-1] > slow_id + len(quick)
        assert count(session, "posts") == 6


async def test_nothing_spins_while_a_hundred_updates_are_in_hand(
    tmp_path: Path, clock: ControllableClock
) -> None:
    """One user's 150 posts queue behind the first, whose reply hangs: 100 are fetched and held,
    and Telegram would hand them back at once to every getUpdates."""
    limits = {"user_burst": 1000}
    async with Session(tmp_path, clock, user_limits=limits) as session:
        server = session.server
        server.hang_seconds = 1.0
        server.fail("sendMessage", HANG, "slow")
        maya = session.person("Maya")
        for n in range(150):
            await session.queue(maya, f"/post tiktok n{n}")
        await until(lambda: server.calls_to("sendMessage"))
        mark = len(server.calls_to("getUpdates"))
        await asyncio.sleep(0.8)  # the first reply still hangs: nothing finishes meanwhile
        assert len(server.calls_to("getUpdates")) - mark <= 1
        await session.settle()
        assert count(session, "posts") == 150
        assert len(server.calls_to("getUpdates")) < 150 + 10  # at most one a finished update


async def test_a_stop_finishes_every_fetched_update_and_confirms_it(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock, latency=0.05) as session:
        people = [session.person(f"P{n}") for n in range(20)]
        for person in people:
            await session.queue(person, "/post tiktok before the stop")
        await until(lambda: session.server.calls_to("sendMessage"))
        await session.restart()  # SIGTERM mid-burst
        assert session.server.unconfirmed == 0  # all handled and confirmed before the exit
        assert count(session, "posts") == 20
        logged = [c for c in session.server.calls_to("sendMessage") if "✅ Logged" in str(c.params)]
        assert len(logged) == 20
