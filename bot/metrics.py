"""Numbers to watch: one Prometheus registry per running bot, and the few hooks that feed it.

Features call nothing here. Updates are counted and timed where they enter (the update processor,
`bot.ordering`), sends where their outcome is decided (replies in `bot.request_layer`, proactive
messages in `bot.outbound`), sweeps where the scheduler runs them (`bot.sweeps`). What describes
the database (queue depth, who was active today, the file's size) is read when /metrics is
scraped (`Metrics.refresh`), not kept up to date on every write.

The registry is the bot's own, never prometheus-client's global one: tests run many bots in one
process, and each must count only its own.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from telegram import Update

from bot.clock import Clock
from bot.store.activity import Activity

# How a send ended: delivered, refused or given up on, or maybe delivered (its answer was lost).
SendOutcome = Literal["sent", "failed", "unknown"]
# Who met a 429: a reply (FloodGuard) or the outbound queue.
FloodSource = Literal["reply", "queue"]

# Handler latency buckets, seconds: a reply is expected within a few hundred milliseconds.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
SWEEP_BUCKETS = (0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 60.0)
# The event loop is checked this often: a task asks to wake every tick and notes how late it woke.
STALL_TICK = 0.05
STALL_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
# A command nobody registered is counted as this, so a stranger's /anything can't add label values.
OTHER_COMMAND = "other"


class Metrics:
    def __init__(self, clock: Clock, database_path: Path) -> None:
        self.registry = r = CollectorRegistry()
        self._clock, self._database_path = clock, database_path
        self._commands: frozenset[str] = frozenset()
        self.bot_api_reached_at: datetime | None = None
        self.updates = Counter(
            "postpact_updates", "Updates handled, by kind and command.", ["kind", "command"],
            registry=r,
        )  # fmt: skip
        self.latency = Histogram(
            "postpact_update_seconds", "Time to handle one update, by kind.", ["kind"],
            buckets=LATENCY_BUCKETS, registry=r,
        )  # fmt: skip
        self.sends = Counter(
            "postpact_messages", "Replies and proactive messages by kind and outcome.",
            ["kind", "outcome"], registry=r,
        )  # fmt: skip
        self.webhook_refused = Counter(
            "postpact_webhook_refused", "Webhook requests without the right secret (403).",
            registry=r,
        )  # fmt: skip
        self.floods = Counter(
            "postpact_flood_waits", "429 answers from Telegram.", ["source"], registry=r
        )
        self.retry_after = Counter(
            "postpact_retry_after_seconds", "Seconds Telegram asked to wait, summed.", ["source"],
            registry=r,
        )  # fmt: skip
        self.sweep_seconds = Histogram(
            "postpact_sweep_seconds", "Time one sweep run took.", ["sweep"],
            buckets=SWEEP_BUCKETS, registry=r,
        )  # fmt: skip
        self.sweep_lag = Gauge(
            "postpact_sweep_lag_seconds",
            "How far past due the next run of each sweep is (0: on time).", ["sweep"], registry=r,
        )  # fmt: skip
        self.queue_depth = Gauge(
            "postpact_outbound_queue_depth", "Proactive messages pending or being sent.", registry=r
        )
        self.users_today = Gauge(
            "postpact_active_users_today", "Users who logged something today.", registry=r
        )
        self.rooms_today = Gauge(
            "postpact_active_rooms_today", "Rooms with a member who logged today.", registry=r
        )
        self.stalls, self.longest_stall = _stall_metrics(r)
        self.database_bytes = Gauge(
            "postpact_database_bytes", "The database file plus its -wal file.", registry=r
        )

    def know_commands(self, commands: Iterable[str]) -> None:
        """The commands the bot registered: only these get a label value of their own."""
        self._commands = frozenset(c.lower() for c in commands)

    @contextmanager
    def handling(self, update: object) -> Iterator[None]:
        """Count one update and time its handlers (real time: latency, not a date)."""
        kind, command = self._kind_of(update)
        self.updates.labels(kind, command).inc()
        started = time.perf_counter()
        try:
            yield
        finally:
            self.latency.labels(kind).observe(time.perf_counter() - started)

    def bot_api_reached(self) -> None:
        """Any Bot API call just succeeded (getUpdates included): Telegram is reachable."""
        self.bot_api_reached_at = self._clock.now()

    def sent(self, kind: str, outcome: SendOutcome) -> None:
        self.sends.labels(kind, outcome).inc()

    def flooded(self, source: FloodSource, retry_after: float) -> None:
        self.floods.labels(source).inc()
        self.retry_after.labels(source).inc(retry_after)

    def swept(self, name: str, seconds: float) -> None:
        self.sweep_seconds.labels(name).observe(seconds)

    async def watch_the_loop(self) -> None:
        """Runs for the bot's life. Every reply waits while one piece of work holds the event loop
        (a long computation, a big file built in place), so how late this task wakes is how long
        anyone else's update may have waited. Real time, like the update latency."""
        loop = asyncio.get_running_loop()
        longest = 0.0
        while True:
            asked = loop.time()
            await asyncio.sleep(STALL_TICK)
            late = max(0.0, loop.time() - asked - STALL_TICK)
            self.stalls.observe(late)
            if late > longest:
                longest = late
                self.longest_stall.set(late)

    def refresh(self, scraped: Activity, sweep_lags: dict[str, float]) -> None:
        """Set the gauges read at scrape time."""
        self.queue_depth.set(scraped.queue_depth)
        self.users_today.set(scraped.users_today)
        self.rooms_today.set(scraped.rooms_today)
        self.database_bytes.set(database_bytes(self._database_path))
        for name, lag in sweep_lags.items():
            self.sweep_lag.labels(name).set(lag)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)

    def _kind_of(self, update: object) -> tuple[str, str]:
        if not isinstance(update, Update):
            return "other", ""
        if update.callback_query is not None:
            return "callback", ""
        if update.edited_message is not None or update.edited_channel_post is not None:
            return "edited", ""
        if update.my_chat_member is not None or update.chat_member is not None:
            return "member", ""
        if update.channel_post is not None:
            return "channel_post", ""
        message = update.message
        if message is None:
            return "other", ""
        text = message.text or ""
        if not text.startswith("/"):
            return "message", ""
        name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
        return "command", name if name in self._commands else OTHER_COMMAND


def _stall_metrics(registry: CollectorRegistry) -> tuple[Histogram, Gauge]:
    """What `Metrics.watch_the_loop` reports."""
    stalls = Histogram(
        "postpact_event_loop_stall_seconds",
        f"How late the event loop woke a task due every {STALL_TICK * 1000:.0f} ms.",
        buckets=STALL_BUCKETS, registry=registry,
    )  # fmt: skip
    longest = Gauge(
        "postpact_event_loop_longest_stall_seconds",
        "The longest the event loop was held by one piece of work since the bot started.",
        registry=registry,
    )  # fmt: skip
    return stalls, longest


def database_bytes(path: Path) -> int:
    """The database's size on disk: the file and its write-ahead log (which holds recent writes
    until a checkpoint folds them in)."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            continue  # no -wal file right after a checkpoint, or none yet
    return total
