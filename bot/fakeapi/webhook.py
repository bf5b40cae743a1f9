"""The fake Bot API's webhook: Telegram's side of `setWebhook`, POSTing updates to the bot.

Like Telegram: once a webhook is set, each pending update is POSTed to its URL as JSON with the
`X-Telegram-Bot-Api-Secret-Token` header, one chat's updates one after another and at most
`max_connections` at once; anything but a 200 (an error, a refused or dropped connection) means
"try again later", and the update stays pending until a 200 confirms it. `getUpdates` is refused
with 409 Conflict while a webhook is set.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.fakeapi.rules import ApiError
from bot.fakeapi.updates import PendingUpdates

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Post:
    """One attempt to deliver an update: what the bot answered (0: no answer arrived)."""

    update_id: int
    status: int


class Webhook:
    def __init__(self, updates: PendingUpdates) -> None:
        self.updates = updates
        self.url = ""
        self.secret: str | None = None
        self.max_connections = 40
        self.allowed_updates: list[str] | None = None
        self.posts: list[Post] = []
        self.retry_seconds = 0.02  # Telegram waits longer; tests don't
        self.lost_answers = 0  # this many 200s are lost on the way back, as if the line dropped
        self._task: asyncio.Task[None] | None = None
        self._posted = asyncio.Condition()

    # --- the Bot API methods --------------------------------------------------------------------

    def set(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url.startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: an HTTPS URL must be provided")
        max_connections = int(params.get("max_connections") or 40)
        if not 1 <= max_connections <= 100:
            raise ApiError(400, "Bad Request: bad webhook: max_connections must be 1-100")
        self.url, self.max_connections = url, max_connections
        self.secret = params.get("secret_token")
        self.allowed_updates = params.get("allowed_updates")
        self._restart(bool(params.get("drop_pending_updates")))
        return True

    def delete(self, params: dict[str, Any]) -> bool:
        self.url, self.secret = "", None
        self._restart(bool(params.get("drop_pending_updates")))
        return True

    def info(self, _: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }
        if self.url:
            found["max_connections"] = self.max_connections
            if self.allowed_updates is not None:
                found["allowed_updates"] = self.allowed_updates
        return found

    def refuse_polling(self) -> None:
        if self.url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active;"
                " use deleteWebhook to delete the webhook first",
            )

    async def close(self) -> None:
        await self._cancel()

    async def attempted(self, times: int) -> None:
        """Wait until `times` POSTs were made in all (tests watching the retries)."""
        async with self._posted:
            await self._posted.wait_for(lambda: len(self.posts) >= times)

    # --- delivery -------------------------------------------------------------------------------

    def _restart(self, drop_pending: bool) -> None:
        old, self._task = self._task, None
        if old is not None:
            old.cancel()  # what it was posting stays pending: the new delivery posts it again
        self._task = asyncio.create_task(self._deliver(self.url, drop_pending))

    async def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _deliver(self, url: str, drop_pending: bool) -> None:
        if drop_pending:
            await self.updates.drop()
        if not url:
            return
        taken: set[int] = set()
        lanes: dict[int, asyncio.Lock] = {}
        connections = asyncio.Semaphore(self.max_connections)
        posting: set[asyncio.Task[None]] = set()
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as client:
            try:
                while news := await self.updates.waiting_besides(taken):
                    for update in news:
                        taken.add(update["update_id"])
                        lane = lanes.setdefault(_chat_of(update), asyncio.Lock())
                        task = asyncio.create_task(
                            self._post_until_confirmed(client, url, update, lane, connections)
                        )
                        posting.add(task)
                        task.add_done_callback(posting.discard)
            finally:
                for task in list(posting):
                    task.cancel()
                await asyncio.gather(*posting, return_exceptions=True)

    async def _post_until_confirmed(
        self,
        client: aiohttp.ClientSession,
        url: str,
        update: dict[str, Any],
        lane: asyncio.Lock,
        connections: asyncio.Semaphore,
    ) -> None:
        """One chat's updates go one after another: the lane is held until this one is in."""
        async with lane:
            while True:
                async with connections:
                    status = await self._post(client, url, update)
                async with self._posted:
                    self.posts.append(Post(update["update_id"], status))
                    self._posted.notify_all()
                if status == 200 and self.lost_answers:
                    self.lost_answers -= 1  # handled, but Telegram never heard so
                elif status == 200:
                    await self.updates.confirm(update["update_id"])
                    return
                await asyncio.sleep(self.retry_seconds)

    async def _post(self, client: aiohttp.ClientSession, url: str, update: dict[str, Any]) -> int:
        headers = {"Content-Type": "application/json"}
        if self.secret:
            headers[SECRET_HEADER] = self.secret
        try:
            async with client.post(url, data=json.dumps(update), headers=headers) as answer:
                return answer.status
        except (aiohttp.ClientError, TimeoutError):
            return 0  # refused, dropped or too slow: Telegram tries again later


def _chat_of(update: dict[str, Any]) -> int:
    """The chat an update belongs to (its sender's, for a button press)."""
    for key, value in update.items():
        if key != "update_id" and isinstance(value, dict):
            chat = value.get("chat") or value.get("message", {}).get("chat") or value.get("from")
            if isinstance(chat, dict):
                return int(chat.get("id", 0))
    return 0
