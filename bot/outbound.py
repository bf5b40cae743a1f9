"""The one outbound queue for proactive messages: nudges, follow-ups, reviews, room digests.

Replies to a user's own command never come through here: they go straight out, so a fan-out of
thousands of nudges never makes a check-in wait. What does come through here respects Telegram's
limits: all sends together, replies included, at most `SEND_RATE_PER_SECOND` (30 by default) in
any second, the queue taking what replies leave (`bot.send_budget`); one message per second per
chat, 20 per minute per group.

PTB's `AIORateLimiter` is deliberately not used: it would throttle replies too, has no per-chat
limit, and one 429 would pause every request. aiolimiter provides the per-chat buckets; replies go
through `bot.request_layer.FloodGuard`, which tells the budget about each one.

Each message is a claimed delivery (see `bot.store.deliveries`). It is rendered when its turn
comes, so a nudge to someone who posted in the meantime is dropped, not sent. Its status moves
pending → sending → sent / skipped / failed / unknown; a restart resends what was still pending and
never what was mid-send.

Nothing is sent twice: a failed request is sent again only when it provably never reached Telegram
(`never_left`) or Telegram said it did nothing (a 429). Anything else — a dropped connection, a
5xx, no answer in time — may come after Telegram sent the message, so it is not resent: the
delivery is `unknown`, and a reply gets no apology. The same rule holds for replies (`FloodGuard`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from aiolimiter import AsyncLimiter
from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.clock import Clock
from bot.render.format import split_message
from bot.request_layer import QUEUED, never_left, retry_seconds
from bot.request_layer import FloodGuard as FloodGuard  # where the app has always found it
from bot.send_budget import SendBudget
from bot.store.deliveries import Deliveries, Delivery, Status

if TYPE_CHECKING:
    from bot.metrics import Metrics, SendOutcome

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None
    more: tuple[str, ...] = ()  # a long digest's further parts, sent after `text`
    thread_id: int | None = None  # the forum topic to post into
    photo: bytes | None = None  # an image sent first (a review's summary card)


# Builds a delivery's message at send time; None when it is no longer wanted.
Compose = Callable[[Delivery], Awaitable[Outgoing | None]]
OnBlocked = Callable[[int], Awaitable[None]]


@dataclass(frozen=True)
class Limits:
    per_second: float = 30.0  # the ceiling of all sends, replies and the queue's together
    chat_interval: float = 1.0  # seconds between two messages to one chat
    group_interval: float = 3.0  # 20 a minute
    retry_margin: float = 0.5  # added to Telegram's retry_after
    backoff: float = 1.0  # first wait after a network error; doubles each time
    attempts: int = 5  # network errors tolerated per message
    flood_retries: int = 10  # 429s tolerated per message
    workers: int = 32  # messages in flight at once: enough to keep the rate up at 1 s latency
    paid_broadcast: bool = False  # above 30/s Telegram charges Stars per message (PAID_BROADCAST)


@dataclass
class OutboxStats:
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    unknown: int = 0  # sent, but the answer was lost: maybe delivered, never resent
    throttled: int = 0  # 429s received


@dataclass
class _Tries:
    """What one delivery has met so far."""

    network_errors: int = 0
    floods: int = 0


# How a delivery ends, and what one failed send means: that, or another try.
Outcome = Literal["sent", "failed", "unknown", "blocked"]
Verdict = Literal["again", "failed", "unknown", "blocked"]


class Outbox:
    def __init__(
        self,
        bot: ExtBot[dict[str, bool]],
        deliveries: Deliveries,
        clock: Clock,
        on_blocked: OnBlocked,
        limits: Limits,
        metrics: Metrics | None = None,
    ) -> None:
        self._bot = bot
        self._metrics = metrics
        self._deliveries = deliveries
        self._clock = clock
        self._on_blocked = on_blocked
        self.limits = limits
        self.stats = OutboxStats()
        self._queue: asyncio.Queue[Delivery | None] = asyncio.Queue()
        self.budget = SendBudget(limits.per_second)
        self._per_chat: dict[int, AsyncLimiter] = {}
        self._chat_locks: dict[int, asyncio.Lock] = {}
        self._workers: list[asyncio.Task[None]] = []
        self._closing = False
        self._compose: Compose | None = None

    def start(self, compose: Compose) -> None:
        """Start sending; `compose` writes each delivery's message when its turn comes (the
        features that write them are built with this outbox, so they come after it)."""
        self._compose = compose
        self._workers = [
            asyncio.create_task(self._work(), name=f"outbox-{n}")
            for n in range(self.limits.workers)
        ]

    @property
    def closing(self) -> bool:
        return self._closing

    def begin_closing(self) -> None:
        """From now on nothing new goes out; sweeps see it and stop early."""
        self._closing = True

    async def stop(self, grace: float = 10.0) -> None:
        """Finish what is being sent; whatever is still queued stays pending for the next start."""
        self._closing = True
        for _ in self._workers:
            self._queue.put_nowait(None)
        if self._workers:
            _, late = await asyncio.wait(self._workers, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    def put(self, delivery: Delivery) -> None:
        self._queue.put_nowait(delivery)

    @property
    def backlog(self) -> int:
        return self._queue.qsize()

    async def drained(self) -> None:
        """Wait until everything queued so far has been sent, skipped or given up on."""
        await self._queue.join()

    async def _work(self) -> None:
        while True:
            delivery = await self._queue.get()
            try:
                if delivery is None or self._closing:
                    if delivery is None:
                        return
                    continue
                await self._deliver(delivery)
            except Exception:
                log.exception("a %s could not be delivered", delivery.kind if delivery else "?")
                if delivery is not None:
                    self.stats.failed += 1
                    self._count(delivery, "failed")
                    await self._set(delivery, "failed")
            finally:
                self._queue.task_done()

    async def _deliver(self, delivery: Delivery) -> None:
        # One chat's messages go out in the order they were queued (a digest before the weekly
        # summary): taken right after the queue hands the item over, so the lock's FIFO keeps it.
        lock = self._chat_locks.setdefault(delivery.chat_id, asyncio.Lock())
        try:
            async with lock:
                await self._deliver_in_order(delivery)
        finally:
            if not lock.locked():
                self._chat_locks.pop(delivery.chat_id, None)

    async def _deliver_in_order(self, delivery: Delivery) -> None:
        assert self._compose is not None, "start() sets the composer"
        outgoing = await self._compose(delivery)
        if outgoing is None:
            self.stats.skipped += 1
            await self._set(delivery, "skipped")
            return
        parts = _parts(outgoing)
        total, tries = len(parts), _Tries()
        while parts:
            slot = await self._wait_turn(outgoing.chat_id)
            if self._closing:
                return  # still pending: the next start sends it
            await self._set(delivery, "sending")
            self.budget.leaving(slot)  # counted from now: the write above can take a while
            try:
                await self._send(outgoing, *parts[0])
            except TelegramError as error:
                verdict = await self._verdict(delivery, error, tries, len(parts) == total)
                if verdict == "again":
                    continue
                await self._finish(delivery, verdict)
                return
            parts.pop(0)
        await self._finish(delivery, "sent")

    async def _verdict(
        self, delivery: Delivery, error: TelegramError, tries: _Tries, nothing_sent: bool
    ) -> Verdict:
        """What a failed send means. Only what is known not to have arrived is tried again; a part
        whose fate is unknown ends the delivery, and the parts already sent are never resent."""
        if isinstance(error, RetryAfter):
            tries.floods += 1
            self._flooded(error)
            if nothing_sent:
                await self._set(delivery, "pending")  # nothing sent yet: safe to resend
            return "again" if tries.floods <= self.limits.flood_retries else "failed"
        if isinstance(error, Forbidden | BadRequest):
            if isinstance(error, Forbidden) or "chat not found" in str(error).lower():
                return "blocked"
            log.warning("Telegram refused %s %s: %s", delivery.kind, delivery.period, error)
            return "failed"
        if not isinstance(error, NetworkError):
            raise error
        if not never_left(error):
            log.warning("a %s may have been sent, its answer was lost (%s): not resent",
                        delivery.kind, error)  # fmt: skip
            return "unknown"
        tries.network_errors += 1
        if await self._backed_off(delivery, error, tries.network_errors):
            return "again"
        return "failed"

    async def _finish(self, delivery: Delivery, verdict: Outcome) -> None:
        if verdict == "blocked":
            await self._blocked(delivery)
            return
        if verdict == "sent":
            self.stats.sent += 1
        elif verdict == "unknown":
            self.stats.unknown += 1
        else:
            self.stats.failed += 1
        self._count(delivery, verdict)
        await self._set(delivery, verdict)

    def _count(self, delivery: Delivery, outcome: SendOutcome) -> None:
        if self._metrics is not None:
            self._metrics.sent(delivery.kind.value, outcome)

    async def _send(
        self, outgoing: Outgoing, content: str | bytes, keyboard: InlineKeyboardMarkup | None
    ) -> None:
        if isinstance(content, bytes):
            await self._bot.send_photo(
                outgoing.chat_id,
                content,
                message_thread_id=outgoing.thread_id,
                allow_paid_broadcast=self.limits.paid_broadcast or None,
                rate_limit_args=QUEUED,
            )
        else:
            await self._bot.send_message(
                outgoing.chat_id,
                content,
                reply_markup=keyboard,
                message_thread_id=outgoing.thread_id,
                allow_paid_broadcast=self.limits.paid_broadcast or None,
                rate_limit_args=QUEUED,
            )

    async def _backed_off(self, delivery: Delivery, error: NetworkError, errors: int) -> bool:
        """Wait before trying again after a network error; False when it is time to give up."""
        if errors >= self.limits.attempts:
            log.warning("giving up on %s after %s: %s", delivery.kind, errors, error)
            return False
        await asyncio.sleep(self.limits.backoff * 2 ** (errors - 1))
        return True

    def _flooded(self, flood: RetryAfter) -> None:
        self.stats.throttled += 1
        if self._metrics is not None:
            self._metrics.flooded("queue", retry_seconds(flood))
        wait = retry_seconds(flood) + self.limits.retry_margin
        log.warning("Telegram asked to slow down: pausing sends for %.1f s", wait)
        self._hold(wait)

    async def _blocked(self, delivery: Delivery) -> None:
        self.stats.failed += 1
        self._count(delivery, "failed")
        await self._set(delivery, "failed")
        await self._on_blocked(delivery.chat_id)

    async def _wait_turn(self, chat_id: int) -> float:
        # Per chat first: a slot of the overall budget is never held while waiting on one chat.
        await self._chat_limiter(chat_id).acquire()
        return await self.budget.take()

    def reply_sent(self) -> None:
        """A reply is going out: it counts against the same budget, so the queue yields to it."""
        self.budget.reply()

    def hold(self, seconds: float) -> None:
        """Pause every send for `seconds` (plus the margin): Telegram said to slow down."""
        self._hold(seconds + self.limits.retry_margin)

    def _hold(self, seconds: float) -> None:
        self.budget.pause(seconds)

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        limiter = self._per_chat.get(chat_id)
        if limiter is None:
            if len(self._per_chat) > 10_000:
                # Forget chats whose bucket has drained: they would start from empty anyway.
                self._per_chat = {c: b for c, b in self._per_chat.items() if not b.has_capacity()}
            interval = self.limits.group_interval if chat_id < 0 else self.limits.chat_interval
            limiter = self._per_chat[chat_id] = AsyncLimiter(1, interval)
        return limiter

    async def _set(self, delivery: Delivery, status: Status) -> None:
        await self._deliveries.set_status(delivery.delivery_id, status, self._clock.now())


def _parts(outgoing: Outgoing) -> list[tuple[str | bytes, InlineKeyboardMarkup | None]]:
    """What goes out, in order: the picture first, then the text and its further parts, each
    split to fit a message (`split_message`), the buttons on the last part, like a reply's."""
    texts = [part for text in (outgoing.text, *outgoing.more) for part in split_message(text)]
    parts: list[tuple[str | bytes, InlineKeyboardMarkup | None]] = [(text, None) for text in texts]
    parts[-1] = (parts[-1][0], outgoing.markup)
    if outgoing.photo is not None:
        parts.insert(0, (outgoing.photo, None))
    return parts
