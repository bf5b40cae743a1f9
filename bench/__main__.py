"""`make bench`: every figure, in one table. Not part of `make test`.

Each figure comes from its own module (run one alone with `python -m bench.<name>`); memory runs
in a separate process so that the other scenarios don't inflate it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys

from bench import checkins, fanout, heavy, storage, yearly
from bot.outbound import Limits


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    table: list[tuple[str, str]] = []
    for delay in (0.0, 0.05):
        c = asyncio.run(checkins.measure(delay, 200, 5))
        table.append((f"check-ins, {c.delay_ms} ms round trip",
                      f"{c.per_second:.0f} updates/s; at {c.steady_rate:.0f}/s: "
                      f"p50 {c.p50_ms:.1f} ms, p99 {c.p99_ms:.1f} ms"))  # fmt: skip
    for users in (100_000, 1_000_000):
        s = asyncio.run(fanout.sweep_query(users))
        found = f"first 500: {s.first_batch_ms:.1f} ms · all due: {s.all_due_ms:.1f} ms"
        table.append((f"sweep, {users:,} users ({s.due:,} due)", found))
    f = asyncio.run(fanout.fanout(600, Limits().per_second))
    share = 100 * f.per_second / f.configured
    table.append(("fan-out (server refuses > 30/s)",
                  f"fan-out {f.per_second:.1f} msg/s, {share:.1f}% of limit; "
                  f"{f.throttled} × 429, {f.lost} lost, {f.doubled} sent twice"))  # fmt: skip
    u = asyncio.run(fanout.checkins_under_fanout(10_000, 40))
    table.append(("/post during a 10k fan-out",
                  f"p50 {u.p50_ms:.1f} ms, p99 {u.p99_ms:.1f} ms"))  # fmt: skip
    h = asyncio.run(heavy.measure(10.0))
    table.append(("/today while the heaviest /insights and /export run", heavy.describe(h)))
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
    width = max(len(name) for name, _ in table)
    print(f"{'benchmark':<{width}}  figure")
    print(f"{'-' * width}  {'-' * 60}")
    for name, figure in table:
        print(f"{name:<{width}}  {figure}")


if __name__ == "__main__":
    main()
