"""`make bench`: every figure, in one table, headed by the date and the machine. Not part of
`make test`.

Each figure comes from its own module (run one alone with `python -m bench.<name>`). The rows that
measure the bot (check-ins, the heavy-history user, start-up, fan-out) run the real `python -m
bot` in its own process, with the fake Bot API and the load in this one (`bench/harness.py`); the
check-in rows run the ceiling bot (`bench/ceiling.py`) the same way, one bot at a time. Memory runs
in a process of its own so that the other scenarios don't inflate it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys

from bench import checkins, fanout, history, sendrate, startup, storage, yearly
from bench.harness import machine


def _bot_rows() -> list[tuple[str, str]]:
    """The rows that run the bot in its own process."""
    table: list[tuple[str, str]] = []
    for delay in (0.0, 0.05):
        c = asyncio.run(checkins.compare(delay))
        table.append((f"check-ins, {c.delay_ms} ms round trip", checkins.describe_throughput(c)))
        table.append((f"latency, {c.delay_ms} ms round trip", checkins.describe_latency(c)))
    heavy = history.describe(asyncio.run(history.measure()))
    table.append(("heavy-history user (20k posts, 5k counts)", heavy))
    ready = startup.describe(50_000, asyncio.run(startup.measure()))
    table.append(("start-up to ready, 50k users", ready))
    table.append(("fan-out, nobody talking", sendrate.describe(asyncio.run(sendrate.measure()))))
    table.append(
        ("fan-out, replies flowing", sendrate.describe(asyncio.run(sendrate.measure(replies=5.0))))
    )
    return table


def _other_rows() -> list[tuple[str, str]]:
    """Storage, the sweep's query, memory and a year's data: they measure other things."""
    table: list[tuple[str, str]] = []
    for users in (100_000, 1_000_000):
        s = asyncio.run(fanout.sweep_query(users))
        found = f"first 500: {s.first_batch_ms:.1f} ms · all due: {s.all_due_ms:.1f} ms"
        table.append((f"sweep, {users:,} users ({s.due:,} due)", found))
    memory = subprocess.run(
        [sys.executable, "-m", "bench.memory"], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"(\d+) MiB", memory)
    table.append(("memory, 100k users, serving check-ins",
                  f"peak RSS {match[1] if match else '?'} MiB (bot + fake API)"))  # fmt: skip
    ours, raw = asyncio.run(storage.measure())
    cost = f"{ours * 1e6:.0f} µs vs raw aiosqlite {raw * 1e6:.0f} µs: ×{ours / raw:.2f}"
    table.append(("database, per check-in", cost))
    table.append(
        ("database, a year of one creator", yearly.describe(asyncio.run(yearly.measure())))
    )
    return table


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    print(machine())
    table = _bot_rows() + _other_rows()
    width = max(len(name) for name, _ in table)
    print(f"{'benchmark':<{width}}  figure")
    print(f"{'-' * width}  {'-' * 60}")
    for name, figure in table:
        print(f"{name:<{width}}  {figure}")


if __name__ == "__main__":
    main()
