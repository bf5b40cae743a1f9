"""Finding who is due: with 100k and 1M users in the database (1% due), how long the sweep's
indexed query takes to find the first batch of due nudges, and all of them. `seed` also fills
the databases `bench.sendrate` and `bench.startup` start the bot on. (The fan-out itself is
measured against the real bot process: `bench.sendrate`.)

Run with `make bench` (or `python -m bench.fanout --quick` for smaller numbers).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.store import Store
from bot.store.db import Database, to_db_instant

NOW = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
TELEGRAM_CEILING = 30


async def seed(path: Path, users: int, due: int, now: datetime = NOW) -> None:
    """`users` onboarded users in UTC; the first `due` of them have a nudge due `now`."""
    db = await Database.open(path)
    await db.close()
    stamp = to_db_instant(now - timedelta(days=1))
    due_at = to_db_instant(now - timedelta(seconds=30))
    later = to_db_instant(now + timedelta(days=1))
    review = to_db_instant(now + timedelta(days=30))
    month = f"month:{now:%Y-%m}"
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO users (user_id, first_name, timezone, onboarded, created_at, updated_at,"
            " next_nudge_at, next_nudge_kind, next_review_at, next_review_period)"
            " VALUES (?, ?, 'UTC', 1, ?, ?, ?, 'nudge', ?, ?)",
            (
                (10_000 + n, f"u{n}", stamp, stamp, due_at if n < due else later, review, month)
                for n in range(users)
            ),
        )


@dataclass(frozen=True)
class SweepFigures:
    users: int
    due: int
    first_batch_ms: float
    all_due_ms: float


async def sweep_query(users: int) -> SweepFigures:
    due = users // 100
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        await seed(path, users, due)
        store = await Store.open(path)
        try:
            batch = await _best_of(5, lambda: store.reminders.due_nudges(NOW, 500))
            every = await _best_of(3, lambda: store.reminders.due_nudges(NOW, due + 1))
        finally:
            await store.close()
    return SweepFigures(users, due, batch, every)


async def _best_of(runs: int, query: Callable[[], Awaitable[object]]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        await query()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k/100k users, 120 messages")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    sizes = (10_000, 100_000) if args.quick else (100_000, 1_000_000)
    print("sweep: finding due nudges (1% of users due), indexed query on SQLite")
    print(f"{'users':>10} {'due':>8} {'first 500':>10} {'all due':>10}")
    for users in sizes:
        s = asyncio.run(sweep_query(users))
        print(f"{s.users:>10,} {s.due:>8,} {s.first_batch_ms:>7.2f} ms {s.all_due_ms:>7.1f} ms")


if __name__ == "__main__":
    main()
