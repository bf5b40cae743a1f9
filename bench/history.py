"""A heavy-history user doesn't freeze the bot for everyone: the real `python -m bot` in its own
process, with one creator's 20k posts and 5k follower counts seeded before it starts (the seeding
of `bench.heavy`).

The heavy creator sends `/insights`, `/chart followers` and `/export`, back to back, over and over,
while a light user sends `/today` every 50 ms: the light user's p50/p99 (offered → reply answered,
its round trip included), and the bot's longest event-loop stall from its /metrics
(`postpact_event_loop_longest_stall_seconds`; "n/a" when the bot doesn't export it).

Run with `make bench` (or `python -m bench.history --seconds 10`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import heavy
from bench.harness import World, percentile, running
from bot.fakeapi.people import Person

HEAVY_COMMANDS = ("/insights", "/chart followers", "/export")
STALL_METRIC = "postpact_event_loop_longest_stall_seconds"
GIVE_UP_SECONDS = 120  # a bot that answers nothing for this long has failed the row


@dataclass(frozen=True)
class Figures:
    probes: int
    p50_ms: float
    p99_ms: float
    rounds: int  # how many times the three heavy commands were all answered
    round_seconds: float  # the median time of one round
    stall_ms: float | None


async def measure(seconds: float = 10.0, posts: int = 20_000, counts: int = 5_000) -> Figures:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        await heavy.seed(folder / "postpact.sqlite3", posts, counts)
        async with World() as world, running("postpact", world, folder) as bot:
            creator = Person(heavy.HEAVY_ID, "Heavy")
            light = World.people(1)[0]
            await world.send(light, "/today")
            await world.replies_reach(1)
            until = time.monotonic() + seconds
            probing = asyncio.ensure_future(_probe(world, light, until))
            rounds = await _heavy_rounds(world, creator, until)
            latencies = await probing
            stall = await bot.metric(STALL_METRIC)
    return Figures(
        probes=len(latencies),
        p50_ms=percentile(latencies, 0.5) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        rounds=len(rounds),
        round_seconds=percentile(rounds, 0.5),
        stall_ms=None if stall is None else stall * 1000,
    )


async def _heavy_rounds(world: World, creator: Person, until: float) -> list[float]:
    """The three heavy commands and a `/today` behind them (one user's updates are handled in
    order, so its reply means all three were); at least one round, however long it takes."""
    mark = len(world.server.calls)
    await world.send(creator, "/today")
    today = await _answered(world, creator.user_id, mark, None)
    rounds: list[float] = []
    while not rounds or time.monotonic() < until:
        started = time.monotonic()
        mark = len(world.server.calls)
        for command in HEAVY_COMMANDS:
            await world.send(creator, command)
        await world.send(creator, "/today")
        await _answered(world, creator.user_id, mark, today)
        rounds.append(time.monotonic() - started)
    return rounds


async def _answered(world: World, chat: int, mark: int, text: str | None) -> str:
    """Wait for a message to `chat` after call `mark` reading `text` (None: any); its text."""
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        for call in world.server.calls[mark:]:
            if (
                call.method == "sendMessage"
                and call.answered is not None
                and int(call.params["chat_id"]) == chat
                and text in (None, call.params.get("text"))
            ):
                return str(call.params.get("text"))
        await asyncio.sleep(0.02)
    raise TimeoutError(f"no answer to the heavy creator within {GIVE_UP_SECONDS} s")


async def _probe(world: World, person: Person, until: float) -> list[float]:
    latencies = []
    while time.monotonic() < until:
        world.scan()
        seen = len(world.replies.get(person.user_id, []))
        offered = await world.send(person, "/today")
        answered = await world.reply(person.user_id, seen, within=GIVE_UP_SECONDS)
        latencies.append(answered - offered)
        await asyncio.sleep(0.05)
    return latencies


def describe(f: Figures) -> str:
    stall = "n/a" if f.stall_ms is None else f"{f.stall_ms:.0f} ms"
    return (
        f"/today p50 {f.p50_ms:.1f} ms, p99 {f.p99_ms:.1f} ms ({f.probes} probes) while"
        f" /insights + /chart followers + /export ran {f.rounds}× (median {f.round_seconds:.2f} s"
        f" each); longest event-loop stall {stall}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--counts", type=int, default=5_000)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(describe(asyncio.run(measure(args.seconds, args.posts, args.counts))))


if __name__ == "__main__":
    main()
