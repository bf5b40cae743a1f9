"""Nobody can freeze the bot for everyone: another user's `/today` latency while the heaviest
`/insights` and `/export` run, over and over.

The database is seeded (straight SQL, before the bot starts) with one creator with 100k posts and
20k follower counts, and a 30-member room with a year of posts each (two a day, weekly counts,
everything shared). Then, for a few seconds, the heavy creator sends `/insights` and `/export`
back to back, a room member sends the room's `/insights`, and meanwhile a light user sends
`/today` every 50 ms: p50/p95/p99 of the time from sending it to the reply (the goal: p99 under
100 ms), and how many heavy commands ran (each one's time is until the bot had handled
everything in flight, the probes included).

Run with `make bench` (or `python -m bench.heavy --seconds 10`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session
from bot.store.db import Database, to_db_instant

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
HEAVY_ID = 9_000_000
ROOM_ID = -9_000_000
MEMBER_IDS = range(9_000_001, 9_000_031)
PLATFORMS = ("tiktok", "xiaohongshu", "youtube")
TAGS = ("food", "travel", "recipe", "vlog", "tips", "quick", "budget", "story")
# The limits a heavy user meets in real life are not what this measures: raised for the run.
NO_LIMITS = {"user_burst": 1_000_000, "user_rate_per_second": 1_000_000.0}


@dataclass(frozen=True)
class Figures:
    probes: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    heavy_runs: dict[str, list[float]]  # command → seconds each run took


def _user(user_id: int, name: str, stamp: str) -> tuple[object, ...]:
    return (user_id, name, "UTC", 1, stamp, stamp, 1)


def _posts(
    user_id: int, count: int, start: datetime, span: timedelta
) -> Iterator[tuple[object, ...]]:
    step = span / count
    for n in range(count):
        at = start + step * n
        stamp = to_db_instant(at)
        yield (user_id, n + 1, PLATFORMS[n % 3], f"post {n}", stamp, at.date().isoformat())


def _counts(
    user_id: int, count: int, start: datetime, span: timedelta
) -> Iterator[tuple[object, ...]]:
    step = span / count
    rng = random.Random(user_id)
    value = dict.fromkeys(PLATFORMS, 1000)
    for n in range(count):
        at = start + step * n
        platform = PLATFORMS[n % 3]
        value[platform] = max(0, value[platform] + rng.randint(-5, 20))
        yield (user_id, platform, value[platform], to_db_instant(at), at.date().isoformat())


async def seed(path: Path, heavy_posts: int, heavy_counts: int) -> None:
    """The heavy creator and the room, written with plain SQL (the bot is not running yet)."""
    db = await Database.open(path)
    await db.close()
    stamp = to_db_instant(NOW - timedelta(days=400))
    rng = random.Random(14)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO users (user_id, first_name, timezone, onboarded, created_at, updated_at,"
            " share_followers) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_user(HEAVY_ID, "Heavy", stamp)]
            + [_user(uid, f"Member{n}", stamp) for n, uid in enumerate(MEMBER_IDS)],
        )
        conn.execute(
            "INSERT INTO groups (chat_id, title, timezone, created_at) VALUES (?, 'Big room',"
            " 'UTC', ?)",
            (ROOM_ID, stamp),
        )
        conn.executemany(
            "INSERT INTO memberships (chat_id, user_id, joined_at) VALUES (?, ?, ?)",
            [(ROOM_ID, uid, stamp) for uid in MEMBER_IDS],
        )
        posts = "INSERT INTO posts (user_id, number, platform, title, logged_at, local_date)"
        posts += " VALUES (?, ?, ?, ?, ?, ?)"
        counts = "INSERT INTO follower_counts (user_id, platform, count, recorded_at, local_date)"
        counts += " VALUES (?, ?, ?, ?, ?)"
        three_years, year = timedelta(days=3 * 365), timedelta(days=365)
        conn.executemany(posts, _posts(HEAVY_ID, heavy_posts, NOW - three_years, three_years))
        conn.executemany(counts, _counts(HEAVY_ID, heavy_counts, NOW - three_years, three_years))
        for uid in MEMBER_IDS:
            conn.executemany(posts, _posts(uid, 730, NOW - year, year))
            conn.executemany(counts, _counts(uid, 52, NOW - year, year))
        conn.execute(
            "INSERT INTO post_tags (post_id, tag) SELECT post_id, ? FROM posts",
            (TAGS[0],),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO post_tags (post_id, tag) VALUES (?, ?)",
            [(pid, rng.choice(TAGS)) for pid in range(1, heavy_posts + 30 * 730, 2)],
        )
        conn.execute(
            "INSERT INTO post_metrics (post_id, saves, updated_at) SELECT post_id,"
            " abs(random() % 40), logged_at FROM posts WHERE post_id % 3 = 0"
        )


async def _repeat(session: Session, person: Person, text: str, chat: int | None,
                  until: float, runs: list[float]) -> None:  # fmt: skip
    while time.perf_counter() < until:
        started = time.perf_counter()
        await session.send(person, text, chat_id=chat)
        runs.append(time.perf_counter() - started)


async def _probe(session: Session, person: Person, until: float) -> list[float]:
    """`/today` every 50 ms, each one's latency (sent → reply arrived at the fake server)."""
    latencies = []
    while time.perf_counter() < until:
        mark = len(session.server.calls)
        sent = time.monotonic()
        await session.queue(person, "/today")
        latencies.append(await _reply_at(session, person, mark) - sent)
        await asyncio.sleep(0.05)
    return latencies


async def _reply_at(session: Session, person: Person, mark: int) -> float:
    """When the first message to `person` after call number `mark` reached the fake server."""
    while True:
        for call in session.server.calls[mark:]:
            if call.method == "sendMessage" and int(call.params["chat_id"]) == person.user_id:
                return call.at
        await asyncio.sleep(0.001)


async def measure(
    seconds: float,
    heavy_posts: int = 100_000,
    heavy_counts: int = 20_000,
    only: str | None = None,
) -> Figures:
    clock = ControllableClock(NOW)
    with tempfile.TemporaryDirectory() as folder:
        await seed(Path(folder) / "postpact.sqlite3", heavy_posts, heavy_counts)
        async with Session(Path(folder), clock, user_limits=NO_LIMITS) as session:
            session.settle_seconds = 300.0
            heavy = session.person("Heavy", user_id=HEAVY_ID)
            member = session.person("Member0", user_id=MEMBER_IDS[0])
            light = session.person("Light")
            await session.send(light, "/today")  # the light user exists, as in a running bot
            runs: dict[str, list[float]] = {"/insights": [], "/export": [], "room /insights": []}
            until = time.perf_counter() + seconds
            loads = {
                "insights": _repeat(session, heavy, "/insights", None, until, runs["/insights"]),
                "export": _repeat(session, heavy, "/export", None, until, runs["/export"]),
                "room": _repeat(
                    session, member, "/insights", ROOM_ID, until, runs["room /insights"]
                ),
            }
            chosen = [load for name, load in loads.items() if only in (None, name)]
            for load in loads.values():
                if load not in chosen:
                    load.close()  # never started
            probing = asyncio.ensure_future(_probe(session, light, until))
            await asyncio.gather(*chosen)
            latencies = await probing
    cuts = statistics.quantiles(latencies, n=100)
    return Figures(
        probes=len(latencies),
        p50_ms=statistics.median(latencies) * 1000,
        p95_ms=cuts[94] * 1000,
        p99_ms=cuts[98] * 1000,
        heavy_runs=runs,
    )


def describe(f: Figures) -> str:
    heavy = ", ".join(
        f"{name} {len(runs)}× (median {statistics.median(runs):.2f} s)"
        for name, runs in f.heavy_runs.items()
        if runs
    )
    return (
        f"/today p50 {f.p50_ms:.1f} ms, p95 {f.p95_ms:.1f} ms, p99 {f.p99_ms:.1f} ms"
        f" ({f.probes} probes) while {heavy}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--counts", type=int, default=20_000)
    parser.add_argument("--only", choices=("insights", "export", "room", "none"), default=None)
    # "none": the probe alone, the figure to compare with
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(describe(asyncio.run(measure(args.seconds, args.posts, args.counts, args.only))))


if __name__ == "__main__":
    main()
