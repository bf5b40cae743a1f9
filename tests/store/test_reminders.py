"""The schedule columns and what falls due."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.models import PostDraft
from bot.store import Store
from bot.store.reminders import Due, NextNudge, NextReview
from tests.store.conftest import NOW, TODAY

SOON, LATER = NOW + timedelta(minutes=5), NOW + timedelta(hours=2)


async def test_due_nudges_come_in_time_order_up_to_the_limit(store: Store) -> None:
    await store.reminders.reschedule(1, NextNudge(LATER, "nudge"))
    await store.reminders.reschedule(2, NextNudge(SOON, "last_call"))
    assert await store.reminders.due_nudges(NOW, 10) == []
    assert await store.reminders.due_nudges(LATER, 10) == [
        Due(2, SOON, "last_call"),
        Due(1, LATER, "nudge"),
    ]
    assert await store.reminders.due_nudges(LATER, 1) == [Due(2, SOON, "last_call")]
    assert await store.reminders.next_nudge(1) == NextNudge(LATER, "nudge")
    assert await store.reminders.next_nudge(404) == NextNudge(None, None)


async def test_a_blocked_user_is_never_due_and_loses_follow_ups(store: Store) -> None:
    post = await store.posts.add(1, PostDraft("tiktok"), NOW, TODAY, followup_at=SOON)
    await store.reminders.reschedule(1, NextNudge(SOON, "nudge"), NextReview(SOON, "k"))
    assert [f.post_id for f in await store.reminders.due_followups(LATER, 10)] == [post.post_id]
    await store.reminders.mark_blocked(1, NOW)
    assert await store.reminders.due_nudges(LATER, 10) == []
    assert await store.reminders.due_reviews(LATER, 10) == []
    assert await store.reminders.due_followups(LATER, 10) == []


async def test_next_review_and_unscheduled_users(store: Store) -> None:
    await store.users.update(1, NOW, onboarded=True)
    await store.users.update(2, NOW, onboarded=True)
    assert sorted(await store.reminders.unscheduled()) == [1, 2]
    await store.reminders.reschedule(1, NextReview(LATER, "2026-03"))
    assert await store.reminders.unscheduled() == [2]
    assert await store.reminders.next_review(1) == NextReview(LATER, "2026-03")
    assert await store.reminders.next_review(2) == NextReview(None, None)
