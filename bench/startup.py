"""Start-up to ready with 50k users: seconds from spawning `python -m bot` until /readyz answers
200, on a database seeded as real users leave it: onboarded, a program running, platforms, a nudge
tomorrow and a monthly review ahead, a post and a follower count each.

Run with `make bench` (or `python -m bench.startup --users 50000`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.fanout import seed
from bench.harness import World, running
from bot.store.db import to_db_instant

FIRST_SEEDED = 10_000  # the ids `bench.fanout.seed` gives its users


def add_history(path: Path, users: int, now: datetime) -> None:
    """What each seeded user has beyond their row: a running program, a platform, a post from
    yesterday (its follow-up ahead) and a follower count."""
    yesterday = now - timedelta(days=1)
    stamp, day = to_db_instant(yesterday), yesterday.date().isoformat()
    followup = to_db_instant(now + timedelta(hours=12))
    ids = range(FIRST_SEEDED, FIRST_SEEDED + users)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO programs (user_id, cycle, start_date, started_at) VALUES (?, 1, ?, ?)",
            ((uid, day, stamp) for uid in ids),
        )
        conn.executemany(
            "INSERT INTO user_platforms (user_id, platform, position) VALUES (?, 'tiktok', 0)",
            ((uid,) for uid in ids),
        )
        conn.executemany(
            "INSERT INTO posts (user_id, number, platform, title, logged_at, local_date,"
            " followup_at) VALUES (?, 1, 'tiktok', 'first', ?, ?, ?)",
            ((uid, stamp, day, followup) for uid in ids),
        )
        conn.executemany(
            "INSERT INTO follower_counts (user_id, platform, count, recorded_at, local_date)"
            " VALUES (?, 'tiktok', 1000, ?, ?)",
            ((uid, stamp, day) for uid in ids),
        )


async def measure(users: int = 50_000) -> float:
    """Seconds from spawning the bot until its /readyz answered 200."""
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        await seed(folder / "postpact.sqlite3", users, 0, now)
        add_history(folder / "postpact.sqlite3", users, now)
        async with World() as world, running("postpact", world, folder) as bot:
            return bot.ready_seconds


def describe(users: int, seconds: float) -> str:
    return f"{seconds:.2f} s from spawning `python -m bot` to /readyz 200, {users:,} users"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(describe(args.users, asyncio.run(measure(args.users))))


if __name__ == "__main__":
    main()
