"""The deliveries ledger: every proactive message, claimed before it is sent.

A sweep claims each message (nudges, follow-ups, reviews, the morning rest-day notice, and the
rooms' digests, summaries and cheer notices alike): one transaction inserts the delivery row
(unique per chat, kind and period) and moves the schedule on. A second sweep or a restart finds the
row and sends nothing. Its status moves pending → sending → sent / skipped / failed / unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.domain.deliveries import DeliveryKind, PeriodCodec
from bot.store.db import Conn, Queries, to_db_instant
from bot.store.reminders import Advance, advance, advances

Status = Literal["pending", "sending", "sent", "skipped", "failed", "unknown"]


@dataclass(frozen=True)
class Delivery:
    """A claimed message. `period` is stored text; the kind's period type reads it (see
    `bot.domain.deliveries`)."""

    delivery_id: int
    chat_id: int
    kind: DeliveryKind
    period: str


class Deliveries(Queries):
    async def claim(
        self,
        chat_id: int,
        kind: DeliveryKind,
        about: PeriodCodec,
        now: datetime,
        then: Advance | Sequence[Advance] | None = None,
    ) -> Delivery | None:
        """Record that this message is going out, and move the schedule on, in one transaction.
        None when it was already claimed (sent, or on its way)."""
        period = about.encode()
        stamp = to_db_instant(now)

        def unit(conn: Conn) -> int | None:
            cursor = conn.execute(
                "INSERT INTO deliveries (chat_id, kind, period, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, kind.value, period, stamp, stamp),
            )
            for step in advances(then):
                advance(conn, chat_id, step)
            return cursor.lastrowid if cursor.rowcount > 0 else None

        delivery_id = await self._db.work(unit)
        if delivery_id is None:
            return None
        return Delivery(delivery_id, chat_id, kind, period)

    async def set_status(self, delivery_id: int, status: Status, now: datetime) -> None:
        await self._db.work(
            lambda conn: conn.execute(
                "UPDATE deliveries SET status = ?, updated_at = ?,"
                " attempts = attempts + (? = 'sending') WHERE delivery_id = ?",
                (status, to_db_instant(now), status, delivery_id),
            )
        )

    async def reopen_after_restart(self, now: datetime) -> list[Delivery]:
        """Deliveries the last run claimed but never sent go out now. One that was mid-send when
        the process died may or may not have reached Telegram: it is marked unknown, never sent
        twice. A kind this version does not know (written by a newer one) is skipped."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE deliveries SET status = 'unknown', updated_at = ? WHERE status = 'sending'",
                (to_db_instant(now),),
            )
            async with conn.execute(
                "SELECT delivery_id, chat_id, kind, period FROM deliveries"
                " WHERE status = 'pending' ORDER BY delivery_id"
            ) as cursor:
                found = await cursor.fetchall()
            pending, unknown = [], []
            for delivery_id, chat_id, kind, period in found:
                parsed = DeliveryKind.parse(kind)
                if parsed is None:
                    unknown.append((to_db_instant(now), delivery_id))
                else:
                    pending.append(Delivery(delivery_id, chat_id, parsed, period))
            await conn.executemany(
                "UPDATE deliveries SET status = 'skipped', updated_at = ? WHERE delivery_id = ?",
                unknown,
            )
        return pending

    async def proactive_since(self, chat_id: int, since: datetime) -> int:
        """Proactive messages claimed for this chat since `since` (at most 3 a day)."""
        found = await self._db.one(
            "SELECT COUNT(*) AS n FROM deliveries WHERE chat_id = ? AND created_at >= ?"
            " AND status != 'skipped'",
            (chat_id, to_db_instant(since)),
            lambda row: int(row["n"]),
        )
        return found or 0
