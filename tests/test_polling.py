"""Long polling keeps each fetched batch in the inbox before Telegram is told it arrived, and lets
an update go once handled: a slow update holds nobody up, what a crash left is handled at the
next start, once. A stop finishes what was fetched and confirms it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from contextlib import closing
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Session
from bot.fakeapi.faults import HANG
from bot.fakeapi.messages import Call
from tests.helpers import count, rows


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


async def test_a_slow_update_holds_nobody_up_and_stays_kept_until_it_is_handled(
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
        await until(lambda: len(answered(session)) >= len(quick))  # answered meanwhile
        assert not [c for c in answered(session) if c.params["chat_id"] == slow.user_id]
        await until(lambda: max(offsets(session)) > slow_id + len(quick))  # all confirmed
        assert (slow_id,) in rows(session, "SELECT update_id FROM inbox")  # kept till done
        await session.settle()
        await session.send(slow, "/today")  # the next fetch lets the handled ones go
        kept = rows(session, "SELECT update_id FROM inbox")
        assert all(update_id > slow_id + len(quick) for (update_id,) in kept), kept
        assert count(session, "posts") == 6


async def test_what_a_crash_left_in_the_inbox_is_handled_once_at_the_next_start(
    tmp_path: Path, clock: ControllableClock
) -> None:
    """A run kept an update and confirmed it to Telegram, then died before handling it: Telegram
    has forgotten it, the inbox has not."""
    async with Session(tmp_path, clock) as session:
        maya = session.person("Maya")
        await session.send(maya, "/start")
        left = {
            "update_id": 10**6,
            "message": {
                "message_id": 4242, "date": 0, "text": "/post tiktok left behind",
                "chat": {"id": maya.user_id, "type": "private"}, "from": maya.as_api(),
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            },
        }  # fmt: skip
        with closing(sqlite3.connect(session.database_path)) as conn, conn:
            conn.execute("INSERT INTO inbox VALUES (?, ?)", (10**6, json.dumps(left)))
        await session.restart()
        await session.settle()
        assert rows(session, "SELECT title FROM posts") == [("left behind",)]
        logged = [c for c in answered(session) if "left behind" in str(c.params.get("text"))]
        assert len(logged) == 1
        await session.restart()  # and not again
        await session.settle()
        assert count(session, "posts") == 1
        assert rows(session, "SELECT update_id FROM inbox") == []


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
