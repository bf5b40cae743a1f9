"""What is due: each user row carries its next nudge and next review instant (UTC, indexed), each
post its next follow-up, and the nudge back-off. A sweep reads what is due here, then claims each
message in the deliveries ledger (`deliveries.py`), which moves the schedule on with `advance` in
the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.backoff import NudgeBackoff
from bot.domain.models import Post
from bot.store.db import Conn, Queries, from_db_date, from_db_instant, to_db_instant
from bot.store.posts import _POST_COLUMNS, _post  # an asked post reads like any post


@dataclass(frozen=True)
class Due:
    user_id: int
    at: datetime
    what: str  # the nudge kind, or the review period key


@dataclass(frozen=True)
class DueFollowup:
    post_id: int
    user_id: int
    stage: int  # the stage that is due: 1 (~24 h) or 2 (~72 h)
    at: datetime
    logged_at: datetime


@dataclass(frozen=True)
class NextNudge:
    at: datetime | None
    kind: str | None


@dataclass(frozen=True)
class NextReview:
    at: datetime | None
    period: str | None


@dataclass(frozen=True)
class NextFollowup:
    post_id: int
    at: datetime | None
    stage: int
    asked_on: date | None = None  # the day's follow-up message that asks about it


@dataclass(frozen=True)
class AskedPost:
    """A post in a day's follow-up message, and the stage it was asked at."""

    post: Post
    stage: int


Advance = NextNudge | NextReview | NextFollowup | NudgeBackoff


def _instant(value: datetime | None) -> str | None:
    return to_db_instant(value) if value is not None else None


class Reminders(Queries):
    # --- the schedule -----------------------------------------------------------------------------

    async def due_nudges(self, now: datetime, limit: int) -> list[Due]:
        return await self._due("next_nudge_at", "next_nudge_kind", now, limit)

    async def due_reviews(self, now: datetime, limit: int) -> list[Due]:
        return await self._due("next_review_at", "next_review_period", now, limit)

    async def _due(self, column: str, what: str, now: datetime, limit: int) -> list[Due]:
        return await self._db.all(
            f"SELECT user_id, {column} AS at, {what} AS what FROM users"
            f" WHERE blocked_at IS NULL AND {column} <= ? ORDER BY {column} LIMIT ?",
            (to_db_instant(now), limit),
            lambda r: Due(r["user_id"], from_db_instant(r["at"]), r["what"] or ""),
        )

    async def due_followups(self, now: datetime, limit: int) -> list[DueFollowup]:
        return await self._db.all(
            """
            SELECT p.post_id, p.user_id, p.followup_stage, p.followup_at, p.logged_at
            FROM posts p
            JOIN users u ON u.user_id = p.user_id
            WHERE p.followup_at <= ? AND u.blocked_at IS NULL
            ORDER BY p.followup_at LIMIT ?
            """,
            (to_db_instant(now), limit),
            lambda r: DueFollowup(
                r[0], r[1], r[2] + 1, from_db_instant(r[3]), from_db_instant(r[4])
            ),
        )

    async def followup_users_due(self, now: datetime, limit: int) -> list[int]:
        """Users with a post whose follow-up is due: each gets one message for all of them."""
        return await self._db.all(
            """
            SELECT p.user_id FROM posts p
            JOIN users u ON u.user_id = p.user_id
            WHERE p.followup_at <= ? AND u.blocked_at IS NULL
            GROUP BY p.user_id ORDER BY MIN(p.followup_at) LIMIT ?
            """,
            (to_db_instant(now), limit),
            lambda r: int(r[0]),
        )

    async def followups_of(self, user_id: int, until: datetime, limit: int) -> list[DueFollowup]:
        """One user's posts whose follow-up falls due by `until`, oldest post first."""
        return await self._db.all(
            """
            SELECT post_id, user_id, followup_stage, followup_at, logged_at FROM posts
            WHERE user_id = ? AND followup_at <= ? ORDER BY number LIMIT ?
            """,
            (user_id, to_db_instant(until), limit),
            lambda r: DueFollowup(
                r[0], r[1], r[2] + 1, from_db_instant(r[3]), from_db_instant(r[4])
            ),
        )

    async def asked_on(self, user_id: int, day: date) -> list[AskedPost]:
        """The posts the follow-up message of `day` asks about."""
        return await self._db.all(
            f"SELECT {_POST_COLUMNS}, p.followup_stage FROM posts p"
            " WHERE p.user_id = ? AND p.followup_asked = ? ORDER BY p.number",
            (user_id, day.isoformat()),
            lambda r: AskedPost(_post(r), r["followup_stage"]),
        )

    async def next_nudge(self, user_id: int) -> NextNudge:
        found = await self._next("next_nudge_at", "next_nudge_kind", user_id)
        return NextNudge(*found) if found else NextNudge(None, None)

    async def next_review(self, user_id: int) -> NextReview:
        found = await self._next("next_review_at", "next_review_period", user_id)
        return NextReview(*found) if found else NextReview(None, None)

    async def _next(self, column: str, what: str, user_id: int) -> tuple[datetime, str] | None:
        return await self._db.one(
            f"SELECT {column}, {what} FROM users WHERE user_id = ? AND {column} IS NOT NULL",
            (user_id,),
            lambda row: (from_db_instant(row[0]), row[1]),
        )

    async def backoff(self, user_id: int) -> NudgeBackoff:
        found = await self._db.one(
            "SELECT nudges_ignored, nudge_unanswered, nudge_last_sent, nudge_backoff FROM users"
            " WHERE user_id = ?",
            (user_id,),
            lambda r: NudgeBackoff(
                r[0],
                from_db_date(r[1]) if r[1] else None,
                from_db_date(r[2]) if r[2] else None,
                r[3] or "auto",
            ),
        )
        return found or NudgeBackoff()

    async def answered(self, user_id: int) -> None:
        """A post or a button press: nudges go back to daily (unless weekly was chosen)."""
        await self._db.work(lambda conn: nudges_answered(conn, user_id))

    async def reschedule(self, user_id: int, *steps: Advance) -> None:
        def unit(conn: Conn) -> None:
            for step in steps:
                advance(conn, user_id, step)

        await self._db.work(unit)

    async def unscheduled(self) -> list[int]:
        """Onboarded users the schedule has never seen (e.g. from before reminders existed)."""
        return await self._db.all(
            "SELECT user_id FROM users WHERE onboarded = 1 AND next_review_at IS NULL"
            " AND blocked_at IS NULL",
            (),
            lambda row: int(row[0]),
        )

    async def mark_blocked(self, user_id: int, now: datetime) -> None:
        """Nothing proactive until the user is back (any update from them clears it)."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE users SET blocked_at = ? WHERE user_id = ? AND blocked_at IS NULL",
                (to_db_instant(now), user_id),
            )
            await conn.execute(
                "UPDATE posts SET followup_at = NULL WHERE user_id = ? AND followup_at IS NOT NULL",
                (user_id,),
            )

    async def stop_followups(self, user_id: int) -> None:
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE posts SET followup_at = NULL WHERE user_id = ? AND followup_at IS NOT NULL",
                (user_id,),
            )


def nudges_answered(conn: Conn, user_id: int) -> None:
    """Inside a `work` unit: see `Reminders.answered` (writes only when there is a back-off)."""
    conn.execute(
        "UPDATE users SET nudges_ignored = 0, nudge_unanswered = NULL,"
        " nudge_backoff = NULLIF(nudge_backoff, 'asked') WHERE user_id = ?"
        " AND (nudges_ignored > 0 OR nudge_unanswered IS NOT NULL"
        " OR nudge_backoff = 'asked')",
        (user_id,),
    )


def advances(then: Advance | Sequence[Advance] | None) -> Sequence[Advance]:
    if then is None:
        return ()
    if isinstance(then, NextNudge | NextReview | NextFollowup | NudgeBackoff):
        return (then,)
    return then


def advance(conn: Conn, user_id: int, step: Advance) -> None:
    """Move one part of a user's schedule on, inside the `work` unit that claims a message."""
    advance = step
    if isinstance(advance, NextNudge):
        conn.execute(
            "UPDATE users SET next_nudge_at = ?, next_nudge_kind = ? WHERE user_id = ?",
            (_instant(advance.at), advance.kind, user_id),
        )
    elif isinstance(advance, NextReview):
        conn.execute(
            "UPDATE users SET next_review_at = ?, next_review_period = ? WHERE user_id = ?",
            (_instant(advance.at), advance.period, user_id),
        )
    elif isinstance(advance, NudgeBackoff):
        conn.execute(
            "UPDATE users SET nudges_ignored = ?, nudge_unanswered = ?, nudge_last_sent = ?,"
            " nudge_backoff = ? WHERE user_id = ?",
            (
                advance.ignored,
                advance.unanswered.isoformat() if advance.unanswered else None,
                advance.last_sent.isoformat() if advance.last_sent else None,
                None if advance.mode == "auto" else advance.mode,
                user_id,
            ),
        )
    else:
        asked = advance.asked_on.isoformat() if advance.asked_on else None
        conn.execute(
            "UPDATE posts SET followup_at = ?, followup_stage = ?,"
            " followup_asked = COALESCE(?, followup_asked) WHERE post_id = ? AND user_id = ?",
            (_instant(advance.at), advance.stage, asked, advance.post_id, user_id),
        )
