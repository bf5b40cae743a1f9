"""Heavy jobs run in a worker process, on a read-only view of the database."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from bot.offload import in_worker
from bot.store import Database, Store


async def where_and_what(store: Store) -> tuple[int, list[str]]:
    """The job: which process ran it, and what it read."""
    names = await store.db.all("SELECT first_name FROM users ORDER BY user_id", (), lambda r: r[0])
    return os.getpid(), names


async def write_something(store: Store) -> None:
    async with store.db.transaction() as conn:
        await conn.execute("DELETE FROM users")


async def test_a_job_runs_in_another_process_and_reads_what_the_bot_wrote(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    db = await Database.open(path)
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO users (user_id, first_name, timezone, created_at, updated_at)"
            " VALUES (1, 'Maya', 'UTC', 'x', 'x')"
        )
    try:
        pid, names = await in_worker(path, where_and_what)
        assert pid != os.getpid()
        assert names == ["Maya"]
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            await in_worker(path, write_something)
        assert (await in_worker(path, where_and_what))[1] == ["Maya"]  # nothing was deleted
    finally:
        await db.close()
