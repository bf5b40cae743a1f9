"""The fake Bot API's pending updates: what `getUpdates` hands out and how an offset confirms them.

Like Telegram, an update stays until a later `getUpdates` names an offset past it (or, with a
webhook, until the bot answered its POST with 200), so a bot that stops before confirming a batch
gets the same updates again after a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from typing import Any

from bot.fakeapi.rules import ApiError


class PendingUpdates:
    def __init__(self) -> None:
        self._updates: deque[dict[str, Any]] = deque()
        self._next_id = 1
        self._news = asyncio.Condition()
        self._closing = False
        self.failing_confirms = 0  # this many getUpdates that would confirm a batch get a 502
        # When each button press happened (real time): Telegram times its answer from then.
        self.pressed_at: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._updates)

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for the bot's next getUpdates; returns its update_id."""
        async with self._news:
            update_id = self._next_id
            self._next_id += 1
            self._updates.append({"update_id": update_id, **update})
            if "callback_query" in update:
                self.pressed_at[str(update["callback_query"]["id"])] = time.monotonic()
            self._news.notify_all()
        return update_id

    def continue_ids(self, after: int) -> None:
        self._next_id = max(self._next_id, after + 1)  # as Telegram counts on for one bot

    async def close(self) -> None:
        """Wake a waiting long poll: the server is going away."""
        self._closing = True
        async with self._news:
            self._news.notify_all()

    async def waiting_besides(self, taken: set[int]) -> list[dict[str, Any]]:
        """Wait for updates not in `taken` (the ones a webhook is already posting); [] once the
        server closes."""
        async with self._news:
            await self._news.wait_for(
                lambda: self._closing or any(u["update_id"] not in taken for u in self._updates)
            )
            return (
                [] if self._closing else [u for u in self._updates if u["update_id"] not in taken]
            )

    async def confirm(self, update_id: int) -> None:
        """The bot answered a webhook POST with 200: Telegram forgets the update."""
        async with self._news:
            self._updates = deque(u for u in self._updates if u["update_id"] != update_id)
            self._news.notify_all()

    async def drop(self) -> None:
        """`drop_pending_updates`: forget every update not yet confirmed."""
        async with self._news:
            self._updates.clear()
            self._news.notify_all()

    async def drained(self) -> None:
        """Wait until every update was confirmed."""
        async with self._news:
            await self._news.wait_for(lambda: not self._updates or self._closing)

    async def get(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """`getUpdates`: forget what `offset` confirms, wait up to `timeout` for news."""
        offset = int(params.get("offset") or 0)
        limit = min(int(params.get("limit") or 100), 100)
        timeout = float(params.get("timeout") or 0)
        async with self._news:
            if self.failing_confirms and self._updates and self._updates[0]["update_id"] < offset:
                self.failing_confirms -= 1
                raise ApiError(502, "Bad Gateway")
            while self._updates and self._updates[0]["update_id"] < offset:
                self._updates.popleft()  # confirmed by the offset: Telegram forgets them
            if not self._updates and timeout > 0 and not self._closing:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._news.wait_for(lambda: bool(self._updates) or self._closing), timeout
                    )
            return [u for u in self._updates if u["update_id"] >= offset][:limit]
