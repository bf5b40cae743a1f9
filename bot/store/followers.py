"""Follower counts, one row per reading."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.models import FollowerCount
from bot.store.db import Database, from_db_date, from_db_instant, to_db_instant


class Followers:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(
        self, user_id: int, platform: str, count: int, now: datetime, day: date
    ) -> list[FollowerCount]:
        """Store a reading and return the user's whole history (what every reply needs)."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO follower_counts (user_id, platform, count, recorded_at, local_date)"
                " VALUES (?, ?, ?, ?, ?)",
                (user_id, platform, count, to_db_instant(now), day.isoformat()),
            )
        return await self.history(user_id)

    async def history(self, user_id: int) -> list[FollowerCount]:
        async with (
            self._db.reading() as conn,
            conn.execute(
                "SELECT platform, count, recorded_at, local_date FROM follower_counts"
                " WHERE user_id = ? ORDER BY id",
                (user_id,),
            ) as cursor,
        ):
            return [
                FollowerCount(
                    r["platform"],
                    r["count"],
                    from_db_instant(r["recorded_at"]),
                    from_db_date(r["local_date"]),
                )
                for r in await cursor.fetchall()
            ]
