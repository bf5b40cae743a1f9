from __future__ import annotations

from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Session
from tests.helpers import rows


async def test_users_run_concurrently_and_each_users_updates_stay_in_order(
    tmp_path: Path, clock: ControllableClock
) -> None:
    # With a realistic round trip, one update at a time would leave every call alone in flight.
    async with Session(tmp_path, clock, latency=0.05) as session:
        people = [session.person(f"user{i}") for i in range(6)]
        for person in people:
            for title in ("one", "two", "three"):
                await session.queue(person, f"/post tiktok {title}")
            await session.queue(person, "/today")
        await session.settle()
        assert session.server.max_in_flight >= 3
        for person in people:
            assert rows(
                session, "SELECT number, title FROM posts WHERE user_id = ? ORDER BY number",
                person.user_id,
            ) == [(1, "one"), (2, "two"), (3, "three")]  # fmt: skip
            replies = [m.text for m in session.server.bot_messages(person.user_id)]
            assert [r.split("\n")[0] for r in replies] == [
                "✅ Logged #1 · TikTok · “one”",
                "✅ Logged #2 · TikTok · “two”",
                "✅ Logged #3 · TikTok · “three”",
                "Today, 2026-03-02",
            ]
            assert "3 posts:" in replies[-1]  # /today ran after all three posts
