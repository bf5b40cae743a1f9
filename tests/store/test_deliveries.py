"""The deliveries ledger: each message claimed once, and what a restart does with them."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.backoff import NudgeBackoff
from bot.domain.deliveries import DayPeriod, DeliveryKind, KeyPeriod
from bot.store import Store
from bot.store.reminders import NextNudge
from tests.helpers import hops
from tests.store.conftest import NOW, TODAY

SOON, LATER = NOW + timedelta(minutes=5), NOW + timedelta(hours=2)


async def test_a_message_is_claimed_once(store: Store) -> None:
    day = DayPeriod(TODAY)
    first = await store.deliveries.claim(1, DeliveryKind.NUDGE, day, NOW, NextNudge(LATER, "nudge"))
    assert first is not None
    assert (first.chat_id, first.kind, first.period) == (1, DeliveryKind.NUDGE, "2026-03-02")
    assert await store.deliveries.claim(1, DeliveryKind.NUDGE, day, NOW) is None
    # The same day for another kind or another chat is another message.
    assert await store.deliveries.claim(1, DeliveryKind.LAST_CALL, day, NOW) is not None
    assert await store.deliveries.claim(2, DeliveryKind.NUDGE, day, NOW) is not None
    # The claim moved the schedule on in the same transaction.
    assert await store.reminders.next_nudge(1) == NextNudge(LATER, "nudge")


async def test_a_claim_and_its_schedule_move_take_one_trip_to_the_database(store: Store) -> None:
    """A sweep claims each message it finds due: the delivery row and every schedule move in
    one unit of work, one trip to the database's thread (it was 3 + one per move)."""
    backoff = NudgeBackoff(2, TODAY, TODAY, "auto")
    with hops(store.db) as queued:
        claimed = await store.deliveries.claim(
            1, DeliveryKind.NUDGE, DayPeriod(TODAY), NOW, (NextNudge(LATER, "nudge"), backoff)
        )
        again = await store.deliveries.claim(
            1, DeliveryKind.NUDGE, DayPeriod(TODAY), NOW, NextNudge(SOON, "nudge")
        )
    assert claimed is not None
    assert again is None
    assert len(queued) == 2, queued
    assert await store.reminders.next_nudge(1) == NextNudge(SOON, "nudge")
    assert await store.reminders.backoff(1) == backoff


async def test_after_a_restart_pending_messages_return_and_half_sent_ones_do_not(
    store: Store,
) -> None:
    pending = await store.deliveries.claim(1, DeliveryKind.REVIEW, KeyPeriod("p1m1"), NOW)
    sending = await store.deliveries.claim(1, DeliveryKind.FOLLOWUP, DayPeriod(TODAY), NOW)
    sent = await store.deliveries.claim(2, DeliveryKind.NUDGE, DayPeriod(TODAY), NOW)
    assert pending is not None
    assert sending is not None
    assert sent is not None
    await store.deliveries.set_status(sending.delivery_id, "sending", NOW)
    await store.deliveries.set_status(sent.delivery_id, "sent", NOW)
    assert await store.deliveries.reopen_after_restart(LATER) == [pending]
    async with store.db.reading() as conn:
        statuses = await conn.execute_fetchall(
            "SELECT delivery_id, status FROM deliveries ORDER BY delivery_id"
        )
    assert [tuple(row) for row in statuses] == [
        (pending.delivery_id, "pending"),
        (sending.delivery_id, "unknown"),
        (sent.delivery_id, "sent"),
    ]


async def test_a_pending_message_of_a_kind_this_version_does_not_know_is_skipped(
    store: Store,
) -> None:
    async with store.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO deliveries (chat_id, kind, period, created_at, updated_at)"
            " VALUES (1, 'from_the_future', 'x', '', '')"
        )
    assert await store.deliveries.reopen_after_restart(NOW) == []
    async with store.db.reading() as conn:
        rows = await conn.execute_fetchall("SELECT status FROM deliveries")
    assert [row[0] for row in rows] == ["skipped"]
