"""Group rooms: groups, memberships, cheers, follows and buddies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

import aiosqlite

from bot.domain.models import DayActivity, FollowerCount
from bot.domain.rooms import CheerNotice, Group, RoomMember
from bot.domain.streaks import rest_allowance
from bot.domain.timezones import zone
from bot.store.db import (
    Queries,
    Row,
    fetch_one,
    fetch_rows,
    from_db_date,
    from_db_instant,
    mapped,
    to_db_instant,
    update_columns,
)
from bot.store.posts import _POST_COLUMNS, _post  # a hit reads like any post
from bot.store.users import sharing_of

GROUP_EDITABLE = frozenset(
    {
        "title",
        "language",
        "timezone",
        "digest_time",
        "mention_missing",
        "board_metric",
        "topic_id",
        "buddies_on",
        "goal_kind",
        "goal_value",
        "active",
    }
)


def _group(row: aiosqlite.Row) -> Group:
    return Group(
        chat_id=row["chat_id"],
        title=row["title"],
        language=row["language"],
        zone=zone(row["timezone"]),
        digest_time=row["digest_time"],
        mention_missing=bool(row["mention_missing"]),
        board_metric=row["board_metric"],
        topic_id=row["topic_id"],
        buddies_on=bool(row["buddies_on"]),
        goal_kind=row["goal_kind"],
        goal_value=row["goal_value"],
        active=bool(row["active"]),
        next_digest_at=from_db_instant(row["next_digest_at"]) if row["next_digest_at"] else None,
        created_at=from_db_instant(row["created_at"]),
    )


T = TypeVar("T")

# `room_members`' queries: each reads one table for all of a room's members at once (by the
# membership's key, then the table's per-user index), the member's id first.
_MEMBERS = (
    "SELECT u.user_id, u.first_name, u.username, u.posting_days_per_week,"
    " u.share_streaks, u.share_posts, u.share_followers, u.share_handles"
    " FROM memberships m JOIN users u ON u.user_id = m.user_id WHERE m.chat_id = ?"
    " ORDER BY m.joined_at, u.user_id"
)
_HANDLES = (
    "SELECT x.user_id, x.platform, x.handle FROM memberships m JOIN user_platforms x"
    " ON x.user_id = m.user_id WHERE m.chat_id = ? AND x.handle IS NOT NULL ORDER BY x.position"
)
_ACTIVITY = (
    "SELECT x.user_id, x.local_date, COUNT(*) FROM memberships m JOIN posts x"
    " ON x.user_id = m.user_id WHERE m.chat_id = ? GROUP BY x.user_id, x.local_date"
    " ORDER BY x.local_date"
)
_RESTS = (
    "SELECT x.user_id, x.local_date FROM memberships m JOIN rest_days x"
    " ON x.user_id = m.user_id WHERE m.chat_id = ? ORDER BY x.local_date"
)
_HITS = (
    f"SELECT {_POST_COLUMNS} FROM memberships m JOIN posts p ON p.user_id = m.user_id"
    " WHERE m.chat_id = ? AND p.hit_date IS NOT NULL ORDER BY p.number"
)
_POSTS = (
    f"SELECT {_POST_COLUMNS} FROM memberships m JOIN users u ON u.user_id = m.user_id"
    " JOIN posts p ON p.user_id = m.user_id WHERE m.chat_id = ? AND u.share_posts = 1"
    " ORDER BY p.number"
)
_COUNTS = (
    "SELECT x.user_id, x.platform, x.count, x.recorded_at, x.local_date FROM memberships m"
    " JOIN follower_counts x ON x.user_id = m.user_id WHERE m.chat_id = ? ORDER BY x.id"
)


def _day_activity(row: aiosqlite.Row) -> DayActivity:
    return DayActivity(from_db_date(row[1]), row[2])


def _follower_count(row: aiosqlite.Row) -> FollowerCount:
    return FollowerCount(row[1], row[2], from_db_instant(row[3]), from_db_date(row[4]))


@dataclass(frozen=True)
class Member:
    user_id: int
    name: str
    username: str | None


class Rooms(Queries):
    # --- groups -----------------------------------------------------------------------------------

    async def ensure(self, chat_id: int, title: str, timezone: str, now: datetime) -> Group:
        """The group's row, created on first sight; its title kept current."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO groups (chat_id, title, timezone, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title"
                " WHERE title IS NOT excluded.title",
                (chat_id, title[:128], timezone, to_db_instant(now)),
            )
            group = await self._load(conn, chat_id)
        assert group is not None
        return group

    async def get(self, chat_id: int) -> Group | None:
        async with self._db.reading() as conn:
            return await self._load(conn, chat_id)

    async def update(self, chat_id: int, **fields: object) -> Group:
        async with self._db.transaction() as conn:
            await update_columns(conn, "groups", ("chat_id", chat_id), fields, GROUP_EDITABLE)
            group = await self._load(conn, chat_id)
        if group is None:
            raise LookupError(chat_id)
        return group

    async def migrate(self, old: int, new: int) -> bool:
        """A group became a supergroup: everything moves to the new chat id (once)."""
        async with self._db.transaction() as conn:
            if await fetch_one(conn, "SELECT 1 FROM groups WHERE chat_id = ?", (new,), bool):
                return False
            cursor = await conn.execute(
                "UPDATE groups SET chat_id = ? WHERE chat_id = ?", (new, old)
            )
            if cursor.rowcount == 0:
                return False
            await conn.execute("UPDATE cheers SET chat_id = ? WHERE chat_id = ?", (new, old))
            await conn.execute("UPDATE deliveries SET chat_id = ? WHERE chat_id = ?", (new, old))
            return True

    async def due_digests(self, now: datetime, limit: int) -> list[tuple[int, datetime]]:
        return await self._db.all(
            "SELECT chat_id, next_digest_at FROM groups WHERE active = 1"
            " AND next_digest_at <= ? ORDER BY next_digest_at LIMIT ?",
            (to_db_instant(now), limit),
            lambda r: (r[0], from_db_instant(r[1])),
        )

    async def set_next_digest(self, chat_id: int, at: datetime | None) -> None:
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE groups SET next_digest_at = ? WHERE chat_id = ?",
                (to_db_instant(at) if at else None, chat_id),
            )

    # --- members ----------------------------------------------------------------------------------

    async def join(self, chat_id: int, user_id: int, now: datetime) -> bool:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO memberships (chat_id, user_id, joined_at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (chat_id, user_id, to_db_instant(now)),
            )
            return cursor.rowcount > 0

    async def leave(self, chat_id: int, user_id: int) -> bool:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM memberships WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            )
            return cursor.rowcount > 0

    async def is_member(self, chat_id: int, user_id: int) -> bool:
        found = await self._db.one(
            "SELECT 1 FROM memberships WHERE chat_id = ? AND user_id = ?", (chat_id, user_id), bool
        )
        return found is not None

    async def members(self, chat_id: int) -> list[Member]:
        return await self._db.all(
            "SELECT u.user_id, u.first_name, u.username FROM memberships m"
            " JOIN users u ON u.user_id = m.user_id WHERE m.chat_id = ?"
            " ORDER BY m.joined_at, u.user_id",
            (chat_id,),
            lambda r: Member(r[0], r[1], r[2]),
        )

    async def room_members(self, chat_id: int, *, posts: bool = False) -> list[RoomMember]:
        """Every member with what the room's views, digests and summaries need, in one read: six
        queries over all members at once, however many there are. In joining order. `posts`:
        also every post of those who share them (the room's /insights), in one more query."""
        async with self._db.snapshot() if posts else self._db.reading() as conn:
            every = await _by_member(conn, _POSTS, chat_id, _post) if posts else {}
            rows = await conn.execute_fetchall(_MEMBERS, (chat_id,))
            handles = await _by_member(conn, _HANDLES, chat_id, lambda r: (r[1], r[2]))
            activity = await _by_member(conn, _ACTIVITY, chat_id, _day_activity)
            rests = await _by_member(conn, _RESTS, chat_id, lambda r: from_db_date(r[1]))
            hits = await _by_member(conn, _HITS, chat_id, _post)
            counts = await _by_member(conn, _COUNTS, chat_id, _follower_count)
        return [
            RoomMember(
                user_id=r["user_id"],
                name=r["first_name"],
                username=r["username"],
                sharing=sharing_of(r),
                handles=dict(handles.get(r["user_id"], [])),
                activity=activity.get(r["user_id"], []),
                rest_days=rests.get(r["user_id"], []),
                rest_allowance=rest_allowance(r["posting_days_per_week"]),
                hits=hits.get(r["user_id"], []),
                follower_counts=counts.get(r["user_id"], []),
                posts=every.get(r["user_id"], []),
            )
            for r in rows
        ]

    # --- cheers -----------------------------------------------------------------------------------

    async def cheer(self, post_id: int, user_id: int, chat_id: int, now: datetime) -> int | None:
        """The post's cheer count after this one; None when this member had cheered already."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO cheers (post_id, user_id, chat_id, cheered_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (post_id, user_id, chat_id, to_db_instant(now)),
            )
            if cursor.rowcount == 0:
                return None
            count = await fetch_one(
                conn, "SELECT COUNT(*) FROM cheers WHERE post_id = ?", (post_id,), _first_int
            )
        return count or 0

    async def authors_with_untold_cheers(self, before: datetime, limit: int) -> list[int]:
        return await self._db.all(
            "SELECT DISTINCT p.user_id FROM cheers c JOIN posts p ON p.post_id = c.post_id"
            " WHERE c.notice IS NULL AND c.cheered_at <= ? LIMIT ?",
            (to_db_instant(before), limit),
            lambda r: r[0],
        )

    async def tell_cheers(self, author_id: int, before: datetime, notice: str) -> int:
        """Mark the author's cheers so far as told by one notice; returns how many."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE cheers SET notice = ? WHERE notice IS NULL AND cheered_at <= ?"
                " AND post_id IN (SELECT post_id FROM posts WHERE user_id = ?)",
                (notice, to_db_instant(before), author_id),
            )
            return cursor.rowcount

    async def cheers_in_notice(self, author_id: int, notice: str) -> list[CheerNotice]:
        return await self._db.all(
            "SELECT u.first_name, p.number, COALESCE(g.title, '') FROM cheers c"
            " JOIN posts p ON p.post_id = c.post_id JOIN users u ON u.user_id = c.user_id"
            " LEFT JOIN groups g ON g.chat_id = c.chat_id"
            " WHERE p.user_id = ? AND c.notice = ? ORDER BY c.cheer_id",
            (author_id, notice),
            lambda r: CheerNotice(r[0], r[1], r[2]),
        )

    # --- follows and buddies ----------------------------------------------------------------------

    async def follow(self, follower: int, followed: int, platform: str, now: datetime) -> bool:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO follows (follower_id, followed_id, platform, followed_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (follower, followed, platform, to_db_instant(now)),
            )
            return cursor.rowcount > 0

    async def follows_among(self, chat_id: int) -> list[tuple[int, int]]:
        return await self._db.all(
            "SELECT DISTINCT f.follower_id, f.followed_id FROM follows f"
            " JOIN memberships a ON a.user_id = f.follower_id AND a.chat_id = ?"
            " JOIN memberships b ON b.user_id = f.followed_id AND b.chat_id = ?",
            (chat_id, chat_id),
            lambda r: (r[0], r[1]),
        )

    async def set_buddies(self, chat_id: int, week: date, pairs: dict[int, int]) -> None:
        async with self._db.transaction() as conn:
            await conn.execute(
                "DELETE FROM buddies WHERE chat_id = ? AND week = ?", (chat_id, week.isoformat())
            )
            await conn.executemany(
                "INSERT INTO buddies (chat_id, week, user_id, buddy_id) VALUES (?, ?, ?, ?)",
                [(chat_id, week.isoformat(), a, b) for a, b in pairs.items()],
            )

    async def buddies_of(self, user_id: int, week: date) -> list[tuple[int, int]]:
        """(group, buddy) pairs for this user this week."""
        return await self._db.all(
            "SELECT b.chat_id, b.buddy_id FROM buddies b JOIN groups g ON g.chat_id = b.chat_id"
            " WHERE b.user_id = ? AND b.week = ? AND g.buddies_on = 1 AND g.active = 1",
            (user_id, week.isoformat()),
            lambda r: (r[0], r[1]),
        )

    @staticmethod
    async def _load(conn: aiosqlite.Connection, chat_id: int) -> Group | None:
        return await fetch_one(conn, "SELECT * FROM groups WHERE chat_id = ?", (chat_id,), _group)


async def _by_member(
    conn: aiosqlite.Connection,
    sql: str,
    chat_id: int,
    read: Callable[[aiosqlite.Row], T],
) -> dict[int, list[T]]:
    """One query over all of a room's members, its rows grouped by member (order kept)."""
    rows = await fetch_rows(conn, sql, (chat_id,))
    grouped: dict[int, list[T]] = {}
    for row, value in zip(rows, await mapped(rows, read), strict=True):
        grouped.setdefault(row["user_id"], []).append(value)
    return grouped


def _first_int(row: Row) -> int:
    return int(row[0])
