"""Check-ins: Postpact against the ceiling bot, each in its own process, on the same fake Bot API.

Simulated users send `/post …` to the bot under test (the real `python -m bot`, or `python -m
bench.ceiling`); the fake Bot API and the load run in this process, with a round-trip delay on
every Bot API call as Telegram's own 50–100 ms would add (the bot's replies pay it too). Per bot:

- throughput: a burst of `users × posts` updates queued at once; updates/s from the first queued to
  the last reply answered; and the bot process's CPU seconds per 1,000 updates meanwhile;
- latency: a steady stream at the SAME offered rate for both bots (`--rate`, 100/s by default);
  p50/p99 from an update being offered to its reply's call being answered (its round trip
  included).

Goal (issue 17): ≥ 500 updates/s at a 50 ms round trip, and ≥ 0.5 of the ceiling.
Run with `make bench` (or `python -m bench.checkins --users 200 --posts 5`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.harness import Kind, World, percentile, running
from bot.fakeapi.people import Person

GOAL_PER_SECOND = 500
GOAL_SHARE = 0.5
GOAL_DELAY_MS = 50  # the goal is set at a 50 ms round trip


@dataclass(frozen=True)
class Figures:
    """One bot at one round trip."""

    per_second: float
    cpu_ms_per_update: float  # the bot process's CPU per update in the burst (= s per 1,000)
    rate: float  # the offered rate of the latency figures
    p50_ms: float
    p99_ms: float


@dataclass(frozen=True)
class Comparison:
    delay_ms: int
    updates: int
    postpact: Figures
    ceiling: Figures

    @property
    def ratio(self) -> float:
        return self.postpact.per_second / self.ceiling.per_second

    @property
    def goal_met(self) -> bool:
        return self.postpact.per_second >= GOAL_PER_SECOND and self.ratio >= GOAL_SHARE


async def measure_one(
    kind: Kind, delay: float, users: int, posts: int, rate: float, seconds: float
) -> Figures:
    """Start `kind`, warm it up (every user has talked to it once), then burst, then stream."""
    with tempfile.TemporaryDirectory() as folder:
        async with World(delay) as world, running(kind, world, Path(folder)) as bot:
            people = World.people(users)
            for person in people:
                await world.send(person, "/today")
            await world.replies_reach(users)
            before, seen = bot.cpu_seconds(), world.count
            started = time.monotonic()
            for round_ in range(posts):
                for person in people:
                    await world.send(person, f"/post tiktok burst {round_}")
            last = await world.replies_reach(seen + users * posts)
            per_second = users * posts / (last - started)
            cpu = (bot.cpu_seconds() - before) / (users * posts) * 1000
            latencies = await steady(world, people, rate, seconds)
    return Figures(
        per_second=per_second,
        cpu_ms_per_update=cpu,
        rate=rate,
        p50_ms=percentile(latencies, 0.5) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
    )


async def steady(world: World, people: list[Person], rate: float, seconds: float) -> list[float]:
    """Offer `rate` updates/s round-robin over `people` for `seconds`; each one's latency, from
    being offered to its reply's call answered (each user's replies come in their order)."""
    world.scan()
    base = world.count
    seen = {p.user_id: len(world.replies.get(p.user_id, [])) for p in people}
    offered: list[tuple[int, float]] = []
    count = max(1, int(rate * seconds))
    next_at = time.monotonic()
    for index in range(count):
        person = people[index % len(people)]
        offered.append((person.user_id, await world.send(person, f"/post tiktok steady {index}")))
        next_at += 1 / rate
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
    await world.replies_reach(base + count)
    return [world.replies[user][seen[user] + n] - at for n, (user, at) in _nth(offered)]


def _nth(offered: list[tuple[int, float]]) -> list[tuple[int, tuple[int, float]]]:
    """Each offered update with its rank among its user's updates in the stream."""
    ranks: dict[int, int] = {}
    ranked = []
    for user, at in offered:
        ranked.append((ranks.get(user, 0), (user, at)))
        ranks[user] = ranks.get(user, 0) + 1
    return ranked


async def compare(
    delay: float, users: int = 200, posts: int = 15, rate: float = 100.0, seconds: float = 4.0
) -> Comparison:
    """Postpact, then the ceiling (never both at once: they would share the cores)."""
    ours = await measure_one("postpact", delay, users, posts, rate, seconds)
    ceiling = await measure_one("ceiling", delay, users, posts, rate, seconds)
    return Comparison(round(delay * 1000), users * posts, ours, ceiling)


def describe_throughput(c: Comparison) -> str:
    figures = (
        f"Postpact {c.postpact.per_second:.0f}/s ({c.postpact.cpu_ms_per_update:.2f} CPU s per"
        f" 1,000 updates) · ceiling {c.ceiling.per_second:.0f}/s"
        f" ({c.ceiling.cpu_ms_per_update:.2f} CPU s) · ratio {c.ratio:.2f} (burst of {c.updates:,})"
    )
    if c.delay_ms != GOAL_DELAY_MS:
        return figures
    goal = "met" if c.goal_met else "not met"
    return f"{figures}; goal ≥ {GOAL_PER_SECOND}/s and ≥ {GOAL_SHARE} of the ceiling: {goal}"


def describe_latency(c: Comparison) -> str:
    ours, ceiling = c.postpact, c.ceiling
    return (
        f"at {ours.rate:.0f}/s offered to each: Postpact p50 {ours.p50_ms:.1f} ms, p99"
        f" {ours.p99_ms:.1f} ms · ceiling p50 {ceiling.p50_ms:.1f} ms, p99 {ceiling.p99_ms:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--posts", type=int, default=15, help="posts per user in the burst")
    parser.add_argument("--rate", type=float, default=100.0, help="offered rate for latency")
    parser.add_argument("--delays", type=float, nargs="+", default=[0.0, 0.05])
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for delay in args.delays:
        c = asyncio.run(compare(delay, args.users, args.posts, args.rate))
        print(f"check-ins, {c.delay_ms} ms round trip: {describe_throughput(c)}")
        print(f"latency, {c.delay_ms} ms round trip: {describe_latency(c)}")


if __name__ == "__main__":
    main()
