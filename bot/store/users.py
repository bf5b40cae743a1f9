"""Users and their profile: language, timezone, nudge time, day start, niche, platforms, handles."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, time

from bot.domain.models import LANGUAGES, Language, Profile, Sharing
from bot.domain.rooms import Shareable
from bot.domain.schedule import QuietHours
from bot.domain.streaks import DEFAULT_POSTING_DAYS
from bot.store.db import (
    Conn,
    Queries,
    Row,
    all_rows,
    from_db_date,
    from_db_instant,
    one_row,
    to_db_instant,
    update_sql,
    whole_row,
)

log = logging.getLogger(__name__)

# Profile columns a feature may set directly; anything else is a bug, caught before SQL is built.
EDITABLE = frozenset(
    {
        "language",
        "timezone",
        "nudge_time",
        "day_start",
        "niche",
        "niche_tags",
        "posting_days_per_week",
        "hit_threshold",
        "awaiting",
        "onboarded",
        "follower_target",
        "follower_target_platform",
        "follower_goal_kind",
        "nudges_on",
        "last_call_on",
        "followups_on",
        "quiet_hours",
        "paused_until",
        "share_streaks",
        "share_posts",
        "share_followers",
        "share_handles",
        "private_chat",
        "news_on",
    }
)


def _clock(value: str) -> time:
    return time.fromisoformat(value)


def _language(value: str | None) -> Language | None:
    for lang in LANGUAGES:
        if value == lang:
            return lang
    return None


def _to_column(value: object) -> object:
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, tuple):
        return " ".join(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, QuietHours):
        return str(value)
    return value


# First contact creates the row; later contact writes only what Telegram says has changed, and
# any contact clears a block (they wrote to us, so they can be written to).
_UPSERT_CONTACT = """
    INSERT INTO users (user_id, first_name, username, telegram_language, timezone,
                       posting_days_per_week, created_at, updated_at, last_seen_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (user_id) DO UPDATE SET
        first_name = excluded.first_name,
        username = excluded.username,
        telegram_language = excluded.telegram_language,
        blocked_at = NULL,
        last_seen_at = excluded.last_seen_at
    WHERE first_name IS NOT excluded.first_name
       OR username IS NOT excluded.username
       OR telegram_language IS NOT excluded.telegram_language
       OR blocked_at IS NOT NULL
       OR substr(last_seen_at, 1, 10) IS NOT substr(excluded.last_seen_at, 1, 10)
"""


class Users(Queries):
    async def contact(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        telegram_language: str | None,
        default_timezone: str,
        now: datetime,
    ) -> tuple[Profile, bool]:
        """The user's profile, creating it on first contact and refreshing their Telegram name;
        and whether this contact cleared a block (they are back: the caller reschedules them).

        Most updates change nothing here, so it reads first (one trip to the database) and writes
        only when needed: every update would otherwise take the write lock (and a read-only
        database would stop even /today from answering)."""
        facts = (user_id, first_name[:128], username, telegram_language)
        known, seen_on = await self._db.work(lambda conn: _unchanged(conn, *facts), write=False)
        if known is not None:
            # Last seen is kept to the day (/admin stats): one write per user per day at most.
            if seen_on != to_db_instant(now)[:10]:
                await self._seen(user_id, now)
            return known, False
        stamp = to_db_instant(now)
        contact = (*facts, default_timezone, DEFAULT_POSTING_DAYS, stamp, stamp, stamp)
        return await self._db.work(lambda conn: _upsert_contact(conn, contact))

    async def _seen(self, user_id: int, now: datetime) -> None:
        """Best effort: a database that refuses writes (read-only, full) must not stop a user
        who changed nothing from being answered for the sake of a statistic."""
        stamp = to_db_instant(now)
        try:
            await self._db.work(
                lambda conn: conn.execute(
                    "UPDATE users SET last_seen_at = ? WHERE user_id = ?", (stamp, user_id)
                )
            )
        except sqlite3.OperationalError as error:
            log.warning("last seen not recorded: %s", error)

    async def get(self, user_id: int) -> Profile | None:
        return await self._db.work(lambda conn: load_profile(conn, user_id), write=False)

    async def update(self, user_id: int, now: datetime, **fields: object) -> Profile:
        if set(fields) - EDITABLE:
            raise ValueError(f"not editable: {sorted(set(fields) - EDITABLE)}")
        columns = {name: _to_column(value) for name, value in fields.items()}
        columns |= {"updated_at": to_db_instant(now)}
        change = update_sql("users", ("user_id", user_id), columns, EDITABLE | {"updated_at"})

        def unit(conn: Conn) -> Profile | None:
            conn.execute(*change)
            return load_profile(conn, user_id)

        profile = await self._db.work(unit)
        if profile is None:
            raise LookupError(user_id)
        return profile

    async def toggle_platform(self, user_id: int, platform: str) -> Profile:
        def unit(conn: Conn) -> Profile:
            cursor = conn.execute(
                "DELETE FROM user_platforms WHERE user_id = ? AND platform = ?", (user_id, platform)
            )
            if cursor.rowcount == 0:
                _add_platform(conn, user_id, platform)
            return _loaded(conn, user_id)

        return await self._db.work(unit)

    async def set_handle(self, user_id: int, platform: str, handle: str | None) -> Profile:
        """Setting a handle also adds the platform to the user's list; None clears the handle."""

        def unit(conn: Conn) -> Profile:
            _add_platform(conn, user_id, platform)
            conn.execute(
                "UPDATE user_platforms SET handle = ? WHERE user_id = ? AND platform = ?",
                (handle, user_id, platform),
            )
            return _loaded(conn, user_id)

        return await self._db.work(unit)


def _unchanged(
    conn: Conn, user_id: int, first_name: str, username: str | None, telegram_language: str | None
) -> tuple[Profile | None, str | None]:
    """The profile and the day it was last seen, when Telegram's facts about the user are
    as stored (and they haven't blocked the bot): nothing to write. (None, None) otherwise."""
    row = one_row(
        conn,
        "SELECT first_name, username, telegram_language, blocked_at IS NOT NULL,"
        " substr(last_seen_at, 1, 10) FROM users WHERE user_id = ?",
        (user_id,),
        tuple,
    )
    if row is None or row[:4] != (first_name, username, telegram_language, 0):
        return None, None
    return load_profile(conn, user_id), row[4]


def _upsert_contact(conn: Conn, contact: tuple[object, ...]) -> tuple[Profile, bool]:
    """First contact, or Telegram's facts about the user changed, or they are back after
    blocking the bot: write them (see above), and say whether a block was cleared."""
    user_id = contact[0]
    assert isinstance(user_id, int)
    was_blocked = one_row(
        conn, "SELECT blocked_at IS NOT NULL FROM users WHERE user_id = ?", (user_id,), tuple
    )
    conn.execute(_UPSERT_CONTACT, contact)
    return _loaded(conn, user_id), was_blocked == (1,)


def _add_platform(conn: Conn, user_id: int, platform: str) -> None:
    conn.execute(
        """
        INSERT INTO user_platforms (user_id, platform, position)
        VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM user_platforms
                       WHERE user_id = ?))
        ON CONFLICT DO NOTHING
        """,
        (user_id, platform, user_id),
    )


def _loaded(conn: Conn, user_id: int) -> Profile:
    profile = load_profile(conn, user_id)
    assert profile is not None
    return profile


def load_profile(conn: Conn, user_id: int) -> Profile | None:
    """The user's profile, inside a `work` unit."""
    row = one_row(conn, "SELECT * FROM users WHERE user_id = ?", (user_id,), whole_row)
    if row is None:
        return None
    platforms = all_rows(
        conn,
        "SELECT platform, handle FROM user_platforms WHERE user_id = ? ORDER BY position",
        (user_id,),
        whole_row,
    )
    return Profile(
        user_id=row["user_id"],
        first_name=row["first_name"],
        username=row["username"],
        language=_language(row["language"]),
        telegram_language=row["telegram_language"],
        timezone=row["timezone"],
        nudge_time=_clock(row["nudge_time"]),
        day_start=_clock(row["day_start"]),
        niche=row["niche"],
        niche_tags=tuple(row["niche_tags"].split()),
        platforms=tuple(p["platform"] for p in platforms),
        handles={p["platform"]: p["handle"] for p in platforms if p["handle"]},
        posting_days_per_week=row["posting_days_per_week"],
        hit_threshold=row["hit_threshold"],
        awaiting=row["awaiting"],
        onboarded=bool(row["onboarded"]),
        created_at=from_db_instant(row["created_at"]),
        follower_target=row["follower_target"],
        follower_platform=row["follower_target_platform"],
        follower_goal_kind=row["follower_goal_kind"],
        nudges_on=bool(row["nudges_on"]),
        last_call_on=bool(row["last_call_on"]),
        followups_on=bool(row["followups_on"]),
        quiet_hours=QuietHours.from_db(row["quiet_hours"]),
        paused_until=from_db_date(row["paused_until"]) if row["paused_until"] else None,
        blocked=row["blocked_at"] is not None,
        sharing=sharing_of(row),
        private_chat=bool(row["private_chat"]),
        news_on=bool(row["news_on"]),
    )


def sharing_of(row: Row) -> Sharing:
    """What a user lets their rooms see, from the `share_*` columns of their row."""
    return Sharing(**{what.value: bool(row[f"share_{what}"]) for what in Shareable})
