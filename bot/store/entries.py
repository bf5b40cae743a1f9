"""The journal of what a user entered, for /undo: each check-in store writes its row in the same
transaction as the entry itself (`journal.py`); `Entries` reads the most recent one back with what
it refers to, and takes it back.

A journal row whose entry is gone (a replaced follower count, a deleted post) is skipped: the
most recent entry is always one that still exists.
"""

from __future__ import annotations

from dataclasses import replace

import aiosqlite

from bot.domain.entries import Entry, EntryKind
from bot.domain.models import METRIC_NAMES, FollowerCount, Metrics
from bot.store.db import Queries, fetch_one, from_db_date, from_db_instant
from bot.store.posts import post_where

# How far back `latest` looks past journal rows whose entry is gone.
_SCAN = 20
_PREV = ", ".join(f"prev_{n}" for n in METRIC_NAMES)


class Entries(Queries):
    async def latest(self, user_id: int) -> Entry | None:
        """The user's most recent entry that still exists, or None."""
        async with self._db.reading() as conn:
            rows = await conn.execute_fetchall(
                "SELECT entry_id, kind, ref, recorded_at FROM entries WHERE user_id = ?"
                " ORDER BY entry_id DESC LIMIT ?",
                (user_id, _SCAN),
            )
            for row in rows:
                entry = await _entry(conn, user_id, row)
                if entry is not None:
                    return entry
        return None

    async def exists(self, user_id: int, entry_id: int) -> bool:
        """Whether the entry is still there (False once undone, or when never the user's)."""
        async with self._db.reading() as conn:
            row = await fetch_one(
                conn,
                "SELECT entry_id, kind, ref, recorded_at FROM entries"
                " WHERE user_id = ? AND entry_id = ?",
                (user_id, entry_id),
                lambda r: r,
            )
            return row is not None and await _entry(conn, user_id, row) is not None

    async def undo(self, user_id: int, entry: Entry) -> None:
        """Take an entry back: delete it, or for a metrics reading restore what it replaced."""
        async with self._db.transaction() as conn:
            match entry.kind:
                case EntryKind.POST:
                    assert entry.post is not None
                    await conn.execute(
                        "DELETE FROM posts WHERE user_id = ? AND post_id = ?",
                        (user_id, entry.post.post_id),
                    )
                case EntryKind.FOLLOWERS:
                    await conn.execute(
                        "DELETE FROM follower_counts WHERE user_id = ? AND id = ?",
                        (user_id, int(await _ref(conn, entry.entry_id))),
                    )
                case EntryKind.METRICS:
                    await _restore_reading(conn, int(await _ref(conn, entry.entry_id)))
                case EntryKind.REST:
                    assert entry.rest_day is not None
                    await conn.execute(
                        "DELETE FROM rest_days WHERE user_id = ? AND local_date = ?",
                        (user_id, entry.rest_day.isoformat()),
                    )
            await conn.execute("DELETE FROM entries WHERE entry_id = ?", (entry.entry_id,))


async def _ref(conn: aiosqlite.Connection, entry_id: int) -> str:
    ref = await fetch_one(
        conn, "SELECT ref FROM entries WHERE entry_id = ?", (entry_id,), lambda r: str(r[0])
    )
    assert ref is not None
    return ref


async def _entry(conn: aiosqlite.Connection, user_id: int, row: aiosqlite.Row) -> Entry | None:
    """The journal row with what it refers to, or None when that is gone."""
    kind, ref = EntryKind(row["kind"]), row["ref"]
    base = Entry(row["entry_id"], kind, from_db_instant(row["recorded_at"]))
    if kind is EntryKind.POST:
        post = await post_where(conn, "p.user_id = ? AND p.post_id = ?", (user_id, ref))
        return None if post is None else replace(base, post=post)
    if kind is EntryKind.FOLLOWERS:
        count = await fetch_one(
            conn,
            "SELECT platform, count, recorded_at, local_date FROM follower_counts"
            " WHERE user_id = ? AND id = ?",
            (user_id, ref),
            lambda r: FollowerCount(
                r["platform"],
                r["count"],
                from_db_instant(r["recorded_at"]),
                from_db_date(r["local_date"]),
            ),
        )
        return None if count is None else replace(base, count=count)
    if kind is EntryKind.METRICS:
        found = await fetch_one(
            conn,
            f"SELECT post_id, {', '.join(METRIC_NAMES)} FROM metric_readings WHERE reading_id = ?",
            (ref,),
            lambda r: (int(r["post_id"]), Metrics(**{n: r[n] for n in METRIC_NAMES})),
        )
        if found is None:
            return None
        post = await post_where(conn, "p.user_id = ? AND p.post_id = ?", (user_id, found[0]))
        return None if post is None else replace(base, post=post, reading=found[1])
    rested = await fetch_one(
        conn,
        "SELECT local_date FROM rest_days WHERE user_id = ? AND local_date = ?",
        (user_id, ref),
        lambda r: from_db_date(r["local_date"]),
    )
    return None if rested is None else replace(base, rest_day=rested)


async def _restore_reading(conn: aiosqlite.Connection, reading_id: int) -> None:
    """Put back the post's metrics and hit as they were before the reading."""
    row = await fetch_one(
        conn,
        f"SELECT post_id, had_metrics, {_PREV}, prev_updated_at, prev_hit_at, prev_hit_date"
        " FROM metric_readings WHERE reading_id = ?",
        (reading_id,),
        lambda r: r,
    )
    assert row is not None
    post_id = row["post_id"]
    if row["had_metrics"]:
        await conn.execute(
            f"UPDATE post_metrics SET {', '.join(f'{n} = ?' for n in METRIC_NAMES)},"
            " updated_at = ? WHERE post_id = ?",
            (*(row[f"prev_{n}"] for n in METRIC_NAMES), row["prev_updated_at"], post_id),
        )
    else:
        await conn.execute("DELETE FROM post_metrics WHERE post_id = ?", (post_id,))
    await conn.execute(
        "UPDATE posts SET hit_at = ?, hit_date = ? WHERE post_id = ?",
        (row["prev_hit_at"], row["prev_hit_date"], post_id),
    )
    await conn.execute("DELETE FROM metric_readings WHERE reading_id = ?", (reading_id,))
