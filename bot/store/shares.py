"""Post links sent as plain messages, kept until the user answers "Log this as today's … post?"."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.share_text import SharedLink
from bot.store.db import Queries, Row, from_db_date, to_db_instant


class SharedLinks(Queries):
    async def add(self, user_id: int, text: str, day: date, now: datetime) -> int:
        """Keep a shared message; its id is what the question's buttons carry."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO shared_links (user_id, text, local_date, received_at)"
                " VALUES (?, ?, ?, ?)",
                (user_id, text, day.isoformat(), to_db_instant(now)),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    async def get(self, user_id: int, share_id: int) -> SharedLink | None:
        """The user's own share (None for another user's, or one that never was)."""
        return await self._db.one(
            "SELECT share_id, text, local_date, answer FROM shared_links"
            " WHERE user_id = ? AND share_id = ?",
            (user_id, share_id),
            _shared,
        )

    async def answer(self, user_id: int, share_id: int, answer: str) -> bool:
        """Record the answer once: False when it was already answered."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE shared_links SET answer = ?"
                " WHERE user_id = ? AND share_id = ? AND answer IS NULL",
                (answer, user_id, share_id),
            )
            return cursor.rowcount > 0


def _shared(row: Row) -> SharedLink:
    return SharedLink(
        int(row["share_id"]), str(row["text"]), from_db_date(row["local_date"]), row["answer"]
    )
