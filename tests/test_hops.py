"""How many round trips to the database's thread a user's update costs.

Every call aiosqlite queues for its thread (an `execute`, a `fetchone`, a cursor close, a
`commit`) goes through `aiosqlite.Connection._execute` and wakes the event loop when it is done:
one `/post` once made 22 of them. The counter here wraps aiosqlite's own method on the bot's real
connection (not anything of ours), so the figure is what the event loop pays.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite
import pytest

from bot.fakeapi import Person, Session
from tests.helpers import rows


@contextmanager
def hops(session: Session) -> Iterator[list[str]]:
    """The names of the functions queued on the bot connection's thread while inside."""
    conn = session.bot.services.store.db.connection
    real = conn._execute
    queued: list[str] = []

    async def counting(fn: Any, *args: Any, **kwargs: Any) -> Any:
        queued.append(getattr(fn, "__qualname__", repr(fn)))
        return await real(fn, *args, **kwargs)  # type: ignore[no-untyped-call]

    conn._execute = counting  # type: ignore[method-assign]
    try:
        yield queued
    finally:
        del conn._execute  # aiosqlite's own method again


def test_aiosqlite_still_queues_work_through_execute() -> None:
    """`Database.work` relies on this private method: an aiosqlite upgrade that removes it (or
    changes how it is called) must fail here, loudly, not in production."""
    assert callable(getattr(aiosqlite.Connection, "_execute", None))


async def test_a_post_costs_at_most_four_trips_to_the_database(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/start")  # a known user, as on any ordinary day
    with hops(session) as queued:
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
    # Was it handled already? Who is it? The post, its nudges answered and the standing after it.
    assert len(queued) <= 4, (len(queued), queued)
    print(f"/post: {len(queued)} trips")


@pytest.mark.parametrize("posts", [1, 3])
async def test_today_costs_at_most_four_trips(session: Session, maya: Person, posts: int) -> None:
    await session.send(maya, "/start")
    for n in range(posts):
        await session.send(maya, f"/post tiktok https://vm.tiktok.com/{n}")
    with hops(session) as queued:
        reply = await session.send(maya, "/today")
    assert f"{posts} post" in reply.text
    assert len(queued) <= 4, (len(queued), queued)
