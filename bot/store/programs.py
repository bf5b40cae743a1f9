"""Programs (one running per user at most) and rest days."""

from __future__ import annotations

from datetime import date, datetime

import aiosqlite

from bot.domain.deliveries import DeliveryKind
from bot.domain.entries import EntryKind
from bot.domain.program import Program
from bot.store.db import (
    Conn,
    Queries,
    all_rows,
    from_db_date,
    from_db_instant,
    one_row,
    to_db_instant,
)
from bot.store.journal import journal, unjournal


def _program(row: aiosqlite.Row) -> Program:
    return Program(row["program_id"], row["cycle"], from_db_date(row["start_date"]))


class ProgramRunningError(Exception):
    """The user already has a program running."""


class Programs(Queries):
    async def current(self, user_id: int) -> Program | None:
        return await self._db.work(lambda conn: current_program(conn, user_id), write=False)

    async def by_id(self, user_id: int, program_id: int) -> Program | None:
        """Only the owner's program: buttons carry ids."""
        return await self._one("user_id = ? AND program_id = ?", (user_id, program_id))

    async def latest(self, user_id: int) -> Program | None:
        return await self._one("user_id = ? ORDER BY program_id DESC LIMIT 1", (user_id,))

    async def recent(self, user_id: int, limit: int = 2) -> list[tuple[Program, datetime | None]]:
        """The newest programs first, each with when it ended (None: it runs)."""
        return await self._db.all(
            "SELECT * FROM programs WHERE user_id = ? ORDER BY program_id DESC LIMIT ?",
            (user_id, limit),
            lambda row: (
                _program(row),
                from_db_instant(row["ended_at"]) if row["ended_at"] else None,
            ),
        )

    async def start(self, user_id: int, start_date: date, now: datetime) -> Program:
        async with self._db.transaction() as conn:
            try:
                cursor = await conn.execute(
                    """
                    INSERT INTO programs (user_id, cycle, start_date, started_at)
                    VALUES (?, (SELECT COALESCE(MAX(cycle), 0) + 1 FROM programs WHERE user_id = ?),
                            ?, ?)
                    """,
                    (user_id, user_id, start_date.isoformat(), to_db_instant(now)),
                )
            except aiosqlite.IntegrityError:
                raise ProgramRunningError from None
            program_id = cursor.lastrowid
        program = await self.by_id(user_id, program_id or 0)
        assert program is not None
        return program

    async def end(self, user_id: int, program_id: int, outcome: str, now: datetime) -> bool:
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE programs SET ended_at = ?, outcome = ?"
                " WHERE user_id = ? AND program_id = ? AND ended_at IS NULL",
                (to_db_instant(now), outcome, user_id, program_id),
            )
            return cursor.rowcount > 0

    async def _one(self, where: str, params: tuple[object, ...]) -> Program | None:
        return await self._db.one(f"SELECT * FROM programs WHERE {where}", params, _program)


class RestDays(Queries):
    async def add(self, user_id: int, day: date, taken_at: datetime | None = None) -> bool:
        """False when the day was already a rest day. With `taken_at` (the user asked for it),
        the rest day is journaled, so /undo can take it back."""

        def unit(conn: Conn) -> bool:
            cursor = conn.execute(
                "INSERT INTO rest_days (user_id, local_date, taken_at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                (user_id, day.isoformat(), to_db_instant(taken_at) if taken_at else None),
            )
            added = cursor.rowcount > 0
            if added and taken_at is not None:
                journal(conn, user_id, EntryKind.REST, day.isoformat(), taken_at)
            return added

        return await self._db.work(unit)

    async def remove(self, user_id: int, day: date) -> bool:
        """Take a rest day back (/rest undo, /undo); False when it wasn't one."""

        def unit(conn: Conn) -> bool:
            cursor = conn.execute(
                "DELETE FROM rest_days WHERE user_id = ? AND local_date = ?",
                (user_id, day.isoformat()),
            )
            # Gone from the journal too, so /undo never offers a rest day that is no longer there.
            unjournal(conn, user_id, EntryKind.REST, day.isoformat())
            return cursor.rowcount > 0

        return await self._db.work(unit)

    async def on(self, user_id: int, day: date) -> bool:
        found = await self._db.one(
            "SELECT 1 FROM rest_days WHERE user_id = ? AND local_date = ?",
            (user_id, day.isoformat()),
            bool,
        )
        return found is not None

    async def all(self, user_id: int) -> list[date]:
        return await self._db.work(lambda conn: rest_days_of(conn, user_id), write=False)

    async def notice_candidates(self, since: date, not_told_since: datetime) -> list[int]:
        """Who may have a frozen yesterday: users reachable in private who posted or rested on or
        after `since` (a frozen day needs a streak around it) and weren't told since."""
        return await self._db.all(
            "SELECT user_id FROM users u WHERE blocked_at IS NULL AND private_chat = 1"
            " AND (EXISTS (SELECT 1 FROM posts p WHERE p.user_id = u.user_id"
            "              AND p.local_date >= :since)"
            "   OR EXISTS (SELECT 1 FROM rest_days r WHERE r.user_id = u.user_id"
            "              AND r.local_date >= :since))"
            " AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.chat_id = u.user_id"
            "                 AND d.kind = :kind AND d.created_at >= :told)"
            " ORDER BY user_id",
            {
                "since": since.isoformat(),
                "kind": DeliveryKind.REST_USED.value,
                "told": to_db_instant(not_told_since),
            },
            lambda row: int(row["user_id"]),
        )


def current_program(conn: Conn, user_id: int) -> Program | None:
    """Inside a `work` unit: the user's running program, if any."""
    return one_row(
        conn, "SELECT * FROM programs WHERE user_id = ? AND ended_at IS NULL", (user_id,), _program
    )


def rest_days_of(conn: Conn, user_id: int) -> list[date]:
    """Inside a `work` unit: every rest day the user took, oldest first."""
    return all_rows(
        conn,
        "SELECT local_date FROM rest_days WHERE user_id = ? ORDER BY local_date",
        (user_id,),
        lambda row: from_db_date(row["local_date"]),
    )
