"""Follower counts, one row per reading."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.models import FollowerCount
from bot.store.db import Queries, Row, from_db_date, from_db_instant, to_db_instant


class Followers(Queries):
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
        return await self._db.all(
            "SELECT platform, count, recorded_at, local_date FROM follower_counts"
            " WHERE user_id = ? ORDER BY id",
            (user_id,),
            _count,
        )


def _count(row: Row) -> FollowerCount:
    return FollowerCount(
        row["platform"],
        row["count"],
        from_db_instant(row["recorded_at"]),
        from_db_date(row["local_date"]),
    )
