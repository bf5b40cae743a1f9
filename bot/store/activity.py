"""What the /metrics page reads from the database when it is scraped: cheap counts only.

"Active today" means a user recorded a post or follower count on a local day dated today (UTC):
`daily_usage` already holds exactly that, a few days per user, so the count never scans posts.
The queue depth counts deliveries pending or being sent, through their partial index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.store.db import Queries, fetch_one


@dataclass(frozen=True)
class Activity:
    queue_depth: int
    users_today: int
    rooms_today: int


class ActivityCounts(Queries):
    async def on(self, day: date) -> Activity:
        """The counts for `day`, read together."""
        async with self._db.reading() as conn:
            depth = await fetch_one(
                conn,
                "SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending')",
                (),
                lambda row: int(row[0]),
            )
            users = await fetch_one(
                conn,
                "SELECT count(DISTINCT user_id) FROM daily_usage WHERE day = ?",
                (day.isoformat(),),
                lambda row: int(row[0]),
            )
            rooms = await fetch_one(
                conn,
                "SELECT count(DISTINCT m.chat_id) FROM memberships m"
                " JOIN daily_usage d ON d.user_id = m.user_id WHERE d.day = ?",
                (day.isoformat(),),
                lambda row: int(row[0]),
            )
        return Activity(depth or 0, users or 0, rooms or 0)

    async def answers(self) -> bool:
        """The database answers a trivial query (readiness)."""
        return await self._db.one("SELECT 1", (), lambda row: int(row[0]) == 1) or False
