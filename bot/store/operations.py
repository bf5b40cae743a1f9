"""What the bot's owner asks about (`/admin stats`, `/admin user`): counts across every user, and
one user's facts for support. Numbers and settings only: never a post's title, link or tags.

"Today" here is the UTC day: the operator looks at one bot, not at one user's local calendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.domain.admin import BotNumbers, UserFacts
from bot.domain.models import Profile
from bot.store.db import Queries, Row, fetch_one, to_db_instant, whole_row

_NUMBERS = """
SELECT
    (SELECT COUNT(*) FROM users) AS users,
    (SELECT COUNT(*) FROM users WHERE last_seen_at >= :today) AS active_today,
    (SELECT COUNT(*) FROM users WHERE last_seen_at >= :week) AS active_week,
    (SELECT COUNT(*) FROM groups WHERE active = 1) AS rooms,
    (SELECT COUNT(*) FROM posts WHERE logged_at >= :today) AS posts_today,
    (SELECT COUNT(*) FROM deliveries WHERE updated_at >= :today AND status = 'sent') AS sent_today,
    (SELECT COUNT(*) FROM deliveries WHERE updated_at >= :today AND status = 'failed')
        AS failed_today,
    (SELECT COUNT(*) FROM deliveries WHERE status IN ('pending', 'sending')) AS queued,
    (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS database_bytes
"""

_USAGE = """
SELECT
    (SELECT COUNT(*) FROM posts WHERE user_id = :user) AS posts,
    (SELECT COUNT(*) FROM follower_counts WHERE user_id = :user) AS follower_counts,
    (SELECT COUNT(*) FROM memberships WHERE user_id = :user) AS rooms
"""


def _numbers(row: Row) -> BotNumbers:
    return BotNumbers(**{name: int(row[name] or 0) for name in row.keys()})  # noqa: SIM118


class Operations(Queries):
    async def numbers(self, now: datetime) -> BotNumbers:
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        params = {
            "today": to_db_instant(midnight),
            "week": to_db_instant(now - timedelta(days=7)),
        }
        found = await self._db.one(_NUMBERS, params, _numbers)
        assert found is not None  # a SELECT of sub-queries always has its row
        return found

    async def user_named(self, username: str) -> int | None:
        """The user with this @username (Telegram's are case-insensitive)."""
        return await self._db.one(
            "SELECT user_id FROM users WHERE username = ? COLLATE NOCASE LIMIT 1",
            (username,),
            lambda row: int(row["user_id"]),
        )

    async def usage(self, profile: Profile) -> UserFacts:
        async with self._db.reading() as conn:
            row = await fetch_one(conn, _USAGE, {"user": profile.user_id}, whole_row)
        assert row is not None
        return UserFacts(profile, row["posts"], row["follower_counts"], row["rooms"])
