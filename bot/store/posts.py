"""Posts, their tags and their metrics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import aiosqlite

from bot.domain.entries import EntryKind
from bot.domain.hits import HitChange, hit_change
from bot.domain.models import METRIC_NAMES, DayActivity, Metrics, Post, PostDraft
from bot.domain.review import ScoredPost
from bot.store.db import (
    Conn,
    Queries,
    all_rows,
    fetch_one,
    from_db_date,
    from_db_instant,
    one_row,
    to_db_instant,
    whole_row,
)
from bot.store.journal import journal
from bot.store.usage import DailyCap, take_in


@dataclass(frozen=True)
class MessageRef:
    """A Telegram message: its chat and its id there."""

    chat_id: int
    message_id: int


class DuplicatePostError(Exception):
    """The same link is already logged; `number` is the existing post's number."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


_POST_COLUMNS = """
    p.post_id, p.user_id, p.number, p.platform, p.link, p.title, p.logged_at, p.local_date,
    p.hit_date, (SELECT group_concat(tag, ' ') FROM post_tags t WHERE t.post_id = p.post_id) AS tags
"""


def _post(row: aiosqlite.Row) -> Post:
    return Post(
        post_id=row["post_id"],
        user_id=row["user_id"],
        number=row["number"],
        platform=row["platform"],
        link=row["link"],
        title=row["title"],
        tags=tuple(sorted((row["tags"] or "").split())),
        logged_at=from_db_instant(row["logged_at"]),
        local_date=from_db_date(row["local_date"]),
        hit_date=from_db_date(row["hit_date"]) if row["hit_date"] else None,
    )


class Posts(Queries):
    async def add(
        self,
        user_id: int,
        draft: PostDraft,
        logged_at: datetime,
        day: date,
        followup_at: datetime | None = None,
        source: MessageRef | None = None,
        cap: DailyCap | None = None,
    ) -> Post:
        """See `add_post`; in a unit of work of its own."""
        return await self._db.work(
            lambda conn: add_post(conn, user_id, draft, logged_at, day, followup_at, source, cap)
        )

    async def by_source(self, source: MessageRef) -> Post | None:
        """The post logged from this message, if any (its sender's: message ids are per chat)."""
        async with self._db.reading() as conn:
            return await self._one(
                conn,
                "p.source_chat_id = ? AND p.source_message_id = ?",
                (source.chat_id, source.message_id),
            )

    async def correct(self, post: Post, draft: PostDraft) -> Post:
        """The post's link, title and tags as in `draft` (an edit of the message it came from);
        its number, platform and day stay."""

        def unit(conn: Conn) -> Post:
            _refuse_duplicate(conn, post.user_id, draft.link, post.post_id)
            conn.execute(
                "UPDATE posts SET link = ?, title = ? WHERE post_id = ?",
                (draft.link, draft.title, post.post_id),
            )
            conn.execute("DELETE FROM post_tags WHERE post_id = ?", (post.post_id,))
            _tag(conn, post.post_id, draft.tags)
            return _post_by_id(conn, post.post_id)

        return await self._db.work(unit)

    async def latest(self, user_id: int) -> Post | None:
        async with self._db.reading() as conn:
            return await self._one(conn, "p.user_id = ? ORDER BY p.number DESC LIMIT 1", (user_id,))

    async def by_number(self, user_id: int, number: int) -> Post | None:
        async with self._db.reading() as conn:
            return await self._one(conn, "p.user_id = ? AND p.number = ?", (user_id, number))

    async def by_id(self, user_id: int, post_id: int) -> Post | None:
        """Only the owner's post: buttons carry ids, which must never reach another user's post."""
        async with self._db.reading() as conn:
            return await self._one(conn, "p.user_id = ? AND p.post_id = ?", (user_id, post_id))

    async def any_by_id(self, post_id: int) -> Post | None:
        """Whoever's post it is: for a room's cheer button, which anyone in the room may press."""
        async with self._db.reading() as conn:
            return await self._one(conn, "p.post_id = ?", (post_id,))

    async def on_date(self, user_id: int, day: date, limit: int) -> list[Post]:
        return await self._db.work(lambda conn: posts_on(conn, user_id, day, limit), write=False)

    async def posted_on(self, user_id: int, day: date) -> bool:
        found = await self._db.one(
            "SELECT 1 FROM posts WHERE user_id = ? AND local_date = ? LIMIT 1",
            (user_id, day.isoformat()),
            bool,
        )
        return found is not None

    async def scored_between(self, user_id: int, first: date, last: date) -> list[ScoredPost]:
        """Posts dated within [first, last] with their saves (reviews, /insights, /chart)."""
        return await self._db.all(
            f"SELECT {_POST_COLUMNS}, m.saves FROM posts p"
            " LEFT JOIN post_metrics m ON m.post_id = p.post_id"
            " WHERE p.user_id = ? AND p.local_date BETWEEN ? AND ? ORDER BY p.number",
            (user_id, first.isoformat(), last.isoformat()),
            lambda r: ScoredPost(_post(r), r["saves"]),
        )

    async def metrics_updated_at(self, post_id: int) -> datetime | None:
        return await self._db.one(
            "SELECT updated_at FROM post_metrics WHERE post_id = ?",
            (post_id,),
            lambda row: from_db_instant(row[0]),
        )

    async def delete(self, user_id: int, post_id: int) -> bool:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM posts WHERE user_id = ? AND post_id = ?", (user_id, post_id)
            )
            return cursor.rowcount > 0

    async def activity(self, user_id: int) -> list[DayActivity]:
        """Every local date the user posted on, with how many posts; oldest first."""
        return await self._db.work(lambda conn: activity_of(conn, user_id), write=False)

    async def hit_dates(self, user_id: int) -> list[date]:
        return await self._db.all(
            "SELECT hit_date FROM posts"
            " WHERE user_id = ? AND hit_date IS NOT NULL ORDER BY hit_date",
            (user_id,),
            lambda r: from_db_date(r["hit_date"]),
        )

    async def metrics(self, post_id: int) -> Metrics:
        return await self._db.work(lambda conn: _metrics_of(conn, post_id), write=False)

    async def record_metrics(
        self, post: Post, reading: Metrics, hit_threshold: int, now: datetime, today: date
    ) -> tuple[Metrics, bool]:
        """Merge a new reading into the post's metrics; returns them and whether it just became a
        hit. Whether it is a hit is the domain's rule (`bot.domain.hits`); this writes it down."""
        return await self._db.work(
            lambda conn: _record_metrics(conn, post, reading, hit_threshold, now, today)
        )

    @staticmethod
    async def _one(
        conn: aiosqlite.Connection, where: str, params: tuple[object, ...]
    ) -> Post | None:
        return await post_where(conn, where, params)


async def post_where(
    conn: aiosqlite.Connection, where: str, params: tuple[object, ...]
) -> Post | None:
    """One post by a condition on `p`, inside a read or a transaction."""
    return await fetch_one(
        conn, f"SELECT {_POST_COLUMNS} FROM posts p WHERE {where}", params, _post
    )


def posts_on(conn: Conn, user_id: int, day: date, limit: int) -> list[Post]:
    """Inside a `work` unit: the user's first `limit` posts dated `day`, in order."""
    return all_rows(
        conn,
        f"SELECT {_POST_COLUMNS} FROM posts p WHERE p.user_id = ? AND p.local_date = ?"
        " ORDER BY p.number LIMIT ?",
        (user_id, day.isoformat(), limit),
        _post,
    )


def activity_of(conn: Conn, user_id: int) -> list[DayActivity]:
    """Inside a `work` unit: every local date the user posted on, with how many posts; oldest
    first."""
    return all_rows(
        conn,
        "SELECT local_date, COUNT(*) AS n FROM posts WHERE user_id = ?"
        " GROUP BY local_date ORDER BY local_date",
        (user_id,),
        lambda r: DayActivity(from_db_date(r["local_date"]), r["n"]),
    )


def add_post(
    conn: Conn,
    user_id: int,
    draft: PostDraft,
    logged_at: datetime,
    day: date,
    followup_at: datetime | None = None,
    source: MessageRef | None = None,
    cap: DailyCap | None = None,
) -> Post:
    """Inside a `work` unit: store a post with its tags and journal entry. `source`: the message
    it was logged from, so an edit of that message corrects it; `cap`: the daily limit it counts
    against (a duplicate is refused before it counts)."""
    _refuse_duplicate(conn, user_id, draft.link, None)
    if cap is not None:
        take_in(conn, user_id, cap)
    cursor = conn.execute(
        """
        INSERT INTO posts (user_id, number, platform, link, title, logged_at, local_date,
                           followup_at, source_chat_id, source_message_id)
        VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1 FROM posts WHERE user_id = ?),
                ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            user_id,
            user_id,
            draft.platform,
            draft.link,
            draft.title,
            to_db_instant(logged_at),
            day.isoformat(),
            to_db_instant(followup_at) if followup_at else None,
            source.chat_id if source else None,
            source.message_id if source else None,
        ),
    )
    post_id = cursor.lastrowid
    assert post_id is not None
    _tag(conn, post_id, draft.tags)
    journal(conn, user_id, EntryKind.POST, post_id, logged_at)
    return _post_by_id(conn, post_id)


def _tag(conn: Conn, post_id: int, tags: tuple[str, ...]) -> None:
    conn.executemany(
        "INSERT INTO post_tags (post_id, tag) VALUES (?, ?)", [(post_id, tag) for tag in tags]
    )


def _post_by_id(conn: Conn, post_id: int) -> Post:
    post = one_row(
        conn, f"SELECT {_POST_COLUMNS} FROM posts p WHERE p.post_id = ?", (post_id,), _post
    )
    assert post is not None
    return post


def _metrics_of(conn: Conn, post_id: int) -> Metrics:
    found = one_row(
        conn,
        f"SELECT {', '.join(METRIC_NAMES)} FROM post_metrics WHERE post_id = ?",
        (post_id,),
        lambda row: Metrics(**{n: row[n] for n in METRIC_NAMES}),
    )
    return found or Metrics()


def _record_metrics(
    conn: Conn, post: Post, reading: Metrics, hit_threshold: int, now: datetime, today: date
) -> tuple[Metrics, bool]:
    """Inside a `work` unit: see `Posts.record_metrics`."""
    merged = _metrics_of(conn, post.post_id).merged(reading)
    # The row's own hit state, not the caller's copy: two readings in a row must not both
    # celebrate.
    stored = _post_by_id(conn, post.post_id)
    was_hit = stored.hit_date is not None
    _keep_reading(conn, stored, reading, now)
    conn.execute(
        f"""
        INSERT INTO post_metrics (post_id, {", ".join(METRIC_NAMES)}, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (post_id) DO UPDATE SET
            {", ".join(f"{n} = excluded.{n}" for n in METRIC_NAMES)},
            updated_at = excluded.updated_at
        """,
        (post.post_id, *(getattr(merged, n) for n in METRIC_NAMES), to_db_instant(now)),
    )
    change = hit_change(was_hit, merged.saves, hit_threshold)
    if change is HitChange.BECAME:
        conn.execute(
            "UPDATE posts SET hit_at = ?, hit_date = ? WHERE post_id = ?",
            (to_db_instant(now), today.isoformat(), post.post_id),
        )
    elif change is HitChange.STOPPED:
        conn.execute(
            "UPDATE posts SET hit_at = NULL, hit_date = NULL WHERE post_id = ?", (post.post_id,)
        )
    return merged, change is HitChange.BECAME


def _refuse_duplicate(conn: Conn, user_id: int, link: str | None, post_id: int | None) -> None:
    """The user already logged this link (on another post than `post_id`)."""
    if link is None:
        return
    existing = one_row(
        conn,
        "SELECT number FROM posts WHERE user_id = ? AND link = ? AND post_id IS NOT ?",
        (user_id, link, post_id),
        lambda row: int(row["number"]),
    )
    if existing is not None:
        raise DuplicatePostError(existing)


def _keep_reading(conn: Conn, post: Post, reading: Metrics, now: datetime) -> None:
    """Store the reading with the metrics and hit it replaces, so /undo can put them back."""
    before = one_row(
        conn,
        f"SELECT {', '.join(METRIC_NAMES)}, updated_at FROM post_metrics WHERE post_id = ?",
        (post.post_id,),
        whole_row,
    )
    hit = one_row(
        conn, "SELECT hit_at, hit_date FROM posts WHERE post_id = ?", (post.post_id,), whole_row
    )
    names = ", ".join(METRIC_NAMES)
    previous = ", ".join(f"prev_{n}" for n in METRIC_NAMES)
    cursor = conn.execute(
        f"INSERT INTO metric_readings (post_id, recorded_at, {names}, had_metrics, {previous},"
        " prev_updated_at, prev_hit_at, prev_hit_date)"
        f" VALUES ({', '.join('?' * (2 + 2 * len(METRIC_NAMES) + 4))})",
        (
            post.post_id,
            to_db_instant(now),
            *(getattr(reading, n) for n in METRIC_NAMES),
            before is not None,
            *((before[n] if before else None) for n in METRIC_NAMES),
            before["updated_at"] if before else None,
            hit["hit_at"] if hit else None,
            hit["hit_date"] if hit else None,
        ),
    )
    journal(conn, post.user_id, EntryKind.METRICS, cursor.lastrowid, now)
