"""The HTTP transport under every Bot API call: PTB's `BaseRequest` on aiohttp.

Why not PTB's default (httpx): profiled under a burst of `/post`, httpx/httpcore took 38% of the
bot's CPU per update, most of it in httpcore scanning and polling every pooled connection on each
request; a minimal bot stalls at 60-130 updates/s on it and does ~1,000/s on aiohttp. httpx stays
one setting away (`HTTP_TRANSPORT=httpx`) for anyone who needs its proxy support.

What the rest of the bot relies on (see `bot.request_layer.never_left`): a request that provably
never left (no free connection in time, connection refused, DNS, connect timeout) fails with
PTB's `TimedOut`/`NetworkError` raised *from* an exception listed in `NEVER_SENT`; every failure
that may come after the request reached Telegram (a read timeout, a connection dropped after
sending) is raised from something else. And the token, which is in every URL's path, never
appears in an error message.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast
from urllib.parse import urlencode

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.ext import ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest, RequestData

Builder = TypeVar("Builder", bound=ApplicationBuilder[Any, Any, Any, Any, Any, Any])

if TYPE_CHECKING:
    from aiohttp.abc import AbstractStreamWriter
    from telegram._utils.types import ODVInput, UploadFileDict

    from bot.config import Settings

# The long poll's own wait (`timeout` of getUpdates) is added to this by PTB: the read timeout
# of a getUpdates call is LONG_POLL_SECONDS + this.
POLL_READ_MARGIN = 10.0
# PTB's defaults for the bot's own calls, kept as they were on httpx.
POOL_SIZE = 256
FORM = "application/x-www-form-urlencoded"
# An upload is handed to the socket this much at a time: the write timeout's unit of progress.
UPLOAD_SLICE = 64 * 1024

TOKEN_HIDDEN: Final = "[BOT_TOKEN]"
# A Bot API URL is `<base>/bot<token>/<method>` (files: `<base>/file/bot<token>/<path>`); the
# second pattern catches a token shaped like Telegram's wherever else it turns up.
_IN_URL = re.compile(r"/bot[^/\s'\"]+")
_BARE = re.compile(r"\b\d+:[A-Za-z0-9_-]{20,}")


class PoolTimeoutError(Exception):
    """No pooled connection came free within the pool timeout: the request was never sent."""


# What proves a request never reached the server, as the cause of the PTB error raised here:
# `ClientConnectorError` (refused, DNS, TLS handshake, proxy: no connection was made) and
# `ConnectionTimeoutError` (aiohttp gave up before it had a connection) come before a single
# byte of the request is written. Not here: `ServerDisconnectedError`, even on a reused
# keep-alive connection: the server may have read the request before it closed.
NEVER_SENT: Final[tuple[type[BaseException], ...]] = (
    PoolTimeoutError,
    aiohttp.ClientConnectorError,
    aiohttp.ConnectionTimeoutError,
)

POOL_EXHAUSTED = (
    "Pool timeout: All connections in the connection pool are occupied. "
    "Request was *not* sent to Telegram. Consider adjusting the connection "
    "pool size or the pool timeout."
)


def hide_token(text: str) -> str:
    """`text` with any Bot API token in it replaced: aiohttp puts whole URLs in its messages
    (a connect timeout says "Connection timeout to host <url>")."""
    return _BARE.sub(TOKEN_HIDDEN, _IN_URL.sub(f"/bot{TOKEN_HIDDEN}", text))


def _scrubbed(error: BaseException) -> BaseException:
    """`error` and the chain under it with the token taken out of their messages, so that a
    traceback of the PTB error (which shows its causes) can't print it either."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.args = tuple(hide_token(a) if isinstance(a, str) else a for a in current.args)
        current = current.__cause__ or current.__context__
    return error


class AiohttpRequest(BaseRequest):
    """PTB's request class on one `aiohttp.ClientSession`, made in `initialize` and closed in
    `shutdown` (PTB calls both), with keep-alive connections and at most
    `connection_pool_size` of them.

    The arguments mean what they mean for PTB's `HTTPXRequest` (aiohttp has no write timeout
    of its own: see `Pace`); the read timeout starts once the request is written.
    """

    __slots__ = (
        "_connect",
        "_media_write",
        "_pool",
        "_pool_size",
        "_read",
        "_session",
        "_wait_for_pool",
        "_write",
    )

    def __init__(
        self,
        connection_pool_size: int = POOL_SIZE,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._pool_size = connection_pool_size
        self._read, self._write, self._connect = read_timeout, write_timeout, connect_timeout
        self._wait_for_pool, self._media_write = pool_timeout, media_write_timeout
        # Our own bound, in front of the connector's: waiting for it is provably "not sent".
        self._pool = asyncio.Semaphore(connection_pool_size)
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._pool = asyncio.Semaphore(self._pool_size)  # bound to the loop it runs on
            connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    @property
    def closed(self) -> bool:
        """True before `initialize` and after `shutdown`."""
        return self._session is None or self._session.closed

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        write_default = self._media_write if files else self._write
        write = write_default if isinstance(write_timeout, DefaultValue) else write_timeout
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        # sock_read: no byte of the answer for that long (httpx's read timeout), counted from
        # the end of the request; connect: getting a connection, nothing sent yet.
        timeout = aiohttp.ClientTimeout(connect=connect, sock_connect=connect, sock_read=read)
        waiting = self._wait_for_pool if isinstance(pool_timeout, DefaultValue) else pool_timeout
        try:
            async with self._connection(waiting), asyncio.timeout(None) as watchdog:
                body, headers = await _body(request_data, files, Pace(watchdog, write))
                async with session.request(
                    method, url, data=body, headers=headers, timeout=timeout
                ) as response:
                    return response.status, await response.read()
        except PoolTimeoutError as error:
            raise TimedOut(message=POOL_EXHAUSTED) from error
        except TimeoutError as error:  # aiohttp's are TimeoutErrors too
            raise TimedOut from _scrubbed(error)
        except aiohttp.ClientError as error:
            name = type(error).__name__
            raise NetworkError(f"aiohttp.{name}: {hide_token(str(error))}") from _scrubbed(error)

    @asynccontextmanager
    async def _connection(self, wait: float | None) -> AsyncIterator[None]:
        """A place in the pool for one call, waited for `wait` seconds at most."""
        try:
            async with asyncio.timeout(wait):
                await self._pool.acquire()
        except TimeoutError:
            raise PoolTimeoutError("no free connection in the pool") from None
        try:
            yield
        finally:
            self._pool.release()


@dataclass(frozen=True)
class Pace:
    """httpx's write timeout, which aiohttp lacks: an upload fails once the socket has taken no
    slice of it for `seconds` (a stalled upload ends; a long one that keeps moving does not)."""

    watchdog: asyncio.Timeout
    seconds: float | None

    async def slices(self, pieces: list[bytes]) -> AsyncIterator[bytes]:
        """`pieces` in slices; aiohttp asks for the next once the last one was written."""
        loop = asyncio.get_running_loop()
        for piece in pieces:
            for start in range(0, len(piece), UPLOAD_SLICE):
                if self.seconds is not None:
                    self.watchdog.reschedule(loop.time() + self.seconds)
                yield piece[start : start + UPLOAD_SLICE]
        self.watchdog.reschedule(None)  # all written: the read timeout takes over


class _Pieces:
    """Collects what aiohttp's multipart writer writes, by reference (an upload isn't copied)."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []

    async def write(self, chunk: bytes | bytearray | memoryview) -> None:
        self.pieces.append(bytes(chunk) if not isinstance(chunk, bytes) else chunk)


async def _body(
    request_data: RequestData | None, files: UploadFileDict | None, pace: Pace
) -> tuple[AsyncIterator[bytes] | bytes | None, dict[str, str]]:
    """The request body and its headers as HTTPXRequest sends them: the parameters
    form-encoded (a few hundred bytes: no write timeout needed), or, with files, everything as
    multipart/form-data, each file with its name and type, written at `pace`."""
    if request_data is None:
        return None, {}
    fields = request_data.json_parameters
    if not files:
        # Encoded here rather than handed to aiohttp as a dict: its FormData builds a multipart
        # writer for every request first, a tenth of a reply's cost in the transport.
        return (urlencode(fields).encode(), {"Content-Type": FORM}) if fields else (None, {})
    form = aiohttp.FormData(default_to_multipart=True)
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in files.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    multipart, written = form(), _Pieces()
    await multipart.write(cast("AbstractStreamWriter", written))
    size = sum(len(piece) for piece in written.pieces)
    headers = {"Content-Type": multipart.content_type, "Content-Length": str(size)}
    return pace.slices(written.pieces), headers


def requests_for(settings: Settings, poll_seconds: int) -> tuple[BaseRequest, BaseRequest]:
    """The request objects for the bot's calls and for getUpdates, on the configured transport,
    with PTB's default sizes and timeouts (getUpdates: one connection, and a read timeout that
    outlasts the long poll)."""
    poll_read = poll_seconds + POLL_READ_MARGIN
    if settings.http_transport == "httpx":
        return (
            HTTPXRequest(connection_pool_size=POOL_SIZE),
            HTTPXRequest(connection_pool_size=1, read_timeout=poll_read),
        )
    return (
        AiohttpRequest(connection_pool_size=POOL_SIZE),
        AiohttpRequest(connection_pool_size=1, read_timeout=poll_read),
    )


def on_transport(builder: Builder, settings: Settings, poll_seconds: int) -> Builder:
    """`builder` with the configured transport for the bot's calls and for getUpdates."""
    calls, polls = requests_for(settings, poll_seconds)
    return builder.request(calls).get_updates_request(polls)
