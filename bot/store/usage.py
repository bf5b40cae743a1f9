"""What each user used of their daily limits (posts, follower counts), per local day.

A limit is taken inside the transaction of the write it is for (`take_in`): the count and the
post (or reading) commit together or not at all. Taken in a transaction of its own, the count
would be the update's first write and mark it handled (`bot.store.updates`), so a crash before
the post itself would lose the post for good: the redelivered update would be skipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# Older days are never asked about again: pruned as new ones are counted.
_KEEP_DAYS = 2


class DailyKind(StrEnum):
    POSTS = "posts"
    FOLLOWER_COUNTS = "follower_counts"


@dataclass(frozen=True)
class DailyCap:
    """At most `limit` of `kind` on the user's local `day`."""

    kind: DailyKind
    day: date
    limit: int


class DailyLimitError(Exception):
    """The day's limit is used up: nothing was stored."""


def take_in(conn: sqlite3.Connection, user_id: int, cap: DailyCap) -> None:
    """Inside a write's `work` unit: count one more, or raise `DailyLimitError` (which rolls the
    whole write back). Two at once can't both take the last one: the transaction serialises."""
    cursor = conn.execute(
        "INSERT INTO daily_usage (user_id, kind, day, used) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (user_id, kind, day) DO UPDATE SET used = used + 1"
        " WHERE used < ?",
        (user_id, cap.kind.value, cap.day.isoformat(), cap.limit),
    )
    conn.execute(
        "DELETE FROM daily_usage WHERE user_id = ? AND day < ?",
        (user_id, (cap.day - timedelta(days=_KEEP_DAYS)).isoformat()),
    )
    if cursor.rowcount == 0:
        raise DailyLimitError(cap.kind.value)
