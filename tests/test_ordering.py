from __future__ import annotations

from pathlib import Path

import pytest

from bot import ordering
from bot.clock import ControllableClock
from bot.fakeapi import Session
from bot.ordering import Once
from bot.store import Store
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


async def _handled(once: Once, update_id: int, ran: list[int]) -> None:
    async def work() -> None:
        ran.append(update_id)

    await once.handle(update_id, work())


async def test_only_updates_that_may_have_been_handled_are_asked_about(
    tmp_path: Path, clock: ControllableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above the floor and new to this process: handled without a trip. Delivered again (taken
    here, or recorded by an earlier run): asked about, and skipped."""
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        ran: list[int] = []
        first = Once(store.updates, clock)
        for update_id in (10, 11, 12):
            await _handled(first, update_id, ran)
        await _handled(first, 11, ran)  # its confirmation was lost: delivered again
        assert ran == [10, 11, 12]

        later = Once(store.updates, clock)  # a restart: the floor is 12
        asked: list[int] = []
        seen = store.updates.seen

        async def counted(update_id: int) -> bool:
            asked.append(update_id)
            return await seen(update_id)

        monkeypatch.setattr(store.updates, "seen", counted)
        monkeypatch.setattr(ordering, "TAKEN_KEPT", 2)
        for update_id in (12, 13, 14, 15, 13):
            await _handled(later, update_id, ran)
        assert ran == [10, 11, 12, 13, 14, 15]
        # 12: at the floor; 13 again: the floor rose past it when 15 came.
        assert asked == [12, 13]
    finally:
        await store.close()
