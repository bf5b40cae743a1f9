"""Concurrent update processing that keeps each user's own updates in order.

Real Bot API round trips take 50–100 ms, so one-update-at-a-time serves fewer than 20 updates/s.
Different users' updates run concurrently; one user's updates queue behind each other, so "/post"
then "/undo" can never be handled in the opposite order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    waiting: int = 0


class PerUserOrder(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._lanes: dict[int, _Lane] = {}
        self._done = asyncio.Condition()
        self.processed = 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _lane_key(update)
        lane = self._lanes.setdefault(key, _Lane())
        lane.waiting += 1
        try:
            async with lane.lock:
                await coroutine
        finally:
            lane.waiting -= 1
            if lane.waiting == 0:
                del self._lanes[key]
            async with self._done:
                self.processed += 1
                self._done.notify_all()

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
