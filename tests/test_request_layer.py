"""The one rule for sending a request again: only what provably never reached Telegram."""

from __future__ import annotations

import socket

import aiohttp
import httpx
import pytest
from aiohttp.client_reqrep import ConnectionKey
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.request import BaseRequest, HTTPXRequest

from bot import request_layer
from bot.request_layer import FloodGuard, lost_in_transit, never_left
from bot.transport import AiohttpRequest, PoolTimeoutError


def raised_from(error: NetworkError, cause: BaseException) -> NetworkError:
    """What PTB 22's HTTPXRequest (and bot.transport's AiohttpRequest) raise: PTB's own error
    `from` the library's."""
    error.__cause__ = cause
    return error


def refused_by(host: str, port: int) -> aiohttp.ClientConnectorError:
    key = ConnectionKey(host, port, False, True, None, None, None)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connect call failed"))


@pytest.mark.parametrize(
    ("error", "resend"),
    [
        (raised_from(NetworkError("x"), httpx.ConnectError("refused")), True),
        (raised_from(TimedOut(), httpx.ConnectTimeout("slow connect")), True),
        (raised_from(TimedOut("Pool timeout"), httpx.PoolTimeout("pool")), True),
        (httpx.ConnectError("a transport's own never-sent error"), True),
        (raised_from(TimedOut(), httpx.ReadTimeout("no answer")), False),
        (raised_from(TimedOut(), httpx.WriteTimeout("half written")), False),
        (raised_from(NetworkError("x"), httpx.RemoteProtocolError("dropped")), False),
        (raised_from(NetworkError("x"), httpx.ReadError("reset")), False),
        # The same cases on the aiohttp transport.
        (raised_from(NetworkError("x"), refused_by("127.0.0.1", 9)), True),
        (raised_from(TimedOut(), aiohttp.ConnectionTimeoutError("connect")), True),
        (raised_from(TimedOut("Pool timeout"), PoolTimeoutError("pool")), True),
        (raised_from(TimedOut(), aiohttp.SocketTimeoutError("no answer")), False),
        (raised_from(NetworkError("x"), aiohttp.ServerDisconnectedError()), False),
        (raised_from(NetworkError("x"), aiohttp.ClientOSError(104, "reset")), False),
        (raised_from(NetworkError("x"), aiohttp.ClientPayloadError("cut short")), False),
        (NetworkError("Bad Gateway"), False),  # a 5xx answer: maybe after the work
        (NetworkError("Internal Server Error"), False),
        # A 429 says nothing was done, but it is waited out by its own rule, not this one.
        (RetryAfter(1), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else str(value),
)
def test_only_a_request_that_never_left_may_be_sent_again(error: Exception, resend: bool) -> None:
    assert never_left(error) is resend


@pytest.mark.parametrize("request_class", [AiohttpRequest, HTTPXRequest])
async def test_ptb_says_never_left_when_the_connection_is_refused(
    request_class: type[BaseRequest],
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = request_class()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as refused:
            await request.post(f"http://127.0.0.1:{port}/bot1:x/getMe")
    finally:
        await request.shutdown()
    assert never_left(refused.value)


@pytest.mark.parametrize(
    ("error", "lost"),
    [
        (NetworkError("Bad Gateway"), True),
        (raised_from(TimedOut(), httpx.ReadTimeout("no answer")), True),
        (BadRequest("Chat not found"), False),  # an answer: Telegram refused it
        (Forbidden("blocked"), False),
        (RetryAfter(1), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else str(value),
)
def test_a_refusal_is_an_answer_not_a_loss(error: Exception, lost: bool) -> None:
    assert lost_in_transit(error) is lost


async def attempts(endpoint: str, error: Exception) -> int:
    """How many times FloodGuard sends a reply that keeps failing with `error`."""
    tries = 0

    async def failing() -> bool:
        nonlocal tries
        tries += 1
        raise error

    with pytest.raises(type(error)):
        await FloodGuard().process_request(failing, (), {}, endpoint, {}, None)
    return tries


@pytest.mark.parametrize(
    ("refused_cause", "dropped_cause"),
    [
        (httpx.ConnectError("refused"), httpx.RemoteProtocolError("dropped")),
        (refused_by("127.0.0.1", 9), aiohttp.ServerDisconnectedError()),
    ],
    ids=["httpx", "aiohttp"],
)
async def test_a_reply_is_resent_only_when_it_never_left(
    monkeypatch: pytest.MonkeyPatch, refused_cause: Exception, dropped_cause: Exception
) -> None:
    monkeypatch.setattr(request_layer, "REPLY_RETRY_DELAYS", (0.0, 0.0))
    refused = raised_from(NetworkError("x"), refused_cause)
    dropped = raised_from(NetworkError("x"), dropped_cause)
    assert await attempts("sendMessage", refused) == 3  # tried again twice, then given up
    assert await attempts("sendMessage", dropped) == 1  # may have arrived: never resent
    assert await attempts("sendMessage", NetworkError("Bad Gateway")) == 1
    assert await attempts("getChatMember", dropped) == 3  # a read shows nothing: safe to repeat
    assert await attempts("getChatMember", BadRequest("user not found")) == 1


async def test_every_message_a_reply_sends_is_counted_in_the_send_budget_and_nothing_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each try of a reply is a send Telegram counts against its 30/s, so each is reported to the
    queue's budget (`on_reply`); "typing…", button answers, reads and the queue's own sends
    are not."""
    monkeypatch.setattr(request_layer, "REPLY_RETRY_DELAYS", (0.0, 0.0))
    guard = FloodGuard()
    counted: list[str] = []
    endpoint = ""
    guard.on_reply = lambda: counted.append(endpoint)

    async def answered() -> bool:
        return True

    for endpoint in ("sendMessage", "editMessageText", "sendPhoto"):
        await guard.process_request(answered, (), {}, endpoint, {}, None)
    for endpoint in ("sendChatAction", "answerCallbackQuery", "getChatMember"):
        await guard.process_request(answered, (), {}, endpoint, {}, None)
    endpoint = "sendMessage"
    await guard.process_request(answered, (), {}, endpoint, {}, request_layer.QUEUED)
    assert counted == ["sendMessage", "editMessageText", "sendPhoto"]

    counted.clear()
    refused = raised_from(NetworkError("x"), httpx.ConnectError("refused"))

    async def refusing() -> bool:
        raise refused

    with pytest.raises(NetworkError):
        await guard.process_request(refusing, (), {}, endpoint, {}, None)
    assert counted == ["sendMessage"] * 3  # three tries, three slots
