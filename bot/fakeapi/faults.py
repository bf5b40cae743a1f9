"""The ways the fake Bot API can fail, each where Telegram (or the network) would fail.

Before the work nothing was done: an error answer, a dropped connection (`RESET`), an answer so
late the client has given up (`HANG`: the work is done by then). After the work the message is
stored and only the answer is lost: a dropped connection or a 5xx. And Telegram can be
unreachable for a while: connections are refused, so a request never leaves the client.

A client can tell only the last one apart from the others: a refused connection is the one failure
that proves nothing was sent. That is what the bot's retry rule rests on (`bot.outbound`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from bot.fakeapi.messages import Call
from bot.fakeapi.rules import ApiError

# Failure "codes" that are not HTTP answers: the connection drops, or the answer comes too late.
RESET = 0
HANG = -1


@dataclass
class Failure:
    method: str | None  # None: any method except getUpdates
    error: ApiError
    times: int
    after_work: bool = False  # the work is done (the message stored), then the answer is lost
    skip: int = 0  # matching calls let through first (the second part of a long message)

    def matches(self, method: str, after_work: bool) -> bool:
        if self.times <= 0 or self.after_work != after_work:
            return False
        return self.method == method or (self.method is None and method != "getUpdates")


class Faults:
    """The failures queued for the next calls, consumed in the order they were queued."""

    def __init__(self) -> None:
        self._queued: list[Failure] = []

    def add(self, failure: Failure) -> None:
        if failure.after_work and failure.error.code == HANG:
            raise ValueError("HANG already answers after the work; after_work is for the rest")
        self._queued.append(failure)

    def take(self, method: str, *, after_work: bool) -> ApiError | None:
        """The failure this call of `method` meets at this point (before or after the work)."""
        for failure in self._queued:
            if failure.matches(method, after_work):
                if failure.skip > 0:
                    failure.skip -= 1
                    return None
                failure.times -= 1
                if failure.times == 0:
                    self._queued.remove(failure)
                return failure.error
        return None


class Outage:
    """Telegram unreachable for a while: the listening socket closes, so new connections are
    refused (the client raises a connect error), and kept-alive connections that served sends are
    closed, so the client has to connect again. The long poll's connection is left alone: the
    outage is about sends, and PTB logs every failed poll as an error."""

    def __init__(
        self, stop: Callable[[], Awaitable[None]], start: Callable[[], Awaitable[None]]
    ) -> None:
        self._stop_listening = stop
        self._start_listening = start
        self._reopen: asyncio.Task[None] | None = None

    @property
    def ongoing(self) -> bool:
        return self._reopen is not None and not self._reopen.done()

    async def begin(self, seconds: float, senders: list[asyncio.BaseTransport]) -> None:
        if self.ongoing:
            raise RuntimeError("an outage is already under way")
        await self._stop_listening()
        for transport in senders:
            transport.close()
        self._reopen = asyncio.create_task(self._end_after(seconds), name="fakeapi-outage")

    async def over(self) -> None:
        """Wait until connections are accepted again."""
        if self._reopen is not None:
            await self._reopen

    async def cancel(self) -> None:
        if self._reopen is not None and not self._reopen.done():
            self._reopen.cancel()
            await asyncio.gather(self._reopen, return_exceptions=True)

    async def _end_after(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        await self._start_listening()


def drop_connection(request: web.Request, call: Call) -> web.Response:
    """Close the connection without an answer: the client sees it drop."""
    if request.transport is not None:
        request.transport.close()
    call.error = ApiError(RESET, "connection reset")
    return web.Response(status=500)
