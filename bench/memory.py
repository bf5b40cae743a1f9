"""Peak memory with 100k users in the database while the bot serves check-ins.

Runs as its own process (`make bench` starts it) so the figure is this scenario's alone. The fake
Bot API shares the process, so the figure is an upper bound for the bot itself.
"""

from __future__ import annotations

import asyncio
import resource
import tempfile
from pathlib import Path

from bench.fanout import NOW, seed
from bot.clock import ControllableClock
from bot.fakeapi import Session


async def measure(users: int = 100_000, posts: int = 1000) -> int:
    """Peak RSS in MiB after seeding `users` and serving `posts` check-ins from 200 of them."""
    clock = ControllableClock(NOW)  # seeded nudges are a day away: the bot just serves
    with tempfile.TemporaryDirectory() as folder:
        await seed(Path(folder) / "postpact.sqlite3", users, 0)
        async with Session(Path(folder), clock) as session:
            people = [session.person(f"u{n}") for n in range(200)]
            for n in range(posts):
                await session.queue(people[n % len(people)], f"/post tiktok load {n}")
            await session.settle()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    print(f"peak RSS {asyncio.run(measure())} MiB")


if __name__ == "__main__":
    main()
