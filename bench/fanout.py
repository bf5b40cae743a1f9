"""Proactive messages at scale: finding who is due, delivering at Telegram's rate, and check-ins
staying quick while a big fan-out runs.

- sweep: with 100k and 1M users in the database (1% due), how long the indexed query takes to find
  the first batch of due nudges, and all of them;
- fan-out: due nudges delivered through the real outbound queue to a fake Bot API that answers 429
  beyond 30 messages/s (Telegram's ceiling): messages/s, as a share of that ceiling, 429s received,
  and messages lost or sent twice;
- check-ins under fan-out: `/post` reply latency while 10k nudges are being claimed and sent.

Run with `make bench` (or `python -m bench.fanout --quick` for smaller numbers).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Session
from bot.outbound import Limits
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


@dataclass(frozen=True)
class FanoutFigures:
    configured: float
    messages: int
    per_second: float
    throttled: int
    lost: int
    doubled: int


@asynccontextmanager
async def due_nudges(messages: int, rate: float) -> AsyncIterator[Session]:
    """A running bot with `messages` nudges due at NOW (the clock is just before), talking to a
    fake Bot API that refuses more than Telegram's ceiling."""
    clock = ControllableClock(NOW - timedelta(minutes=5))
    with tempfile.TemporaryDirectory() as folder:
        await seed(Path(folder) / "postpact.sqlite3", messages, messages)
        async with Session(Path(folder), clock, limits=Limits(per_second=rate)) as session:
            session.server.enforce_send_limit(TELEGRAM_CEILING)
            yield session


async def fanout(messages: int, rate: float) -> FanoutFigures:
    async with due_nudges(messages, rate) as session:
        session.clock.set(NOW)
        await session.tick()
        sends = [
            c
            for c in session.server.calls_to("sendMessage")
            if c.error is None and int(c.params.get("chat_id", 0)) >= 10_000
        ]
        throttled = session.bot.outbox.stats.throttled
    per_chat = Counter(int(c.params["chat_id"]) for c in sends)
    span = sends[-1].at - sends[0].at
    return FanoutFigures(
        configured=rate,
        messages=messages,
        per_second=(len(sends) - 1) / span,
        throttled=throttled,
        lost=messages - len(per_chat),
        doubled=sum(n - 1 for n in per_chat.values()),
    )


@dataclass(frozen=True)
class UnderLoadFigures:
    fanout: int
    sent_meanwhile: int
    p50_ms: float
    p99_ms: float
    worst_ms: float


async def checkins_under_fanout(messages: int, posts: int) -> UnderLoadFigures:
    async with due_nudges(messages, Limits().per_second) as session:
        creator = session.person("Creator")
        await session.send(creator, "/today")
        session.clock.set(NOW)
        sweep = asyncio.create_task(session.bot.sweeps.run_now(within=600))
        latencies = []
        for n in range(posts):
            started = time.perf_counter()
            reply = await session.send(creator, f"/post tiktok under load {n}")
            latencies.append((time.perf_counter() - started) * 1000)
            assert reply.text.startswith("✅ Logged"), reply.text
            await asyncio.sleep(0.25)
        sent = session.bot.outbox.stats.sent
        await sweep
    return UnderLoadFigures(
        fanout=messages,
        sent_meanwhile=sent,
        p50_ms=statistics.median(latencies),
        p99_ms=statistics.quantiles(latencies, n=100, method="inclusive")[98],
        worst_ms=max(latencies),
    )


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

    count = 120 if args.quick else 600
    print(f"fan-out: {count} nudges; the fake Bot API answers 429 beyond {TELEGRAM_CEILING}/s")
    for rate in (Limits().per_second, float(TELEGRAM_CEILING)):
        f = asyncio.run(fanout(count, rate))
        print(
            f"fan-out {f.per_second:.1f} msg/s, {100 * f.per_second / f.configured:.1f}% of limit "
            f"(configured {f.configured:.0f}/s = {100 * f.per_second / TELEGRAM_CEILING:.1f}% "
            f"of Telegram's {TELEGRAM_CEILING}): {f.throttled} × 429, {f.lost} lost, "
            f"{f.doubled} sent twice"
        )

    u = asyncio.run(checkins_under_fanout(10_000, 40))
    print(
        f"/post while a {u.fanout:,}-nudge fan-out runs ({u.sent_meanwhile} sent meanwhile): "
        f"p50 {u.p50_ms:.1f} ms, p99 {u.p99_ms:.1f} ms, worst {u.worst_ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
