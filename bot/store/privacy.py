"""Everything stored about one user: to hand it over (/export) or to delete it (/forget).

One table of rules names every table and how its rows concern a user, so export and deletion can
never disagree about what "everything" means; a test checks it covers every table with user data.
Rows another person wrote that name the user (Kim's cheer on Maya's post, Kim following Maya) are
deleted with the user, but exported only when that person shares them with the user in a room:
an export must not hand over what its owner couldn't see in the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.store.db import Queries, fetch_all

_OWN_POSTS = "post_id IN (SELECT post_id FROM posts WHERE user_id = :user)"


def _shared_in_a_room(table: str, column: str, flag: str) -> str:
    """The row's author (`table`.`column`) is in a room with the user and lets rooms see `flag`
    (see /share)."""
    author = f"{table}.{column}"
    return (
        f"EXISTS (SELECT 1 FROM memberships mine JOIN memberships theirs USING (chat_id)"
        f" JOIN users u ON u.user_id = theirs.user_id"
        f" WHERE mine.user_id = :user AND theirs.user_id = {author} AND u.{flag} = 1)"
    )


@dataclass(frozen=True)
class Concerns:
    """How a table's rows concern a user: `own` rows are theirs (exported and deleted); `others`
    are rows someone else wrote that name them (deleted with them); `shown` is when one of those
    is the user's to see (exported), None: never."""

    own: str
    others: str | None = None
    shown: str | None = None

    @property
    def deleted(self) -> str:
        return self.own if self.others is None else f"({self.own}) OR ({self.others})"

    @property
    def exported(self) -> str:
        if self.others is None or self.shown is None:
            return self.own
        return f"({self.own}) OR (({self.others}) AND {self.shown})"


# Table → how its rows concern a user. Children come before parents, the order deletion needs.
USER_ROWS: dict[str, Concerns] = {
    "post_tags": Concerns(_OWN_POSTS),
    "post_metrics": Concerns(_OWN_POSTS),
    "metric_readings": Concerns(_OWN_POSTS),
    # A cheer on your post is the cheerer's room activity: seen when they share their posts.
    "cheers": Concerns(
        "user_id = :user",
        others=f"user_id != :user AND {_OWN_POSTS}",
        shown=_shared_in_a_room("cheers", "user_id", "share_posts"),
    ),
    "posts": Concerns("user_id = :user"),
    "user_platforms": Concerns("user_id = :user"),
    "follower_counts": Concerns("user_id = :user"),
    "programs": Concerns("user_id = :user"),
    "rest_days": Concerns("user_id = :user"),
    "entries": Concerns("user_id = :user"),
    "shared_links": Concerns("user_id = :user"),
    "daily_usage": Concerns("user_id = :user"),
    "memberships": Concerns("user_id = :user"),
    # Who follows you shows in /mutual only for members who share their handles.
    "follows": Concerns(
        "follower_id = :user",
        others="followed_id = :user",
        shown=_shared_in_a_room("follows", "follower_id", "share_handles"),
    ),
    # Your own row names your buddy; theirs naming you is theirs.
    "buddies": Concerns("user_id = :user", others="buddy_id = :user"),
    "deliveries": Concerns("chat_id = :user"),
    "announcements": Concerns("owner_id = :user"),  # what an owner announced
    "users": Concerns("user_id = :user"),
}


class Privacy(Queries):
    async def export(self, user_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row that is the user's to have, table by table (parents first, as people read
        them); a long read, so a big history holds up nobody else."""
        found: dict[str, list[dict[str, Any]]] = {}
        async with self._db.snapshot() as conn:
            for table in reversed(USER_ROWS):
                found[table] = await fetch_all(
                    conn,
                    f"SELECT * FROM {table} WHERE {USER_ROWS[table].exported}",
                    {"user": user_id},
                    dict,
                )
        return found

    async def forget(self, user_id: int) -> int:
        """Delete every row about the user, in one transaction; returns how many."""
        deleted = 0
        async with self._db.transaction() as conn:
            for table, concerns in USER_ROWS.items():
                cursor = await conn.execute(
                    f"DELETE FROM {table} WHERE {concerns.deleted}", {"user": user_id}
                )
                deleted += max(cursor.rowcount, 0)
        return deleted
