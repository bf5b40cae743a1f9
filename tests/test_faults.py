"""Faults, bounded in time: the Bot API failing in every way for a while, the database refusing
writes, and the bot killed mid-stream. Nothing acknowledged is lost; nothing is sent twice."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest

from bot.fakeapi import Person, Session
from bot.fakeapi.server import HANG, RESET
from tests.helpers import rows, set_up, to, unthrottled, utc

STORAGE = "Sorry, I couldn't save that just now: my storage is unavailable."


async def pragma(session: Session, sql: str) -> int | None:
    """A pragma on the bot's own connection: what the operating system would do to its file."""
    connection = session.bot.services.store.db._conn
    async with connection.execute(sql) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else None


async def test_a_locked_database(
    session: Session, maya: Person, caplog: pytest.LogCaptureFixture
) -> None:
    await session.send(maya, "/post tiktok before")
    blocker = sqlite3.connect(session.database_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    refused = await session.send(maya, "/post tiktok locked out")
    assert refused.text.startswith(STORAGE)
    assert "the database refused a write (database is locked): nothing was stored" in caplog.text
    assert time.monotonic() - started < 10  # waited the busy timeout once, then answered
    blocker.rollback()
    blocker.close()
    assert (await session.send(maya, "/post tiktok after")).text.startswith("✅ Logged #2")
    assert rows(session, "SELECT title FROM posts ORDER BY number") == [("before",), ("after",)]


async def test_a_read_only_database(session: Session, maya: Person) -> None:
    await session.send(maya, "/post tiktok before")
    await pragma(session, "PRAGMA query_only = ON")
    refused = await session.send(maya, "/followers tiktok 100")
    assert refused.text.startswith(STORAGE)
    pressed = await session.press(maya, (await session.send(maya, "/undo")).last, "Yes, remove it")
    assert pressed.alerts == ["Couldn't save that just now. Try again in a few minutes."]
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")  # reads work
    await pragma(session, "PRAGMA query_only = OFF")
    assert (await session.send(maya, "/followers tiktok 100")).text.startswith("📈")
    assert rows(session, "SELECT COUNT(*) FROM posts") == [(1,)]


async def test_a_full_disk_leaves_no_partial_rows(session: Session, maya: Person) -> None:
    unthrottled(session)  # 80 posts at once, on purpose
    pages = await pragma(session, "PRAGMA page_count")
    await pragma(session, f"PRAGMA max_page_count = {pages}")
    acknowledged = 0
    refused = 0
    for n in range(80):
        reply = await session.send(maya, f"/post tiktok {'x' * 150} {n} #tag{n} #more{n}")
        if reply.text.startswith("✅ Logged"):
            acknowledged += 1
        else:
            assert reply.text.startswith(STORAGE)
            refused += 1
    assert refused > 0
    await pragma(session, "PRAGMA max_page_count = 1073741823")
    assert rows(session, "SELECT COUNT(*) FROM posts") == [(acknowledged,)]
    orphans = "SELECT COUNT(*) FROM post_tags WHERE post_id NOT IN (SELECT post_id FROM posts)"
    assert rows(session, orphans) == [(0,)]
    assert rows(session, "SELECT COUNT(*) FROM post_tags") == [(2 * acknowledged,)]
    assert (await session.send(maya, "/today")).text.startswith("Today, 2026-03-02")


async def test_api_errors_resets_and_floods_during_a_fan_out(session: Session) -> None:
    people = [session.person(f"P{n}") for n in range(12)]
    for person in people:
        await set_up(session, person, "UTC", "20:00")
    server = session.server
    server.fail("sendMessage", 500, "Internal Server Error", times=4)
    server.fail("sendMessage", RESET, "", times=3)
    server.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1, times=3)
    sent = await session.at(utc(2026, 3, 2, 20, 0))
    assert {p.user_id: len(to(p, sent)) for p in people} == {p.user_id: 1 for p in people}
    assert rows(session, "SELECT DISTINCT status FROM deliveries") == [("sent",)]
    # …and replies go on working.
    assert (await session.send(people[0], "/today")).text.startswith("Today, 2026-03-02")


async def test_an_answer_that_never_comes_is_not_sent_again(session: Session, maya: Person) -> None:
    await set_up(session, maya, "UTC", "20:00")
    session.server.fail("sendMessage", HANG, "", times=1)
    await session.at(utc(2026, 3, 2, 20, 0))  # the bot gives up after its 5 s read timeout
    await asyncio.sleep(1.5)  # …and the fake Telegram finishes the send a moment later
    await session.tick()
    nudges = to(maya, session.server.bot_messages(maya.user_id))
    assert len(nudges) == 1  # Telegram got it once; the bot did not try again
    assert rows(session, "SELECT status FROM deliveries WHERE kind = 'nudge'") == [("unknown",)]
