"""The HTTP transport (bot/transport.py) against real HTTP servers on 127.0.0.1, no mocks.

Modelled on PTB's own request tests (python-telegram-bot's tests/request/test_request.py): what
arrives at the server, how each failure maps to PTB's errors, the pool, the lifecycle. Most run on
both request classes, since HTTP_TRANSPORT=httpx must behave the same way; what only the
aiohttp class promises (its "never sent" causes, its scrubbed messages) runs on it alone.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import socket
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram import InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.config import Settings
from bot.request_layer import never_left, retry_seconds
from bot.transport import AiohttpRequest, requests_for
from tests.conftest import FAKE_TOKEN

RequestClass = type[AiohttpRequest] | type[HTTPXRequest]
CLASSES: list[RequestClass] = [AiohttpRequest, HTTPXRequest]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@asynccontextmanager
async def serving(handler: Handler) -> AsyncIterator[TestServer]:
    """A real aiohttp server on 127.0.0.1 answering every Bot API method with `handler`."""
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


def url_of(server: TestServer, method: str) -> str:
    return str(server.make_url(f"/bot{FAKE_TOKEN}/{method}"))


def answer(result: object = True, status: int = 200, **error: Any) -> web.Response:
    body = {"ok": True, "result": result} if status == 200 else {"ok": False, **error}
    return web.json_response(body, status=status)


@asynccontextmanager
async def opened(request: BaseRequest) -> AsyncIterator[BaseRequest]:
    await request.initialize()
    try:
        yield request
    finally:
        await request.shutdown()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def assert_no_token(error: BaseException, logged: str) -> None:
    """Neither the message, nor the traceback with its causes, nor any log line has it."""
    shown = "".join(traceback.format_exception(error)) + str(error) + logged
    assert FAKE_TOKEN not in shown
    assert FAKE_TOKEN.split(":")[1] not in shown


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_call_arrives_with_its_fields_form_encoded(
    request_class: RequestClass,
) -> None:
    seen: dict[str, Any] = {}

    async def handler(request: web.Request) -> web.Response:
        seen.update(method=request.match_info["method"], type=request.content_type)
        seen.update(fields=dict(await request.post()), agent=request.headers["User-Agent"])
        return answer({"message_id": 7})

    data = RequestData(
        [
            RequestParameter.from_input("chat_id", 5),
            RequestParameter.from_input("text", "héllo <b>&</b> 🎉"),
            RequestParameter.from_input("reply_markup", {"inline_keyboard": [[]]}),
        ]
    )
    async with serving(handler) as server, opened(request_class()) as request:
        result = await request.post(url_of(server, "sendMessage"), data)
    assert result == {"message_id": 7}
    assert seen["method"] == "sendMessage"
    assert seen["type"] == "application/x-www-form-urlencoded"
    assert seen["fields"] == {
        "chat_id": "5",
        "text": "héllo <b>&</b> 🎉",
        "reply_markup": json.dumps({"inline_keyboard": [[]]}),
    }
    assert seen["agent"] == BaseRequest.USER_AGENT


@pytest.mark.parametrize("request_class", CLASSES)
async def test_an_upload_arrives_as_multipart_with_its_name_and_type(
    request_class: RequestClass,
) -> None:
    seen: dict[str, Any] = {}

    async def handler(request: web.Request) -> web.Response:
        form = await request.post()
        photo = form["photo"]
        assert isinstance(photo, web.FileField)
        seen.update(type=request.content_type, chat=form["chat_id"], caption=form["caption"])
        seen.update(name=photo.filename, mime=photo.content_type, content=photo.file.read())
        return answer({"message_id": 8})

    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400  # 100 KiB, every byte value
    data = RequestData(
        [
            RequestParameter.from_input("chat_id", -100),
            RequestParameter.from_input("photo", InputFile(io.BytesIO(picture), "chart.png")),
            RequestParameter.from_input("caption", "Followers 📈"),
        ]
    )
    async with serving(handler) as server, opened(request_class()) as request:
        await request.post(url_of(server, "sendPhoto"), data)
    assert seen == {
        "type": "multipart/form-data",
        "chat": "-100",
        "caption": "Followers 📈",
        "name": "chart.png",
        "mime": "image/png",
        "content": picture,
    }


def an_upload(size: int) -> RequestData:
    document = InputFile(io.BytesIO(bytes(size)), "export.zip")
    return RequestData(
        [
            RequestParameter.from_input("chat_id", 5),
            RequestParameter.from_input("document", document),
        ]
    )


async def test_a_long_upload_that_keeps_moving_is_not_cut_by_the_write_timeout() -> None:
    """aiohttp only: httpx writes a file given as bytes in one piece, which must be written
    within the (media) write timeout as a whole; here the timeout is for no progress."""
    received = 0

    async def handler(request: web.Request) -> web.Response:
        nonlocal received
        while chunk := await request.content.read(256 * 1024):
            received += len(chunk)
            await asyncio.sleep(0.05)  # about 5 MB/s: the upload takes well over a second
        return answer({"message_id": 9})

    size = 16 * 1024 * 1024  # more than loopback's buffers hold: the client writes for seconds
    request_object = AiohttpRequest(media_write_timeout=0.5)
    async with serving(handler) as server, opened(request_object) as request:
        started = asyncio.get_running_loop().time()
        assert await request.post(url_of(server, "sendDocument"), an_upload(size))
        took = asyncio.get_running_loop().time() - started
    assert took > 4 * 0.5  # several times the write timeout
    assert received > size


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_stalled_upload_times_out_and_may_have_arrived(
    request_class: RequestClass,
) -> None:
    async def never_reading(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(10)  # takes the connection, reads nothing
        writer.close()

    server = await asyncio.start_server(never_reading, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with opened(request_class(media_write_timeout=0.5)) as request:
            started = asyncio.get_running_loop().time()
            url = f"http://127.0.0.1:{port}/bot{FAKE_TOKEN}/sendDocument"
            with pytest.raises(TimedOut) as stalled:
                await request.post(url, an_upload(64 * 1024 * 1024))
            assert asyncio.get_running_loop().time() - started < 5
    finally:
        server.close()
    assert not never_left(stalled.value)


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_slow_answer_times_out_and_may_have_arrived(
    request_class: RequestClass,
) -> None:
    async def handler(_: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return answer()

    async with serving(handler) as server, opened(request_class(read_timeout=0.3)) as request:
        with pytest.raises(TimedOut) as slow:
            await request.post(url_of(server, "sendMessage"))
        # A long poll's own, longer read timeout is honoured per call.
        assert await request.post(url_of(server, "getUpdates"), read_timeout=5) is True
    assert not never_left(slow.value)


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_refused_connection_never_left(
    request_class: RequestClass, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with opened(request_class()) as request:
        with pytest.raises(NetworkError) as refused:
            await request.post(f"http://127.0.0.1:{free_port()}/bot{FAKE_TOKEN}/sendMessage")
    assert never_left(refused.value)
    assert_no_token(refused.value, caplog.text)


def backlog_full() -> tuple[socket.socket, list[socket.socket]]:
    """A listening socket whose accept queue is full: a new connection hangs in its handshake,
    a real connect timeout on loopback."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with suppress(BlockingIOError):
            filler.connect(listener.getsockname())
        fillers.append(filler)
    return listener, fillers


async def test_a_connect_timeout_never_left_and_hides_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    listener, fillers = backlog_full()
    port = listener.getsockname()[1]
    try:
        async with opened(AiohttpRequest(connect_timeout=0.3)) as request:
            with pytest.raises(TimedOut) as hung:
                await request.post(f"http://127.0.0.1:{port}/bot{FAKE_TOKEN}/sendMessage")
    finally:
        for held in [listener, *fillers]:
            held.close()
    assert never_left(hung.value)
    # aiohttp's own message was "Connection timeout to host <the whole URL>".
    assert "Connection timeout to host" in str(hung.value.__cause__)
    assert_no_token(hung.value, caplog.text)


async def raw_server(answer_with: bytes) -> tuple[asyncio.Server, int]:
    """A server that reads a request, writes `answer_with` (maybe nothing, maybe half an
    answer) and closes the connection: the request did arrive."""

    async def on_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(answer_with)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(on_connection, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.parametrize("request_class", CLASSES)
@pytest.mark.parametrize(
    "answer_with",
    [b"", b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"ok": tr'],
    ids=["closed before answering", "closed mid-answer"],
)
async def test_a_connection_closed_after_the_request_may_have_arrived(
    request_class: RequestClass, answer_with: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    server, port = await raw_server(answer_with)
    try:
        async with opened(request_class()) as request:
            with pytest.raises(NetworkError) as dropped:
                await request.post(f"http://127.0.0.1:{port}/bot{FAKE_TOKEN}/sendMessage")
    finally:
        server.close()
        await server.wait_closed()
    assert not isinstance(dropped.value, TimedOut)
    assert not never_left(dropped.value)
    assert_no_token(dropped.value, caplog.text)


@pytest.mark.parametrize("request_class", CLASSES)
@pytest.mark.parametrize(
    ("status", "description", "error", "left"),
    [
        (500, "Internal Server Error", NetworkError, False),
        (502, "Bad Gateway", NetworkError, False),
        (400, "Bad Request: chat not found", BadRequest, False),
        (403, "Forbidden: bot was blocked by the user", Forbidden, False),
    ],
)
async def test_an_error_answer_becomes_ptbs_error(
    request_class: RequestClass,
    status: int,
    description: str,
    error: type[Exception],
    left: bool,
) -> None:
    async def handler(_: web.Request) -> web.Response:
        return answer(status=status, error_code=status, description=description)

    async with serving(handler) as server, opened(request_class()) as request:
        with pytest.raises(error) as raised:
            await request.post(url_of(server, "sendMessage"))
    assert never_left(raised.value) is left
    assert FAKE_TOKEN not in str(raised.value)


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_flood_answer_says_how_long_to_wait(request_class: RequestClass) -> None:
    async def handler(_: web.Request) -> web.Response:
        flood = {"error_code": 429, "description": "Too Many Requests: retry after 7"}
        return answer(status=429, parameters={"retry_after": 7}, **flood)

    async with serving(handler) as server, opened(request_class()) as request:
        with pytest.raises(RetryAfter) as flood:
            await request.post(url_of(server, "sendMessage"))
    assert retry_seconds(flood.value) == 7
    assert flood.value.retry_after in (7, timedelta(seconds=7))


class Gate:
    """A server that holds every call until opened, counting how many it holds at once."""

    def __init__(self) -> None:
        self.open = asyncio.Event()
        self.now = self.most = self.arrived = 0

    async def handler(self, _: web.Request) -> web.Response:
        self.arrived += 1
        self.now += 1
        self.most = max(self.most, self.now)
        await self.open.wait()
        self.now -= 1
        return answer()


@pytest.mark.parametrize("request_class", CLASSES)
async def test_a_call_beyond_the_pool_waits_for_a_free_connection(
    request_class: RequestClass,
) -> None:
    gate = Gate()
    async with serving(gate.handler) as server:
        pool = request_class(connection_pool_size=2, pool_timeout=None)
        async with opened(pool) as request:
            calls = [
                asyncio.create_task(request.post(url_of(server, "sendMessage"))) for _ in range(3)
            ]
            await asyncio.sleep(0.3)
            assert (gate.arrived, gate.most) == (2, 2)  # the third is waiting for a connection
            gate.open.set()
            assert await asyncio.gather(*calls) == [True, True, True]
    assert gate.most == 2


@pytest.mark.parametrize("request_class", CLASSES)
async def test_no_free_connection_in_time_never_left(request_class: RequestClass) -> None:
    gate = Gate()
    async with serving(gate.handler) as server:
        pool = request_class(connection_pool_size=2, pool_timeout=0.2)
        async with opened(pool) as request:
            held = [
                asyncio.create_task(request.post(url_of(server, "sendMessage"))) for _ in range(2)
            ]
            await asyncio.sleep(0.1)
            with pytest.raises(TimedOut) as waited:
                await request.post(url_of(server, "sendMessage"))
            gate.open.set()
            await asyncio.gather(*held)
    assert never_left(waited.value)
    assert "not* sent" in str(waited.value)
    assert gate.arrived == 2  # the third never reached the server


async def ok(_: web.Request) -> web.Response:
    return answer()


async def test_shutdown_closes_the_session_and_initialize_opens_it_again() -> None:
    async with serving(ok) as server:
        request = AiohttpRequest()
        assert request.closed
        with pytest.raises(NetworkError, match="not initialized"):
            await request.post(url_of(server, "getMe"))
        async with opened(request):
            assert not request.closed
            assert await request.post(url_of(server, "getMe")) is True
        assert request.closed
        with pytest.raises(NetworkError, match="not initialized"):
            await request.post(url_of(server, "getMe"))
        await request.shutdown()  # twice is harmless, as PTB may do
        async with opened(request):
            assert await request.post(url_of(server, "getMe")) is True
        assert request.closed


@pytest.mark.parametrize(
    ("chosen", "request_class"), [("aiohttp", AiohttpRequest), ("httpx", HTTPXRequest)]
)
def test_the_setting_chooses_the_transport_with_ptbs_sizes_and_timeouts(
    chosen: str, request_class: RequestClass
) -> None:
    settings = Settings(
        bot_token=FAKE_TOKEN,  # type: ignore[arg-type]
        http_transport=chosen.upper(),  # type: ignore[arg-type]  # any case, like LOG_FORMAT
        _env_file=None,  # type: ignore[call-arg]
    )
    calls, polls = requests_for(settings, 25)
    assert isinstance(calls, request_class)
    assert isinstance(polls, request_class)
    assert calls.read_timeout == 5
    assert polls.read_timeout == 35  # PTB adds the long poll's 25 s to it


async def test_the_bot_runs_on_aiohttp_by_default(session: Any) -> None:
    assert isinstance(session.bot.application.bot.request, AiohttpRequest)
