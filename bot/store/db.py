"""One aiosqlite connection (WAL), one transaction helper, and the migrations runner.

All access goes through one connection guarded by one lock: SQLite serialises writers anyway, and a
shared connection would otherwise let one coroutine's statements land inside another's transaction.
Transactions never span network I/O, so the lock is held for microseconds.

Each transaction run while an update is in hand records that update as handled, the first time
(see `bot.store.updates`): the write and "handled" commit together, so a redelivery writes nothing.

Whole-history reads (/insights, /chart, /export, a room's /insights) don't come through the bot's
connection at all: the worker process reads them on a read-only connection of its own
(`open_reader`, see `bot.offload`), WAL letting it read while the bot writes. Rows are mapped a
chunk at a time, so the event loop serves others between chunks.

Two ways to talk to the connection, each for its own kind of path:

- `Database.work(fn)`: the hot paths (an update's user refresh and handled-once record, /post,
  /followers, /today, a sweep's claim). `fn` is a plain function on `sqlite3.Connection`; all of
  it — BEGIN IMMEDIATE, the update's claim, every statement, COMMIT (or the rollback) — runs in
  ONE trip to aiosqlite's thread. Each trip wakes the event loop once: a `/post` made 39 of them
  through the async helpers, it makes 2 through `work`. Store functions for it are sync, take the
  `Conn` first and read without cursors (`conn.execute(...).fetchone()`, `one_row`, `all_rows`).
- `transaction()` / `reading()` / `snapshot()` with the async `fetch_*` helpers: everything else
  (settings, rooms, exports, admin), where a few trips more cost nothing anyone notices. Both
  take the same lock and claim the update in hand the same way.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import aiosqlite

from bot.store.database_file import about_the_file, cannot_open, prepare
from bot.store.in_hand import (
    AlreadyHandledError,
    UpdateInHand,
    bookkeeping,
    claim,
    claimable,
    handling,
    insert_handled,
    record_handled,
    refused,
)
from bot.store.rows import (
    FETCH_CHUNK,
    Conn,
    Params,
    Read,
    Row,
    all_rows,
    fetch_all,
    fetch_one,
    fetch_rows,
    from_db_date,
    from_db_instant,
    mapped,
    one_row,
    to_db_instant,
    update_columns,
    update_sql,
    whole_row,
)

# The row helpers are the store's vocabulary: its modules import them from here, with Database.
__all__ = [
    "FETCH_CHUNK",
    "AlreadyHandledError",
    "Conn",
    "Database",
    "Params",
    "Queries",
    "Read",
    "Row",
    "SchemaTooNewError",
    "UpdateInHand",
    "all_rows",
    "bookkeeping",
    "fetch_all",
    "fetch_one",
    "fetch_rows",
    "from_db_date",
    "from_db_instant",
    "handling",
    "insert_handled",
    "load_migrations",
    "mapped",
    "migrations_dir",
    "one_row",
    "record_handled",
    "to_db_instant",
    "update_columns",
    "update_sql",
    "whole_row",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long a write waits for another process's write lock before the database refuses it.
BUSY_TIMEOUT_MS = 5000
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Postpact than this one."""


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path


def migrations_dir() -> Path:
    """`migrations/` beside the package in a checkout; `bot/_migrations` in an installed wheel."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "migrations", package / "_migrations"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("migrations folder not found next to the bot package")


def load_migrations(folder: Path | None = None) -> list[Migration]:
    found = []
    for path in sorted((folder or migrations_dir()).glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise ValueError(f"migration file name {path.name!r} is not NNNN_name.sql")
        found.append(Migration(int(match[1]), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


def _unit(
    fn: Callable[[Conn], T], claiming: UpdateInHand | None, patience: int | None, conn: Conn
) -> T:
    """On aiosqlite's thread: one write transaction, all of it (see `Database.work`)."""
    if patience is None:
        conn.execute("BEGIN IMMEDIATE")
    else:  # wait this long (ms) for another writer, not the usual BUSY_TIMEOUT_MS
        conn.execute(f"PRAGMA busy_timeout = {int(patience)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    try:
        if claiming is not None and not record_handled(conn, claiming):
            raise AlreadyHandledError(claiming.update_id)
        result = fn(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return result


async def on_thread(conn: aiosqlite.Connection, fn: Callable[[Conn], T]) -> T:
    """Run `fn(sqlite3_connection)` on aiosqlite's thread: one trip, one wake-up of the loop.

    aiosqlite has no public way to do this. `Connection._execute(fn)` (the method every one of
    its own calls queues through) and `Connection._conn` (the sqlite3 connection it owns) are the
    only private names Postpact touches, here and nowhere else; tests/test_hops.py fails loudly
    if an upgrade of aiosqlite removes or changes them."""
    result: T = await conn._execute(lambda: fn(conn._conn))  # type: ignore[no-untyped-call]
    return result


class Database:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path, migrations: list[Migration] | None = None) -> Database:
        """Open (creating it if new) and migrate; a path that can't hold the database raises
        `DatabaseUnavailable` naming the problem."""
        prepare(path)
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as error:
            raise cannot_open(path, error) from None
        try:
            conn.row_factory = aiosqlite.Row
            for pragma in (
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",  # durable across process crashes in WAL mode
                "PRAGMA foreign_keys = ON",
                f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
            ):
                await conn.execute(pragma)
            db = cls(conn)
            await db.migrate(load_migrations() if migrations is None else migrations)
        except sqlite3.DatabaseError as error:
            await conn.close()
            if about_the_file(error):
                raise cannot_open(path, error) from None
            raise
        except BaseException:
            await conn.close()
            raise
        return db

    @classmethod
    async def open_reader(cls, path: Path) -> Database:
        """A read-only view of a database a bot has opened (a worker process's): no migrations,
        no writes."""
        return cls(await _read_only(path))

    @property
    def connection(self) -> aiosqlite.Connection:
        """aiosqlite's connection itself: for tests that count the trips to its thread."""
        return self._conn

    async def close(self) -> None:
        await self._conn.close()

    async def schema_version(self) -> int:
        version = await fetch_one(self._conn, "PRAGMA user_version", (), lambda row: int(row[0]))
        return version or 0

    async def migrate(self, migrations: list[Migration]) -> None:
        current = await self.schema_version()
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise SchemaTooNewError(
                f"the database is at schema version {current}, but this Postpact only knows up to "
                f"{latest}: upgrade Postpact, or point DATABASE_PATH at another file"
            )
        for migration in migrations[current:]:
            sql = migration.path.read_text(encoding="utf-8")
            async with self._lock:
                try:
                    # executescript commits anything pending first, then runs the script as given:
                    # the explicit BEGIN/COMMIT makes the migration and its version one transaction.
                    await self._conn.executescript(
                        f"BEGIN IMMEDIATE;\n{sql}\n;"
                        f"PRAGMA user_version = {migration.version};\nCOMMIT;"
                    )
                except BaseException:
                    if self._conn.in_transaction:
                        await self._conn.rollback()
                    raise
            log.info("applied migration %s", migration.path.name)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """All writes go through here: BEGIN IMMEDIATE … COMMIT, rolled back on any exception.
        A refusal by the database (locked, read-only, full) is noted on the update in hand: the
        user is told to try again, so it is not recorded as handled."""
        async with self._lock:
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
                claimed = await claim(self._conn)
                yield self._conn
                await self._conn.commit()
                if claimed is not None:
                    claimed.recorded = True
            except BaseException as error:
                if isinstance(error, sqlite3.Error):
                    refused()
                if self._conn.in_transaction:
                    await self._conn.rollback()
                raise

    async def work(
        self, fn: Callable[[Conn], T], *, write: bool = True, patience: int | None = None
    ) -> T:
        """`fn` as one unit of work in ONE trip to the database's thread.

        A write (the default) is `transaction()` in a single hop: BEGIN IMMEDIATE, the claim of
        the update in hand (AlreadyHandledError if it was handled; nothing inside `bookkeeping()`
        claims), `fn`, COMMIT; any exception rolls all of it back, and a refusal by the database
        is noted on the update like there. `write=False` only reads. `patience`: milliseconds
        to wait for another process's write lock, when not the usual `BUSY_TIMEOUT_MS`.

        A unit takes no lock of its own (see `_turn`): it waits only while a transaction of
        several trips holds the connection."""
        await self._turn()
        if not write:
            return await on_thread(self._conn, fn)
        claiming = claimable()
        try:
            result = await on_thread(self._conn, partial(_unit, fn, claiming, patience))
        except sqlite3.Error:
            refused()
            raise
        if claiming is not None:
            claiming.recorded = True
        return result

    async def _turn(self) -> None:
        """Return once no transaction of several trips (`transaction()`, `reading()`,
        `snapshot()`) holds the connection; the caller queues its one trip right after, with no
        await in between.

        Units of one trip need no lock among themselves: aiosqlite's thread runs what is queued
        one at a time, in order, so a unit can't land inside another. Holding the lock across a
        trip made every unit wait for the one before it to come back through the event loop (a
        burst of check-ins queued at the lock, the database thread idle between trips); without
        it they queue back to back on the thread."""
        while self._lock.locked():
            async with self._lock:
                pass

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """Reads share the lock so they never observe another coroutine's open transaction."""
        async with self._lock:
            yield self._conn

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[aiosqlite.Connection]:
        """Reads that must agree with each other (an export's tables, a room's members and their
        posts) in one read transaction: a write landing between them can't show half of itself."""
        async with self._lock:
            await self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                await self._conn.rollback()  # it only read: nothing to keep

    async def one(self, sql: str, params: Params, read: Read[T]) -> T | None:
        """One row of a read, mapped; None when there is none. One trip."""
        return await self.work(lambda conn: one_row(conn, sql, params, read), write=False)

    async def all(self, sql: str, params: Params, read: Read[T]) -> list[T]:
        """Every row of a read, mapped (a long list off the event loop: see `mapped`). One trip."""
        rows = await self.work(lambda conn: conn.execute(sql, params).fetchall(), write=False)
        return await mapped(rows, read)


async def _read_only(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    for pragma in ("PRAGMA query_only = ON", f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"):
        await conn.execute(pragma)
    return conn


class Queries:
    """The base of each aggregate's queries (users, posts, rooms…): all share the one database."""

    def __init__(self, db: Database) -> None:
        self._db = db
