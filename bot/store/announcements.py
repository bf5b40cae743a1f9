"""The owner's announcements: a draft, confirmed once, then one delivery per recipient.

Confirming is one transaction: the draft becomes `sending` (a second press finds it no longer a
draft and changes nothing) and a delivery row is claimed for every user who can be written to and
wants news. From there the outbound queue owns them: its limits, retries and 403 handling apply,
and a restart resends what was still pending (`Deliveries.reopen_after_restart`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.domain.admin import FanOut
from bot.domain.deliveries import DeliveryKind
from bot.store.db import Queries, Row, fetch_all, to_db_instant, whole_row
from bot.store.deliveries import Delivery

AnnouncementStatus = Literal["draft", "cancelled", "sending", "done"]
_KIND = DeliveryKind.ANNOUNCE.value

# Who gets an announcement: wrote to the bot in private, hasn't blocked it, hasn't said /news off.
_RECIPIENTS = "private_chat = 1 AND blocked_at IS NULL AND news_on = 1"


@dataclass(frozen=True)
class Announcement:
    announcement_id: int
    owner_id: int
    text: str  # as the owner typed it; escaped when rendered
    status: AnnouncementStatus
    recipients: int
    status_chat_id: int | None  # the owner's message that shows the progress
    status_message_id: int | None


def _announcement(row: Row) -> Announcement:
    return Announcement(
        announcement_id=row["announcement_id"],
        owner_id=row["owner_id"],
        text=row["text"],
        status=row["status"],
        recipients=row["recipients"],
        status_chat_id=row["status_chat_id"],
        status_message_id=row["status_message_id"],
    )


class Announcements(Queries):
    async def draft(self, owner_id: int, text: str, now: datetime) -> int:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO announcements (owner_id, text, created_at) VALUES (?, ?, ?)",
                (owner_id, text, to_db_instant(now)),
            )
        return cursor.lastrowid or 0

    async def get(self, announcement_id: int) -> Announcement | None:
        return await self._db.one(
            "SELECT * FROM announcements WHERE announcement_id = ?",
            (announcement_id,),
            _announcement,
        )

    async def eligible(self) -> int:
        """How many users an announcement confirmed now would go to (the preview says)."""
        found = await self._db.one(
            f"SELECT COUNT(*) AS n FROM users WHERE {_RECIPIENTS}", (), lambda r: int(r["n"])
        )
        return found or 0

    async def cancel(self, announcement_id: int) -> bool:
        """False when it is no longer a draft (sent, or cancelled already)."""
        return await self._move(announcement_id, "draft", "cancelled")

    async def _move(self, announcement_id: int, was: str, becomes: str) -> bool:
        """One status change, only from `was`: False when something else moved it first."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE announcements SET status = ? WHERE announcement_id = ? AND status = ?",
                (becomes, announcement_id, was),
            )
        return cursor.rowcount > 0

    async def confirm(self, announcement_id: int, now: datetime) -> int | None:
        """Claim one delivery per recipient; the number of recipients, or None when it was not a
        draft any more (a second press, or cancelled)."""
        stamp = to_db_instant(now)
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE announcements SET status = 'sending', confirmed_at = ?"
                " WHERE announcement_id = ? AND status = 'draft'",
                (stamp, announcement_id),
            )
            if cursor.rowcount == 0:
                return None
            cursor = await conn.execute(
                "INSERT INTO deliveries (chat_id, kind, period, created_at, updated_at)"
                f" SELECT user_id, ?, ?, ?, ? FROM users WHERE {_RECIPIENTS}"
                " ON CONFLICT DO NOTHING",
                (_KIND, str(announcement_id), stamp, stamp),
            )
            recipients = cursor.rowcount
            await conn.execute(
                "UPDATE announcements SET recipients = ? WHERE announcement_id = ?",
                (recipients, announcement_id),
            )
        return recipients

    async def show_progress_in(self, announcement_id: int, chat_id: int, message_id: int) -> None:
        """The owner's message that the progress edits."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE announcements SET status_chat_id = ?, status_message_id = ?"
                " WHERE announcement_id = ?",
                (chat_id, message_id, announcement_id),
            )

    async def queued(self, announcement_id: int) -> list[Delivery]:
        """Its deliveries still waiting, to hand to the outbound queue."""
        async with self._db.reading() as conn:
            rows = await fetch_all(
                conn,
                "SELECT delivery_id, chat_id FROM deliveries"
                " WHERE kind = ? AND period = ? AND status = 'pending' ORDER BY delivery_id",
                (_KIND, str(announcement_id)),
                whole_row,
            )
        period = str(announcement_id)
        return [
            Delivery(r["delivery_id"], r["chat_id"], DeliveryKind.ANNOUNCE, period) for r in rows
        ]

    async def sending(self) -> list[Announcement]:
        return await self._db.all(
            "SELECT * FROM announcements WHERE status = 'sending' ORDER BY announcement_id",
            (),
            _announcement,
        )

    async def fan_out(self, announcement: Announcement) -> FanOut:
        counts = await self._db.one(
            "SELECT"
            " COALESCE(SUM(d.status = 'sent'), 0) AS sent,"
            " COALESCE(SUM(d.status = 'failed' AND u.blocked_at IS NULL), 0) AS failed,"
            " COALESCE(SUM(d.status = 'failed' AND u.blocked_at IS NOT NULL), 0) AS blocked,"
            " COALESCE(SUM(d.status = 'unknown'), 0) AS unknown,"
            " COALESCE(SUM(d.status = 'skipped'), 0) AS skipped"
            " FROM deliveries d LEFT JOIN users u ON u.user_id = d.chat_id"
            " WHERE d.kind = ? AND d.period = ?",
            (_KIND, str(announcement.announcement_id)),
            whole_row,
        )
        assert counts is not None  # an aggregate always has a row
        return FanOut(
            recipients=announcement.recipients,
            sent=counts["sent"],
            failed=counts["failed"],
            blocked=counts["blocked"],
            unknown=counts["unknown"],
            skipped=counts["skipped"],
        )

    async def finish(self, announcement_id: int) -> bool:
        """Mark it done; False when another sweep got there first (report once)."""
        return await self._move(announcement_id, "sending", "done")
