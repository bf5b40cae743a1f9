"""Everything stored about one user: to hand it over (/export) or to delete it (/forget).

One list names every table and how its rows belong to a user, so export and deletion can never
disagree about what "everything" means; a test checks the list covers every table with user data.
"""

from __future__ import annotations

from typing import Any

from bot.store.db import Queries, fetch_all

_OWN_POSTS = "post_id IN (SELECT post_id FROM posts WHERE user_id = :user)"

# Table → which of its rows are the user's. Children come before parents, the order deletion needs.
USER_ROWS: dict[str, str] = {
    "post_tags": _OWN_POSTS,
    "post_metrics": _OWN_POSTS,
    "metric_readings": _OWN_POSTS,
    "cheers": f"user_id = :user OR {_OWN_POSTS}",
    "posts": "user_id = :user",
    "user_platforms": "user_id = :user",
    "follower_counts": "user_id = :user",
    "programs": "user_id = :user",
    "rest_days": "user_id = :user",
    "entries": "user_id = :user",
    "shared_links": "user_id = :user",
    "daily_usage": "user_id = :user",
    "memberships": "user_id = :user",
    "follows": "follower_id = :user OR followed_id = :user",
    "buddies": "user_id = :user OR buddy_id = :user",
    "deliveries": "chat_id = :user",
    "users": "user_id = :user",
}


class Privacy(Queries):
    async def export(self, user_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row about the user, table by table (parents first, as people read them); a long
        read, so a big history holds up nobody else."""
        found: dict[str, list[dict[str, Any]]] = {}
        async with self._db.long_read() as conn:
            for table in reversed(USER_ROWS):
                found[table] = await fetch_all(
                    conn, f"SELECT * FROM {table} WHERE {USER_ROWS[table]}", {"user": user_id}, dict
                )
        return found

    async def forget(self, user_id: int) -> int:
        """Delete every row about the user, in one transaction; returns how many."""
        deleted = 0
        async with self._db.transaction() as conn:
            for table, belongs in USER_ROWS.items():
                cursor = await conn.execute(
                    f"DELETE FROM {table} WHERE {belongs}", {"user": user_id}
                )
                deleted += max(cursor.rowcount, 0)
        return deleted
