"""Concurrent update processing that keeps each user's own updates in order.

Real Bot API round trips take 50–100 ms, so one-update-at-a-time serves fewer than 20 updates/s.
Different users' updates run concurrently; one user's updates queue behind each other, so "/post"
then "/undo" can never be handled in the opposite order.

Every update also passes through `Once`: one Telegram delivers again (its confirmation was lost) is
skipped, and what an update writes is recorded with it (`bot.store.updates`).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import sqlite3
from collections.abc import Awaitable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.clock import Clock
from bot.store.updates import HandledUpdates, handling

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)


# Update ids this process remembers having taken; beyond it, the floor rises (see `Once`).
TAKEN_KEPT = 10_000


class Once:
    """Handles each update once, however often Telegram delivers it.

    Asking the database "handled already?" for every update is a trip to its thread each time,
    and nearly every answer is no. Telegram numbers updates in increasing order, so an update
    above the highest id recorded when this process started (the floor), and not taken in hand
    by this process before, can't have been handled: it is handled without asking. Everything
    else (at or below the floor: delivered again after a restart; or taken here before: its
    confirmation was lost) is asked about. When the ids taken here grow past `TAKEN_KEPT`, the
    floor rises to the highest of them and they are forgotten: they are asked about from then on.
    """

    def __init__(self, handled: HandledUpdates, clock: Clock) -> None:
        self.handled = handled
        self.clock = clock
        self._floor: int | None = None  # read at the first update
        self._taken: set[int] = set()

    async def handle(self, update_id: int, work: Awaitable[Any]) -> None:
        if await self._seen(update_id):
            log.info("update %d was delivered again: already handled, skipped", update_id)
            if inspect.iscoroutine(work):
                work.close()
            return
        with handling(update_id, self.clock.now()) as in_hand:
            await work
            if not in_hand.recorded and not in_hand.refused:
                try:
                    await self.handled.record(in_hand)
                except sqlite3.Error as error:  # the handler already told the user
                    log.warning("could not record update %d as handled: %s", update_id, error)

    async def _seen(self, update_id: int) -> bool:
        try:
            if self._floor is None:
                self._floor = await self.handled.highest()
            if update_id > self._floor and update_id not in self._taken:
                self._take(update_id)
                return False
            return await self.handled.seen(update_id)
        except sqlite3.Error as error:  # handle it: the handler meets the same error and says so
            log.warning("could not check whether update %d was handled: %s", update_id, error)
            return False

    def _take(self, update_id: int) -> None:
        if len(self._taken) >= TAKEN_KEPT:
            assert self._floor is not None
            self._floor = max(self._floor, *self._taken)
            self._taken.clear()
        self._taken.add(update_id)


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    waiting: int = 0


class PerUserOrder(BaseUpdateProcessor):
    def __init__(
        self,
        once: Once | None = None,
        max_concurrent_updates: int = 256,
        metrics: Metrics | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._once = once
        self._metrics = metrics  # counts and times each update, once it has its turn
        self._lanes: dict[int, _Lane] = {}
        self._done = asyncio.Condition()
        self.processed = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _lane_key(update)
        lane = self._lanes.setdefault(key, _Lane())
        lane.waiting += 1
        try:
            async with lane.lock:
                await self._handle(update, coroutine)
        finally:
            lane.waiting -= 1
            if lane.waiting == 0:
                del self._lanes[key]
            async with self._done:
                self.processed += 1
                self._done.notify_all()

    async def _handle(self, update: object, coroutine: Awaitable[Any]) -> None:
        with self._metrics.handling(update) if self._metrics else nullcontext():
            if self._once is not None and isinstance(update, Update):
                await self._once.handle(update.update_id, coroutine)
            else:
                await coroutine

    async def wait_processed(self, count: int) -> None:
        """Wait until `count` updates in all have finished (tests, sandbox, benchmarks)."""
        async with self._done:
            await self._done.wait_for(lambda: self.processed >= count)

    async def initialize(self) -> None:
        """Nothing to allocate."""

    async def shutdown(self) -> None:
        """Nothing to free."""


def _lane_key(update: object) -> int:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return 0
