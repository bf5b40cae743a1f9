"""The request layer under every Bot API call, and the one rule for sending a request again.

`never_left` decides what may be resent: only a request that provably never reached Telegram.
`FloodGuard` applies it to replies (and waits out their 429s); the outbound queue
(`bot.outbound`) applies it to proactive messages.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from bot.transport import NEVER_SENT

if TYPE_CHECKING:
    from bot.metrics import Metrics, SendOutcome

Answer = bool | dict[str, Any] | list[dict[str, Any]]
Call = Callable[..., Coroutine[Any, Any, Answer]]

log = logging.getLogger(__name__)

# What the outbound queue tells the bot's request layer about its own sends.
QUEUED = {"queued": True}
# A reply waits out a 429 this long at most; beyond that it fails like any other error.
MAX_REPLY_WAIT = 10.0
# A reply that never left is tried again after these pauses: the person is waiting for it.
REPLY_RETRY_DELAYS = (0.3, 1.0)

# What proves a request never reached Telegram (see `never_left`). PTB 22's HTTPXRequest raises
# `NetworkError` (or `TimedOut`) *from* the httpx exception; the aiohttp transport
# (`bot.transport`, the default) does the same with its own "never sent" causes.
NEVER_LEFT: tuple[type[BaseException], ...] = (
    httpx.ConnectError,  # refused, DNS failure, no route: no connection, no request
    httpx.ConnectTimeout,  # the connection was never made
    httpx.PoolTimeout,  # no free connection to send it on (PTB: "Request was *not* sent")
    *NEVER_SENT,  # the same three cases on aiohttp
)


def never_left(error: BaseException) -> bool:
    """True only when `error` proves the request never reached Telegram: sending it again can't
    make anything arrive twice.

    Every other network failure may come after the work. PTB 22 turns a dropped connection into a
    `NetworkError`, a read timeout into `TimedOut`, and a 5xx answer into a bare `NetworkError`
    (a 502 from Telegram's front end, or a 500, can come after the message was stored), so none of
    them says whether the message went out: resending them is how one nudge arrived three times.
    A 429 (`RetryAfter`) does say nothing was done; it is waited out by its own rule.
    """
    return isinstance(error, NEVER_LEFT) or isinstance(error.__cause__, NEVER_LEFT)


def stale_query(error: BaseException) -> bool:
    """Telegram refusing to answer a button press past its time limit (about 15 s after the tap):
    a press made while the bot was down, or waiting in a long queue. Nothing is wrong: the press
    was handled, only the spinner's "done" can no longer be shown."""
    return isinstance(error, BadRequest) and "query is too old" in str(error).lower()


def lost_in_transit(error: BaseException) -> bool:
    """A network failure or a 5xx, as opposed to Telegram refusing the request: PTB makes a 400
    (`BadRequest`) a `NetworkError` too, and that one is an answer, not a loss."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


class FloodGuard(BaseRateLimiter[dict[str, bool]]):
    """The request layer under every Bot API call (PTB's rate-limiter hook), for replies.

    Replies go out at once, never throttled. Telegram counts them against the same limits as the
    queue, though, so each reply (each try of one) is recorded in the queue's send budget
    (`on_reply`), which leaves bulk messages only what replies leave; and a 429 on a reply is
    waited out and retried (twice at most) and pauses the queue for as long: the fan-out yields
    to the people who are talking to the bot.
    A reply that never left (`never_left`: connection refused, DNS) is tried again twice, within
    about a second; one that may have arrived is never resent (reads are: they show nothing).
    The queue's own sends pass straight through: it handles its 429s and network errors itself.

    A button press answered too late (`stale_query`) counts as answered, with a debug line: this
    is the one place for it because every answer goes through here - the button wrapper's, an
    alert, the error handler's apology, any handler's own - and none can go around it.
    """

    def __init__(self, metrics: Metrics | None = None) -> None:
        self.on_flood: Callable[[float], None] | None = None
        self.on_reply: Callable[[], None] | None = None
        self._metrics = metrics

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Call,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, bool] | None,
    ) -> Answer:
        if endpoint == "answerCallbackQuery":
            try:
                return await self._replied(callback, args, kwargs, endpoint)
            except BadRequest as error:
                if not stale_query(error):
                    raise
                log.debug("a button press was answered too late for Telegram: %s", error)
                return True
        if rate_limit_args and rate_limit_args.get("queued"):
            answer = await callback(*args, **kwargs)
            self._reached()
            return answer
        return await self._replied(callback, args, kwargs, endpoint)

    async def _replied(
        self, callback: Call, args: Any, kwargs: dict[str, Any], endpoint: str
    ) -> Answer:
        # A message (sent or edited) counts against Telegram's rate; "typing…" is no message.
        counted = endpoint.startswith(("send", "edit")) and endpoint != "sendChatAction"
        try:
            answer = await self._with_retries(callback, args, kwargs, endpoint, counted)
        except TelegramError as error:
            if counted:
                self._count_reply(_outcome_of(error))
            raise
        self._reached()
        if counted:
            self._count_reply("sent")
        return answer

    async def _with_retries(
        self, callback: Call, args: Any, kwargs: dict[str, Any], endpoint: str, counted: bool
    ) -> Answer:
        floods = network_errors = 0
        while True:
            if counted and self.on_reply is not None:
                self.on_reply()  # each try is a send: the queue's budget counts it, and yields
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as flood:
                floods += 1
                wait = retry_seconds(flood)
                if self._metrics is not None:
                    self._metrics.flooded("reply", wait)
                if self.on_flood is not None:
                    self.on_flood(wait)
                if floods == 3 or wait > MAX_REPLY_WAIT:
                    raise
                log.warning("a reply hit Telegram's flood limit: retrying in %.1f s", wait)
                await asyncio.sleep(wait)
            except NetworkError as error:
                if not lost_in_transit(error):
                    raise
                # One that may have arrived is not resent: the error handler warns, no apology.
                # A read (getChatMember…) shows nothing to anyone: repeating it is always safe.
                repeatable = endpoint.startswith("get") or never_left(error)
                if not repeatable or network_errors == len(REPLY_RETRY_DELAYS):
                    raise
                log.warning("a reply could not reach Telegram (%s): trying again", error)
                await asyncio.sleep(REPLY_RETRY_DELAYS[network_errors])
                network_errors += 1

    def _reached(self) -> None:
        if self._metrics is not None:
            self._metrics.bot_api_reached()

    def _count_reply(self, outcome: SendOutcome) -> None:
        if self._metrics is not None:
            self._metrics.sent("reply", outcome)


def _outcome_of(error: TelegramError) -> SendOutcome:
    """A reply that may have arrived (its answer lost) is "unknown"; anything else failed."""
    if lost_in_transit(error) and not never_left(error):
        return "unknown"
    return "failed"


def retry_seconds(flood: RetryAfter) -> float:
    with warnings.catch_warnings():
        # PTB 22 deprecates the int form; either form means seconds.
        warnings.simplefilter("ignore")
        value = flood.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
