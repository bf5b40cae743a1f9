"""What a check-in costs in the database: the store's whole write (post, tags, follow-up time, one
transaction) against a raw aiosqlite insert of the same rows, on the same kind of file."""

from __future__ import annotations

import asyncio
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiosqlite

from bot.domain.models import PostDraft
from bot.store import Store
from bot.store.db import to_db_instant

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
DAY = date(2026, 3, 2)


async def store_cost(folder: Path, count: int) -> float:
    store = await Store.open(folder / "store.sqlite3")
    try:
        await store.users.contact(1, "Bench", None, "en", "UTC", NOW)
        started = time.perf_counter()
        for n in range(count):
            draft = PostDraft("tiktok", title=f"post {n}", tags=("food", "quick"))
            await store.posts.add(1, draft, NOW, DAY, NOW + timedelta(days=1))
        return (time.perf_counter() - started) / count
    finally:
        await store.close()


async def raw_cost(folder: Path, count: int) -> float:
    """The same rows, written the plainest way aiosqlite allows, one transaction per check-in."""
    store = await Store.open(folder / "raw.sqlite3")  # the same schema and pragmas
    await store.users.contact(1, "Bench", None, "en", "UTC", NOW)
    await store.close()
    async with aiosqlite.connect(folder / "raw.sqlite3", isolation_level=None) as conn:
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA synchronous = NORMAL")
        started = time.perf_counter()
        for n in range(count):
            await conn.execute("BEGIN IMMEDIATE")
            cursor = await conn.execute(
                "INSERT INTO posts (user_id, number, platform, title, logged_at, local_date,"
                " followup_at) VALUES (1, ?, 'tiktok', ?, ?, ?, ?)",
                (n + 1, f"post {n}", to_db_instant(NOW), DAY.isoformat(),
                 to_db_instant(NOW + timedelta(days=1))),
            )  # fmt: skip
            await conn.executemany(
                "INSERT INTO post_tags (post_id, tag) VALUES (?, ?)",
                [(cursor.lastrowid, "food"), (cursor.lastrowid, "quick")],
            )
            await conn.commit()
        return (time.perf_counter() - started) / count


async def measure(count: int = 2000) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        return await store_cost(Path(folder), count), await raw_cost(Path(folder), count)


def main() -> None:
    ours, raw = asyncio.run(measure())
    print(f"check-in in the store {ours * 1e6:.0f} µs, raw insert {raw * 1e6:.0f} µs, "
          f"ratio {ours / raw:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
