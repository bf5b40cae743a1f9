"""A check-in's reads and writes as one unit of work (see `Database.work`).

A `/post` stores the post (its tags, journal entry and daily count), puts the user's nudges back
to daily, and reads back where they stand: all of it in one trip to the database's thread, not
one per statement. /today reads its standing and its list the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.models import DayActivity, Post, PostDraft
from bot.domain.program import Program
from bot.store.db import Conn, Queries
from bot.store.posts import MessageRef, activity_of, add_post, posts_on
from bot.store.programs import current_program, rest_days_of
from bot.store.reminders import nudges_answered
from bot.store.usage import DailyCap


@dataclass(frozen=True)
class Footing:
    """What the user's standing (streak, posts today, this month) is worked out from."""

    activity: list[DayActivity]
    rest_days: list[date]
    program: Program | None


def footing_of(conn: Conn, user_id: int) -> Footing:
    return Footing(
        activity_of(conn, user_id), rest_days_of(conn, user_id), current_program(conn, user_id)
    )


class CheckIns(Queries):
    async def post(
        self,
        user_id: int,
        draft: PostDraft,
        logged_at: datetime,
        day: date,
        followup_at: datetime | None = None,
        source: MessageRef | None = None,
        cap: DailyCap | None = None,
    ) -> tuple[Post, Footing]:
        """Log a post (see `add_post`), answer the user's nudges, and read their footing after
        it: one transaction, one trip."""

        def unit(conn: Conn) -> tuple[Post, Footing]:
            post = add_post(conn, user_id, draft, logged_at, day, followup_at, source, cap)
            nudges_answered(conn, user_id)
            return post, footing_of(conn, user_id)

        return await self._db.work(unit)

    async def footing(self, user_id: int) -> Footing:
        return await self._db.work(lambda conn: footing_of(conn, user_id), write=False)

    async def day(self, user_id: int, day: date, limit: int) -> tuple[Footing, list[Post]]:
        """The footing and the first `limit` posts of `day` (/today), read together."""

        def unit(conn: Conn) -> tuple[Footing, list[Post]]:
            return footing_of(conn, user_id), posts_on(conn, user_id, day, limit)

        return await self._db.work(unit, write=False)
