"""Fan-out as a share of Telegram's 30 messages/s, alone and with replies flowing at the same time.

The real `python -m bot` in its own process, with its default send rate, sweeping every second
(SWEEP_INTERVAL_SECONDS=1); `--messages` users are seeded with a nudge due now, so the first sweep
fans out to all of them. The fake Bot API (in this process) answers 429 beyond 30 sends in any
second, as Telegram does. Printed: fan-out msg/s and its share of 30/s, 429s the bot received,
nudges lost (never delivered) and sent twice; with replies flowing, other users send `/post` at
`--replies` per second meanwhile: their rate, the total as a share of 30/s, and their p99
(offered → reply answered, its round trip included).

Run with `make bench` (or `python -m bench.sendrate --messages 300`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.fanout import seed
from bench.harness import World, percentile, running

TELEGRAM_CEILING = 30
FIRST_SEEDED = 10_000  # the ids `bench.fanout.seed` gives its users


@dataclass(frozen=True)
class Figures:
    messages: int
    per_second: float  # fan-out sends per second, first to last
    throttled: int  # 429s the bot received (replies' and fan-out's)
    lost: int
    doubled: int
    replies_per_second: float  # 0 when no replies flowed
    replies_p99_ms: float | None

    @property
    def share(self) -> float:
        """Everything sent meanwhile, as a share of Telegram's 30/s."""
        return (self.per_second + self.replies_per_second) / TELEGRAM_CEILING


async def measure(messages: int = 600, replies: float = 0.0) -> Figures:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        await seed(folder / "postpact.sqlite3", messages, messages, datetime.now(UTC))
        async with World() as world:
            world.server.enforce_send_limit(TELEGRAM_CEILING)
            async with running("postpact", world, folder, SWEEP_INTERVAL_SECONDS="1"):
                talking = asyncio.ensure_future(_replies(world, replies))
                await _delivered(world, messages, within=60 + messages / 10)
                latencies = await _stop(talking, world)
            world.scan()
    return _figures(world, messages, replies, latencies)


async def _replies(world: World, rate: float) -> list[tuple[int, int, float]]:
    """Users who are not due send `/post` at `rate`/s until cancelled: (chat, how many replies
    it had before, when offered) for each."""
    offered: list[tuple[int, int, float]] = []
    people = World.people(50)
    index = 0
    try:
        while rate > 0:
            person = people[index % len(people)]
            world.scan()
            seen = len(world.replies.get(person.user_id, []))
            at = await world.send(person, f"/post tiktok during the fan-out {index}")
            offered.append((person.user_id, seen, at))
            index += 1
            await asyncio.sleep(1 / rate)
    except asyncio.CancelledError:
        pass
    return offered


async def _stop(talking: asyncio.Future[list[tuple[int, int, float]]], world: World) -> list[float]:
    """Stop talking; once the replies in flight arrived (up to 10 s), each one's latency."""
    talking.cancel()
    offered = await talking
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        world.scan()
        if all(len(world.replies.get(chat, [])) > seen for chat, seen, _ in offered):
            break
        await asyncio.sleep(0.05)
    return [
        world.replies[chat][seen] - at
        for chat, seen, at in offered
        if len(world.replies.get(chat, [])) > seen
    ]


async def _delivered(world: World, messages: int, within: float) -> None:
    """Wait until every seeded user got a message (or `within` seconds passed)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        world.scan()
        if sum(1 for chat in world.replies if chat < FIRST_SEEDED + messages) >= messages:
            return
        await asyncio.sleep(0.05)


def _figures(world: World, messages: int, replies: float, latencies: list[float]) -> Figures:
    fanned = {c: t for c, t in world.replies.items() if FIRST_SEEDED <= c < FIRST_SEEDED + messages}
    times = sorted(t for sent in fanned.values() for t in sent)
    per_chat = Counter({chat: len(sent) for chat, sent in fanned.items()})
    span = times[-1] - times[0] if len(times) > 1 else float("inf")
    answered = [t for c, sent in world.replies.items() if c not in fanned for t in sent]
    in_span = [t for t in answered if times and times[0] <= t <= times[-1]]
    return Figures(
        messages=messages,
        per_second=(len(times) - 1) / span,
        throttled=world.throttled,
        lost=messages - len(per_chat),
        doubled=sum(n - 1 for n in per_chat.values()),
        replies_per_second=len(in_span) / span if replies > 0 else 0.0,
        replies_p99_ms=percentile(latencies, 0.99) * 1000 if latencies else None,
    )


def describe(f: Figures) -> str:
    replies = ""
    if f.replies_p99_ms is not None:
        replies = (
            f" + replies {f.replies_per_second:.1f}/s (p99 {f.replies_p99_ms:.0f} ms)"
            f" = {100 * f.share:.1f}% of {TELEGRAM_CEILING}/s"
        )
    return (
        f"fan-out of {f.messages}: {f.per_second:.1f} msg/s,"
        f" {100 * f.per_second / TELEGRAM_CEILING:.1f}% of {TELEGRAM_CEILING}/s{replies};"
        f" {f.throttled} × 429, {f.lost} lost, {f.doubled} sent twice"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--replies", type=float, default=5.0, help="replies/s in the second run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(describe(asyncio.run(measure(args.messages))))
    print(describe(asyncio.run(measure(args.messages, args.replies))))


if __name__ == "__main__":
    main()
