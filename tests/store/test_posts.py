from __future__ import annotations

from datetime import time, timedelta

import pytest

from bot.domain.models import Metrics, PostDraft
from bot.store import Store
from bot.store.posts import DuplicatePostError
from tests.store.conftest import NOW, TODAY


async def test_posts_are_numbered_per_user(store: Store) -> None:
    first = await store.posts.add(1, PostDraft("tiktok"), NOW, TODAY)
    other = await store.posts.add(2, PostDraft("tiktok"), NOW, TODAY)
    second = await store.posts.add(1, PostDraft("youtube", tags=("a", "b")), NOW, TODAY)
    assert (first.number, other.number, second.number) == (1, 1, 2)
    stored = await store.posts.by_number(1, 2)
    assert stored is not None
    assert stored.tags == ("a", "b")
    assert stored.logged_at == NOW
    assert stored.local_date == TODAY


async def test_a_duplicate_link_is_refused_per_user(store: Store) -> None:
    draft = PostDraft("tiktok", link="https://t.co/x")
    await store.posts.add(1, draft, NOW, TODAY)
    with pytest.raises(DuplicatePostError) as caught:
        await store.posts.add(1, draft, NOW, TODAY)
    assert caught.value.number == 1
    await store.posts.add(2, draft, NOW, TODAY)  # someone else may share the same link
    assert len(await store.posts.on_date(1, TODAY, 10)) == 1


async def test_delete_only_touches_the_owner(store: Store) -> None:
    post = await store.posts.add(1, PostDraft("tiktok"), NOW, TODAY)
    assert not await store.posts.delete(2, post.post_id)
    assert await store.posts.by_id(2, post.post_id) is None
    assert await store.posts.delete(1, post.post_id)
    assert await store.posts.latest(1) is None


async def test_metrics_merge_and_hits(store: Store) -> None:
    post = await store.posts.add(1, PostDraft("tiktok"), NOW, TODAY)
    merged, hit = await store.posts.record_metrics(post, Metrics(saves=3, likes=10), 5, NOW, TODAY)
    assert (merged, hit) == (Metrics(saves=3, likes=10), False)
    merged, hit = await store.posts.record_metrics(post, Metrics(saves=6), 5, NOW, TODAY)
    assert (merged, hit) == (Metrics(saves=6, likes=10), True)
    assert await store.posts.hit_dates(1) == [TODAY]
    _, hit = await store.posts.record_metrics(post, Metrics(saves=9), 5, NOW, TODAY)
    assert not hit  # a hit is celebrated once
    # A correction below the threshold takes the hit away again.
    await store.posts.record_metrics(post, Metrics(saves=2), 5, NOW, TODAY)
    assert await store.posts.hit_dates(1) == []


async def test_follower_history_in_recording_order(store: Store) -> None:
    await store.followers.record(
        1, "tiktok", 100, NOW - timedelta(days=1), TODAY - timedelta(days=1)
    )
    await store.followers.record(1, "youtube", 7, NOW, TODAY)
    recorded = await store.followers.record(1, "tiktok", 120, NOW, TODAY)
    assert [c.count for c in recorded.history] == [100, 7, 120]
    assert recorded.replaced is None
    assert await store.followers.history(2) == []


async def test_a_second_count_the_same_day_replaces_the_first(store: Store) -> None:
    await store.followers.record(1, "tiktok", 100, NOW, TODAY)
    recorded = await store.followers.record(1, "tiktok", 120, NOW, TODAY)
    assert [c.count for c in recorded.history] == [120]
    assert recorded.replaced is not None
    assert recorded.replaced.count == 100


async def test_profile_updates_round_trip(store: Store) -> None:
    profile = await store.users.update(
        1, NOW, timezone="Asia/Shanghai", day_start=time(3), niche="Food", niche_tags=("a",)
    )
    assert (profile.timezone, profile.day_start, profile.niche_tags) == (
        "Asia/Shanghai",
        time(3),
        ("a",),
    )
    profile = await store.users.toggle_platform(1, "tiktok")
    profile = await store.users.set_handle(1, "youtube", "@me")
    assert profile.platforms == ("tiktok", "youtube")
    assert dict(profile.handles) == {"youtube": "@me"}
    profile = await store.users.toggle_platform(1, "tiktok")
    assert profile.platforms == ("youtube",)
