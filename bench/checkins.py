"""Check-in throughput and reply latency, end to end through the fake Bot API.

Simulated users send `/post …` to the real bot (real PTB Application, real SQLite file in a temp
folder). The fake server can add a round-trip delay to every Bot API call, as Telegram's own 50–100
ms would. Two figures per delay:

- throughput: a burst of updates queued at once; updates handled per second until all are done;
- latency: a steady stream at half that rate; p50/p99 from an update's arrival at the fake server to
  the bot's reply arriving back there.

Run with `make bench` (or `python -m bench.checkins --users 400`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.clock import ControllableClock
from bot.fakeapi import Person, Session


@dataclass(frozen=True)
class Figures:
    delay_ms: int
    updates: int
    per_second: float
    steady_rate: float
    p50_ms: float
    p99_ms: float


async def measure(delay: float, users: int, posts_each: int) -> Figures:
    clock = ControllableClock(datetime(2026, 3, 2, 12, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as folder:
        async with Session(Path(folder), clock, latency=delay) as session:
            people = [session.person(f"u{i}") for i in range(users)]
            for person in people:  # warm-up: every user exists, as in a running bot
                await session.queue(person, "/today")
            await session.settle()

            started = time.perf_counter()
            for round_ in range(posts_each):
                for person in people:
                    await session.queue(person, f"/post tiktok burst {round_}")
            await session.settle()
            burst = users * posts_each
            per_second = burst / (time.perf_counter() - started)

            rate = per_second / 2
            latencies = await steady(session, people, rate, seconds=4.0)
    return Figures(
        delay_ms=round(delay * 1000),
        updates=burst,
        per_second=per_second,
        steady_rate=rate,
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=statistics.quantiles(latencies, n=100)[98] * 1000,
    )


async def steady(
    session: Session, people: list[Person], rate: float, seconds: float
) -> list[float]:
    """Send at `rate` updates/s, round-robin over users; return each reply's latency."""
    server = session.server
    mark = len(server.calls)
    sent: list[tuple[int, float]] = []
    interval = 1 / rate
    count = int(rate * seconds)
    next_at = time.perf_counter()
    for index in range(count):
        person = people[index % len(people)]
        sent.append((person.user_id, time.monotonic()))
        await session.queue(person, f"/post tiktok steady {index}")
        next_at += interval
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    await session.settle()
    replies: dict[int, list[float]] = {}
    for call in server.calls[mark:]:
        if call.method == "sendMessage":
            replies.setdefault(int(call.params["chat_id"]), []).append(call.at)
    latencies = []
    for user_id, at in sent:  # each user's replies come in the order of their updates
        latencies.append(replies[user_id].pop(0) - at)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--posts", type=int, default=5, help="posts per user in the burst")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"check-ins: {args.users} users × {args.posts} posts, real bot + fake Bot API + SQLite")
    print(
        f"{'round trip':>10} {'updates':>8} {'updates/s':>10} {'steady/s':>9} {'p50':>8} {'p99':>8}"
    )
    for delay in (0.0, 0.05):
        f = asyncio.run(measure(delay, args.users, args.posts))
        print(
            f"{f.delay_ms:>8} ms {f.updates:>8} {f.per_second:>10.0f} {f.steady_rate:>9.0f} "
            f"{f.p50_ms:>5.1f} ms {f.p99_ms:>5.1f} ms"
        )


if __name__ == "__main__":
    main()
