"""Rows in and out: mapping rows to values, instants to and from their stored text, and the
statement builders every aggregate's queries share (see `bot.store.db` for which is for what).

`one_row`/`all_rows` are for `Database.work` units (plain sqlite3, on the database's thread);
the async `fetch_*` for `transaction()`/`reading()` blocks (aiosqlite, one trip each).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TypeVar

import aiosqlite

T = TypeVar("T")


def to_db_instant(instant: datetime) -> str:
    """ "2026-03-02T12:00:00.000000Z": UTC, microseconds, sortable as text. (isoformat writes
    exactly what strftime's "%Y-%m-%dT%H:%M:%S.%fZ" did, several times faster: every write
    stores a few of these.)"""
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def from_db_instant(text: str) -> datetime:
    # fromisoformat reads the same text as strptime with to_db_instant's format, 40 times faster.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def from_db_date(text: str) -> date:
    return date.fromisoformat(text)


# Rows mapped per step of a read: the event loop serves other updates between steps.
FETCH_CHUNK = 500

Row = aiosqlite.Row
Conn = sqlite3.Connection  # what a `work` unit's function is given, on the database's thread
Params = Sequence[object] | Mapping[str, object]
Read = Callable[[Row], T]


def whole_row(row: Row) -> Row:
    """The row itself, for reads that look at several columns."""
    return row


def one_row(conn: Conn, sql: str, params: Params, read: Read[T]) -> T | None:
    """Inside a `work` unit: one row of a read, mapped; None when there is none."""
    row = conn.execute(sql, params).fetchone()
    return read(row) if row is not None else None


def all_rows(conn: Conn, sql: str, params: Params, read: Read[T]) -> list[T]:
    """Inside a `work` unit: every row of a read, mapped (on the database's thread, not the
    event loop's)."""
    return [read(row) for row in conn.execute(sql, params)]


async def fetch_one(
    conn: aiosqlite.Connection, sql: str, params: Params, read: Read[T]
) -> T | None:
    """Execute, fetch one row, map it, inside a transaction or a read: one trip to the thread
    (`execute_fetchall`: no cursor to fetch from and close)."""
    rows = await conn.execute_fetchall(sql, params)
    return read(next(iter(rows))) if rows else None


async def fetch_all(conn: aiosqlite.Connection, sql: str, params: Params, read: Read[T]) -> list[T]:
    """Execute and map every row (a long list is mapped off the event loop: see `mapped`)."""
    return await mapped(await fetch_rows(conn, sql, params), read)


async def fetch_rows(conn: aiosqlite.Connection, sql: str, params: Params) -> list[Row]:
    """Every row, in one trip to the database's thread (the loop serves others meanwhile)."""
    return list(await conn.execute_fetchall(sql, params))


async def mapped(rows: list[Row], read: Read[T]) -> list[T]:
    """The rows as values. A whole history (100k posts) takes a second to map: beyond a chunk,
    a worker thread does it, so nobody else's reply waits for it."""
    if len(rows) <= FETCH_CHUNK:
        return [read(row) for row in rows]
    return await asyncio.to_thread(lambda: [read(row) for row in rows])


async def update_columns(
    conn: aiosqlite.Connection,
    table: str,
    key: tuple[str, object],
    fields: Mapping[str, object],
    editable: frozenset[str],
) -> int:
    """`UPDATE table SET a = ?, b = ? WHERE key = ?` for the fields given; returns the rows changed
    (see `update_sql`)."""
    cursor = await conn.execute(*update_sql(table, key, fields, editable))
    return cursor.rowcount


def update_sql(
    table: str,
    key: tuple[str, object],
    fields: Mapping[str, object],
    editable: frozenset[str],
) -> tuple[str, tuple[object, ...]]:
    """`UPDATE table SET a = ?, b = ? WHERE key = ?` and its parameters, for the fields given.

    Column names come from code, never from users, but they are checked against `editable` before
    any SQL is built, so a misspelt or unexpected field is a loud bug rather than an injection.
    Values are stored as they are, except bools as 0/1."""
    unknown = set(fields) - editable
    if unknown or not fields:
        raise ValueError(f"not editable: {sorted(unknown)}" if unknown else "nothing to update")
    column, value = key
    assignments = ", ".join(f"{name} = ?" for name in fields)
    values = [int(v) if isinstance(v, bool) else v for v in fields.values()]
    return f"UPDATE {table} SET {assignments} WHERE {column} = ?", (*values, value)
