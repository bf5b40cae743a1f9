"""Handled updates: an update's first real write records it, in the same transaction."""

from __future__ import annotations

import pytest

from bot.domain.models import PostDraft
from bot.store import Store
from bot.store.posts import DuplicatePostError
from bot.store.updates import AlreadyHandledError, bookkeeping, handling
from tests.store.conftest import NOW, TODAY


async def test_the_first_write_records_the_update_and_later_writes_do_not_again(
    store: Store,
) -> None:
    with handling(41, NOW) as in_hand:
        await store.posts.add(1, PostDraft("tiktok", title="a"), NOW, TODAY)
        assert in_hand.recorded
        await store.reminders.answered(1)  # a second write of the same update: no conflict
    assert await store.updates.seen(41)


async def test_bookkeeping_claims_nothing_so_a_crash_after_it_loses_nothing(store: Store) -> None:
    with handling(42, NOW) as in_hand, bookkeeping():
        await store.users.contact(3, "new", None, "en", "UTC", NOW)
    assert not in_hand.recorded
    assert not await store.updates.seen(42)  # redelivered, it is handled: the post still lands


async def test_a_write_for_an_update_already_handled_is_rolled_back(store: Store) -> None:
    with handling(43, NOW):
        await store.posts.add(1, PostDraft("tiktok", title="first"), NOW, TODAY)
    with handling(43, NOW), pytest.raises(AlreadyHandledError):
        await store.posts.add(1, PostDraft("tiktok", title="again"), NOW, TODAY)
    assert [p.title for p in [await store.posts.latest(1)] if p] == ["first"]


async def test_a_refused_write_records_nothing(store: Store) -> None:
    draft = PostDraft("tiktok", link="https://t.co/x")
    await store.posts.add(1, draft, NOW, TODAY)
    with handling(44, NOW) as in_hand, pytest.raises(DuplicatePostError):
        await store.posts.add(1, draft, NOW, TODAY)  # a duplicate: rolled back
    assert not in_hand.recorded
    assert not await store.updates.seen(44)


async def test_records_older_than_the_cut_are_forgotten(store: Store) -> None:
    for update_id in (1, 2):
        with handling(update_id, NOW) as in_hand:
            await store.updates.record(in_hand)
    assert await store.updates.forget_before(NOW) == 0
    assert await store.updates.forget_before(NOW.replace(hour=13)) == 2
    assert not await store.updates.seen(1)
