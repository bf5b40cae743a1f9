"""What each user used of their daily limits (posts, follower counts), per local day."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from bot.store.db import Queries

# Older days are never asked about again: pruned as new ones are counted.
_KEEP_DAYS = 2


class DailyKind(StrEnum):
    POSTS = "posts"
    FOLLOWER_COUNTS = "follower_counts"


class Usage(Queries):
    async def take(self, user_id: int, kind: DailyKind, day: date, limit: int) -> bool:
        """Count one more on the user's local `day`; False (and nothing counted) when `limit`
        is used up. One transaction: two at once can't both take the last one."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO daily_usage (user_id, kind, day, used) VALUES (?, ?, ?, 1)"
                " ON CONFLICT (user_id, kind, day) DO UPDATE SET used = used + 1"
                " WHERE used < ?",
                (user_id, kind.value, day.isoformat(), limit),
            )
            await conn.execute(
                "DELETE FROM daily_usage WHERE user_id = ? AND day < ?",
                (user_id, (day - timedelta(days=_KEEP_DAYS)).isoformat()),
            )
            return cursor.rowcount > 0

    async def give_back(self, user_id: int, kind: DailyKind, day: date) -> None:
        """The write it was taken for was refused (a duplicate link): it doesn't count."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE daily_usage SET used = used - 1"
                " WHERE user_id = ? AND kind = ? AND day = ? AND used > 0",
                (user_id, kind.value, day.isoformat()),
            )
