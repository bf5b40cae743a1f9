from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.store.db import Database, SchemaTooNewError, load_migrations, migrations_dir


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


async def test_every_migration_applies_to_an_empty_database(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "folder" / "db.sqlite3"  # the parent folders are created
    db = await Database.open(path)
    await db.close()
    migrations = load_migrations()
    assert user_version(path) == migrations[-1].version
    assert {"users", "posts", "post_tags", "post_metrics", "follower_counts"} <= tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    for _ in range(2):
        db = await Database.open(path)
        await db.close()
    assert user_version(path) == len(load_migrations())


async def test_a_newer_database_refuses_to_start(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNewError, match="schema version 999"):
        await Database.open(path)


async def test_a_failing_migration_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), folder)
    broken = folder / f"{len(load_migrations()) + 1:04d}_broken.sql"
    broken.write_text("CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;\n")
    path = tmp_path / "db.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        await Database.open(path, load_migrations(folder))
    assert "half_done" not in tables(path)
    assert user_version(path) == len(load_migrations())


def test_migration_files_are_numbered_without_gaps(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("")
    (tmp_path / "0003_c.sql").write_text("")
    with pytest.raises(ValueError, match="without gaps"):
        load_migrations(tmp_path)


async def test_the_days_migration_reconciles_posting_and_rest_days(tmp_path: Path) -> None:
    """One setting: days off = 7 - posting days. The old defaults (7 and 1) become 6 and 1; a
    user's own rest days are kept; posting days already leaving that much rest stay."""
    path = tmp_path / "db.sqlite3"
    before = [m for m in load_migrations() if m.version < 8]  # everything before 0008_days
    db = await Database.open(path, before)
    await db.close()
    given = [(1, 7, 1), (2, 5, 1), (3, 7, 0), (4, 6, 3), (5, 3, 1)]
    with sqlite3.connect(path) as conn:
        for user_id, days, rest in given:
            conn.execute(
                "INSERT INTO users (user_id, first_name, timezone, posting_days_per_week,"
                " rest_days_per_week, created_at, updated_at) VALUES (?, 'x', 'UTC', ?, ?, '', '')",
                (user_id, days, rest),
            )
    db = await Database.open(path)
    await db.close()
    with sqlite3.connect(path) as conn:
        after = conn.execute("SELECT user_id, posting_days_per_week FROM users ORDER BY 1")
        assert after.fetchall() == [(1, 6), (2, 5), (3, 7), (4, 4), (5, 3)]
