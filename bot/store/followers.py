"""Follower counts, one row per reading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.entries import EntryKind
from bot.domain.models import FollowerCount
from bot.store.db import (
    Conn,
    Queries,
    Row,
    all_rows,
    from_db_date,
    from_db_instant,
    one_row,
    to_db_instant,
)
from bot.store.journal import journal, unjournal
from bot.store.usage import DailyCap, take_in


@dataclass(frozen=True)
class Recorded:
    """A stored reading: the user's whole history (what every reply needs), and the same-day
    count on that platform it replaced, if any."""

    history: list[FollowerCount]
    replaced: FollowerCount | None


class Followers(Queries):
    async def record(
        self,
        user_id: int,
        platform: str,
        count: int,
        now: datetime,
        day: date,
        cap: DailyCap | None = None,
    ) -> Recorded:
        """Store a reading; a count on the same platform and local day replaces that one (a
        correction, not growth, though it counts against `cap`, the daily limit)."""
        return await self._db.work(
            lambda conn: _record(conn, user_id, platform, count, now, day, cap)
        )

    async def history(self, user_id: int) -> list[FollowerCount]:
        """Every count, oldest first."""
        return await self._db.work(lambda conn: _history(conn, user_id), write=False)


def _history(conn: Conn, user_id: int) -> list[FollowerCount]:
    return all_rows(
        conn,
        "SELECT platform, count, recorded_at, local_date FROM follower_counts"
        " WHERE user_id = ? ORDER BY id",
        (user_id,),
        _count,
    )


def _record(
    conn: Conn,
    user_id: int,
    platform: str,
    count: int,
    now: datetime,
    day: date,
    cap: DailyCap | None,
) -> Recorded:
    """Inside a `work` unit: see `Followers.record`."""
    if cap is not None:
        take_in(conn, user_id, cap)
    same_day = one_row(
        conn,
        "SELECT id, platform, count, recorded_at, local_date FROM follower_counts"
        " WHERE user_id = ? AND platform = ? AND local_date = ?",
        (user_id, platform, day.isoformat()),
        lambda row: (int(row["id"]), _count(row)),
    )
    if same_day is not None:
        conn.execute("DELETE FROM follower_counts WHERE id = ?", (same_day[0],))
        unjournal(conn, user_id, EntryKind.FOLLOWERS, same_day[0])
    cursor = conn.execute(
        "INSERT INTO follower_counts (user_id, platform, count, recorded_at, local_date)"
        " VALUES (?, ?, ?, ?, ?)",
        (user_id, platform, count, to_db_instant(now), day.isoformat()),
    )
    journal(conn, user_id, EntryKind.FOLLOWERS, cursor.lastrowid, now)
    return Recorded(_history(conn, user_id), same_day[1] if same_day else None)


def _count(row: Row) -> FollowerCount:
    return FollowerCount(
        row["platform"],
        row["count"],
        from_db_instant(row["recorded_at"]),
        from_db_date(row["local_date"]),
    )
