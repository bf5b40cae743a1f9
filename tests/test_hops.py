"""How many round trips to the database's thread a user's update costs.

Every call aiosqlite queues for its thread (an `execute`, a `fetchone`, a cursor close, a
`commit`) goes through `aiosqlite.Connection._execute` and wakes the event loop when it is done:
one `/post` once made 22 of them. The counter here wraps aiosqlite's own method on the bot's real
connection (not anything of ours), so the figure is what the event loop pays.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite
import pytest

from bot.fakeapi import Person, Session
from bot.store import Database
from tests.helpers import hops, rows


async def test_a_unit_of_work_runs_in_one_trip_on_aiosqlites_thread(tmp_path: Path) -> None:
    """`Database.work` relies on aiosqlite's private `Connection._execute` and `_conn`: an
    upgrade of aiosqlite that removes or changes them must fail here, loudly, not in production."""
    assert callable(getattr(aiosqlite.Connection, "_execute", None))
    db = await Database.open(tmp_path / "db.sqlite3")
    try:
        with hops(db) as queued:
            found = await db.work(lambda conn: conn.execute("SELECT 40 + 2").fetchone()[0])
            assert found == 42
            assert await db.work(lambda conn: conn.in_transaction) is True
            assert await db.work(lambda conn: conn.in_transaction, write=False) is False
        assert len(queued) == 3, queued
    finally:
        await db.close()


async def test_a_unit_of_work_that_fails_leaves_nothing(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")

    def half(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO handled_updates (update_id, handled_at) VALUES (1, 'x')")
        raise LookupError("then it fails")

    try:
        with pytest.raises(LookupError):
            await db.work(half)
        assert await db.one("SELECT count(*) FROM handled_updates", (), lambda r: r[0]) == 0
        assert not await db.work(lambda conn: conn.in_transaction, write=False)
    finally:
        await db.close()


async def test_a_post_costs_at_most_four_trips_to_the_database(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/start")  # a known user, as on any ordinary day
    with hops(session.bot.services.store.db) as queued:
        reply = await session.send(maya, "/post tiktok https://vm.tiktok.com/abc/ First #recipes")
    assert reply.texts == [
        "✅ Logged #1 · TikTok · “First” #recipes\n"
        "1 post today · streak 1 day\n"
        "This month (2026-03): 1/27 days ▰▱▱▱▱▱▱▱▱▱"
    ]
    assert rows(session, "SELECT number, platform, link, title FROM posts") == [
        (1, "tiktok", "https://vm.tiktok.com/abc", "First")
    ]
    assert rows(session, "SELECT tag FROM post_tags") == [("recipes",)]
    # Who is it? The post, its nudges answered and the standing after it: 2 trips (the
    # handled-once check asks the database only about an update that may have been handled).
    assert len(queued) <= 4, (len(queued), queued)


@pytest.mark.parametrize("posts", [1, 3])
async def test_today_costs_at_most_four_trips(session: Session, maya: Person, posts: int) -> None:
    await session.send(maya, "/start")
    for n in range(posts):
        await session.send(maya, f"/post tiktok https://vm.tiktok.com/{n}")
    with hops(session.bot.services.store.db) as queued:
        reply = await session.send(maya, "/today")
    assert f"{posts} post" in reply.text
    assert len(queued) <= 4, (len(queued), queued)
