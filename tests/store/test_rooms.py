"""The room's one read: every member with their posts, rest days, hits and follower counts, read
for the whole room at once, in joining order, and nothing of anyone outside the room."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.models import DayActivity, Metrics, PostDraft, Sharing
from bot.store import Store

NOW = datetime(2026, 3, 9, 12, tzinfo=UTC)
TODAY = date(2026, 3, 9)
YESTERDAY = TODAY - timedelta(days=1)
ROOM = -100555
OTHER_ROOM = -100777


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    await opened.rooms.ensure(ROOM, "Room", "UTC", NOW)
    await opened.rooms.ensure(OTHER_ROOM, "Other", "UTC", NOW)
    for user_id, name in ((1, "Maya"), (2, "Jo"), (3, "Kim"), (4, "Outsider")):
        await opened.users.contact(user_id, name, name.lower(), "en", "UTC", NOW)
    yield opened
    await opened.close()


async def a_room_of_three(store: Store) -> None:
    """Kim joins first, then Maya, then Jo; the outsider is only in the other room."""
    for minutes, user_id in ((0, 3), (1, 1), (2, 2)):
        await store.rooms.join(ROOM, user_id, NOW + timedelta(minutes=minutes))
    await store.rooms.join(OTHER_ROOM, 4, NOW)
    for day in (TODAY - timedelta(days=2), TODAY, TODAY):
        await store.posts.add(1, PostDraft("tiktok"), NOW, day)
    hit = await store.posts.add(2, PostDraft("xhs", title="Autumn"), NOW, TODAY)
    await store.posts.record_metrics(hit, Metrics(saves=9), 5, NOW, TODAY)
    await store.posts.add(4, PostDraft("tiktok"), NOW, TODAY)
    await store.rest_days.add(1, YESTERDAY)
    await store.followers.record(2, "tiktok", 450, NOW - timedelta(days=1), YESTERDAY)
    await store.followers.record(2, "tiktok", 520, NOW, TODAY)
    await store.followers.record(4, "tiktok", 9, NOW, TODAY)
    await store.users.update(2, NOW, share_followers=True, share_handles=True)
    await store.users.set_handle(2, "tiktok", "@jo.draws")
    await store.users.set_handle(3, "tiktok", "@kim.secret")  # Kim's: she shares no handles


async def test_every_member_in_joining_order_with_their_sharing(store: Store) -> None:
    await a_room_of_three(store)
    members = await store.rooms.room_members(ROOM)
    assert [(m.user_id, m.name, m.username) for m in members] == [
        (3, "Kim", "kim"),
        (1, "Maya", "maya"),
        (2, "Jo", "jo"),
    ]
    kim, maya, jo = members
    assert maya.sharing == Sharing()
    assert jo.sharing == Sharing(streaks=True, posts=True, followers=True, handles=True)
    assert jo.handles == {"tiktok": "@jo.draws"}
    assert kim.handles == {"tiktok": "@kim.secret"}  # read here; the room's views decide


async def test_posts_rests_hits_and_counts_of_each_member(store: Store) -> None:
    await a_room_of_three(store)
    kim, maya, jo = await store.rooms.room_members(ROOM)
    assert maya.activity == [DayActivity(TODAY - timedelta(days=2), 1), DayActivity(TODAY, 2)]
    assert maya.rest_days == [YESTERDAY]
    assert (maya.hits, maya.follower_counts) == ([], [])
    assert jo.activity == [DayActivity(TODAY, 1)]
    (hit,) = jo.hits
    assert (hit.number, hit.platform, hit.title, hit.hit_date) == (1, "xhs", "Autumn", TODAY)
    assert [(c.platform, c.count, c.local_date) for c in jo.follower_counts] == [
        ("tiktok", 450, YESTERDAY),
        ("tiktok", 520, TODAY),
    ]
    assert (kim.activity, kim.rest_days, kim.hits, kim.follower_counts) == ([], [], [], [])


async def test_nobody_outside_the_room_and_an_empty_room(store: Store) -> None:
    await a_room_of_three(store)
    (outsider,) = await store.rooms.room_members(OTHER_ROOM)
    assert outsider.user_id == 4
    assert [a.posts for a in outsider.activity] == [1]
    assert [c.count for c in outsider.follower_counts] == [9]
    await store.rooms.leave(OTHER_ROOM, 4)
    assert await store.rooms.room_members(OTHER_ROOM) == []


async def test_the_read_costs_the_same_for_any_room_size(store: Store) -> None:
    """Six statements, whatever the number of members (it was five calls per member)."""
    await a_room_of_three(store)
    statements: list[str] = []
    await store.db._conn.set_trace_callback(statements.append)
    await store.rooms.room_members(ROOM)
    three = len(statements)
    for user_id in range(10, 40):
        await store.users.contact(user_id, f"n{user_id}", None, "en", "UTC", NOW)
        await store.rooms.join(ROOM, user_id, NOW)
        await store.posts.add(user_id, PostDraft("tiktok"), NOW, TODAY)
    statements.clear()
    assert len(await store.rooms.room_members(ROOM)) == 33
    assert len(statements) == three == 6
