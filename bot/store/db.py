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
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

import aiosqlite

from bot.store.database_file import about_the_file, cannot_open, prepare

log = logging.getLogger(__name__)

T = TypeVar("T")

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


def to_db_instant(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_db_instant(text: str) -> datetime:
    # fromisoformat reads the same text as strptime with to_db_instant's format, 40 times faster.
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def from_db_date(text: str) -> date:
    return date.fromisoformat(text)


class AlreadyHandledError(Exception):
    """This update was already handled (Telegram delivered it again): nothing more to do."""

    def __init__(self, update_id: int) -> None:
        super().__init__(f"update {update_id} was already handled")
        self.update_id = update_id


@dataclass
class UpdateInHand:
    """The update being handled in this task: recorded once its first write commits."""

    update_id: int
    received_at: datetime
    recorded: bool = False
    bookkeeping: int = 0  # depth of `bookkeeping()` scopes: their writes claim nothing
    refused: bool = False  # the database refused a write: nothing to record (it would wait too)


_in_hand: ContextVar[UpdateInHand | None] = ContextVar("update_in_hand", default=None)


@contextmanager
def handling(update_id: int, now: datetime) -> Iterator[UpdateInHand]:
    """Everything written inside belongs to this update (each update runs in its own task)."""
    in_hand = UpdateInHand(update_id, now)
    token = _in_hand.set(in_hand)
    try:
        yield in_hand
    finally:
        _in_hand.reset(token)


@contextmanager
def bookkeeping() -> Iterator[None]:
    """Writes inside are the same however often they run (refreshing the user's row, creating a
    room's): they don't mark the update handled, so a crash after them loses nothing."""
    in_hand = _in_hand.get()
    if in_hand is not None:
        in_hand.bookkeeping += 1
    try:
        yield
    finally:
        if in_hand is not None:
            in_hand.bookkeeping -= 1


def _refused() -> None:
    in_hand = _in_hand.get()
    if in_hand is not None:
        in_hand.refused = True


async def claim(conn: aiosqlite.Connection) -> UpdateInHand | None:
    """Inside a transaction: record the update in hand, if this is its first write. Returns the
    update to mark recorded once the transaction commits (None: nothing claimed)."""
    in_hand = _in_hand.get()
    if in_hand is None or in_hand.recorded or in_hand.bookkeeping:
        return None
    if not await insert_handled(conn, in_hand):
        raise AlreadyHandledError(in_hand.update_id)
    return in_hand


async def insert_handled(conn: aiosqlite.Connection, in_hand: UpdateInHand) -> bool:
    cursor = await conn.execute(
        "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?)"
        " ON CONFLICT (update_id) DO NOTHING",
        (in_hand.update_id, to_db_instant(in_hand.received_at)),
    )
    return cursor.rowcount > 0


# Rows mapped per step of a read: the event loop serves other updates between steps.
FETCH_CHUNK = 500


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
                "PRAGMA busy_timeout = 5000",
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
                    _refused()
                if self._conn.in_transaction:
                    await self._conn.rollback()
                raise

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
        """One row of a read, mapped; None when there is none."""
        async with self.reading() as conn:
            return await fetch_one(conn, sql, params, read)

    async def all(self, sql: str, params: Params, read: Read[T]) -> list[T]:
        """Every row of a read, mapped."""
        async with self.reading() as conn:
            return await fetch_all(conn, sql, params, read)


async def _read_only(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path, isolation_level=None)
    conn.row_factory = aiosqlite.Row
    for pragma in ("PRAGMA query_only = ON", "PRAGMA busy_timeout = 5000"):
        await conn.execute(pragma)
    return conn


class Queries:
    """The base of each aggregate's queries (users, posts, rooms…): all share the one database."""

    def __init__(self, db: Database) -> None:
        self._db = db


Row = aiosqlite.Row
Params = Sequence[object] | Mapping[str, object]
Read = Callable[[Row], T]


def whole_row(row: Row) -> Row:
    """The row itself, for reads that look at several columns."""
    return row


async def fetch_one(
    conn: aiosqlite.Connection, sql: str, params: Params, read: Read[T]
) -> T | None:
    """Execute, fetch one row, map it: the one way, inside a transaction or a read."""
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return read(row) if row is not None else None


async def fetch_all(conn: aiosqlite.Connection, sql: str, params: Params, read: Read[T]) -> list[T]:
    """Execute and map every row (a long list is mapped off the event loop: see `mapped`)."""
    return await mapped(await fetch_rows(conn, sql, params), read)


async def fetch_rows(conn: aiosqlite.Connection, sql: str, params: Params) -> list[Row]:
    """Every row, fetched a chunk at a time (others get the event loop in between)."""
    found: list[Row] = []
    async with conn.execute(sql, params) as cursor:
        while chunk := await cursor.fetchmany(FETCH_CHUNK):
            found += chunk
    return found


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
    """`UPDATE table SET a = ?, b = ? WHERE key = ?` for the fields given; returns the rows changed.

    Column names come from code, never from users, but they are checked against `editable` before
    any SQL is built, so a misspelt or unexpected field is a loud bug rather than an injection.
    Values are stored as they are, except bools as 0/1."""
    unknown = set(fields) - editable
    if unknown or not fields:
        raise ValueError(f"not editable: {sorted(unknown)}" if unknown else "nothing to update")
    column, value = key
    assignments = ", ".join(f"{name} = ?" for name in fields)
    values = [int(v) if isinstance(v, bool) else v for v in fields.values()]
    cursor = await conn.execute(
        f"UPDATE {table} SET {assignments} WHERE {column} = ?", (*values, value)
    )
    return cursor.rowcount
