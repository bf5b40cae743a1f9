"""Updates by webhook: set at start with its secret, refused without it, acknowledged only once
handled (so a lost answer or a bot that is down means a resend, handled once), and a webhook an
earlier run left removed when the bot polls again."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from pydantic import ValidationError

from bot.clock import ControllableClock
from bot.config import Settings
from bot.fakeapi import FakeBotApi, Session
from bot.fakeapi.session import TOKEN, WEBHOOK_SECRET
from bot.fakeapi.webhook import SECRET_HEADER
from tests.conftest import FAKE_TOKEN
from tests.helpers import count, environment, stopped
from tests.test_main import run_bot, the_one_line


@pytest.fixture
async def hooked(tmp_path: Path, clock: ControllableClock) -> AsyncIterator[Session]:
    async with Session(tmp_path, clock, transport="webhook") as running:
        yield running


def logged(session: Session) -> list[str]:
    return [
        str(call.params.get("text"))
        for call in session.server.calls_to("sendMessage")
        if "✅ Logged" in str(call.params.get("text", ""))
    ]


async def test_the_bot_sets_its_webhook_with_secret_and_connections(hooked: Session) -> None:
    (call,) = hooked.server.calls_to("setWebhook")
    assert call.params["url"] == f"http://127.0.0.1:{hooked.webhook_port}/telegram/webhook"
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert call.params["max_connections"] == 40
    assert call.params["drop_pending_updates"] is False
    assert "message" in call.params["allowed_updates"]
    assert "callback_query" in call.params["allowed_updates"]
    assert hooked.server.calls_to("getUpdates") == []  # it does not poll as well


async def test_a_user_posts_by_webhook_and_is_answered_once(hooked: Session) -> None:
    maya = hooked.person("Maya")
    reply = await hooked.send(maya, "/post tiktok hello")
    assert "Logged" in reply.text
    assert count(hooked, "posts") == 1
    assert [post.status for post in hooked.server.webhook.posts] == [200]


async def post_to_bot(session: Session, body: bytes, headers: dict[str, str]) -> int:
    url = f"http://127.0.0.1:{session.webhook_port}/telegram/webhook"
    async with aiohttp.ClientSession() as client, client.post(url, data=body, headers=headers) as r:
        return r.status


def an_update(update_id: int, text: str) -> bytes:
    message = {
        "message_id": 1,
        "date": 1_772_452_800,
        "chat": {"id": 42, "type": "private", "first_name": "Eve"},
        "from": {"id": 42, "is_bot": False, "first_name": "Eve"},
        "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
    }
    return json.dumps({"update_id": update_id, "message": message}).encode()


@pytest.mark.parametrize(
    "headers",
    [{}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: ""}, {SECRET_HEADER: WEBHOOK_SECRET + "x"}],
)
async def test_a_request_without_the_right_secret_is_refused_and_nothing_handled(
    hooked: Session, headers: dict[str, str]
) -> None:
    status = await post_to_bot(hooked, an_update(900, "/post tiktok forged"), headers)
    assert status == 403
    assert hooked.bot.webhook is not None
    assert hooked.bot.webhook.refused == 1
    assert b"postpact_webhook_refused_total 1.0" in hooked.bot.metrics.exposition()
    assert count(hooked, "posts") == 0
    assert count(hooked, "handled_updates") == 0
    assert hooked.server.calls_to("sendMessage") == []


@pytest.mark.parametrize(
    "body", [b"{not json", b"", b"[1, 2]", b'{"message": {}}', b'{"update_id": "x"}', b"\xff"]
)
async def test_a_body_that_is_not_an_update_gets_400(hooked: Session, body: bytes) -> None:
    status = await post_to_bot(hooked, body, {SECRET_HEADER: WEBHOOK_SECRET})
    assert status == 400
    assert count(hooked, "handled_updates") == 0


async def test_only_post_is_served(hooked: Session) -> None:
    url = f"http://127.0.0.1:{hooked.webhook_port}/telegram/webhook"
    async with aiohttp.ClientSession() as client, client.get(url) as answer:
        assert answer.status == 405
    async with aiohttp.ClientSession() as client, client.post(url + "/other") as answer:
        assert answer.status == 404


async def test_an_answer_lost_after_handling_is_resent_and_handled_once(hooked: Session) -> None:
    maya = hooked.person("Maya")
    hooked.server.webhook.lost_answers = 2  # the bot's 200 never reaches Telegram, twice
    await hooked.send(maya, "/post tiktok once")
    statuses = [post.status for post in hooked.server.webhook.posts]
    assert statuses == [200, 200, 200]  # delivered three times
    assert count(hooked, "posts") == 1
    assert len(logged(hooked)) == 1


async def test_an_update_sent_while_the_bot_is_down_is_handled_once_it_is_back(
    hooked: Session,
) -> None:
    maya = hooked.person("Maya")
    assert hooked.bot.webhook is not None
    await hooked.bot.webhook.stop()  # the process is gone: connections are refused
    await hooked.queue(maya, "/post tiktok while down")
    await asyncio.wait_for(hooked.server.webhook.attempted(2), 5)  # Telegram keeps trying
    assert {post.status for post in hooked.server.webhook.posts} == {0}
    await hooked.restart()
    await hooked.settle()
    assert count(hooked, "posts") == 1
    assert len(logged(hooked)) == 1
    assert hooked.server.webhook.posts[-1].status == 200


async def test_polling_removes_a_webhook_left_from_an_earlier_run_and_keeps_its_updates(
    tmp_path: Path, clock: ControllableClock
) -> None:
    session = Session(tmp_path, clock)
    maya = session.person("Maya")
    await session.server.start()  # Telegram, before the bot starts: an old webhook still set
    session.server.webhook.set({"url": "http://127.0.0.1:9/gone", "secret_token": "old"})
    await session.queue(maya, "/post tiktok waiting")
    await session.server.close()
    async with session:
        await session.settle()
        (call,) = session.server.calls_to("deleteWebhook")
        assert call.params["drop_pending_updates"] is False
        assert session.server.webhook.url == ""
        assert count(session, "posts") == 1
        reply = await session.send(maya, "/post youtube after")
        assert "Logged" in reply.text


def settings(**values: object) -> Settings:
    return Settings(bot_token=TOKEN, _env_file=None, **values)  # type: ignore[arg-type, call-arg]


def test_an_unset_secret_is_derived_from_the_token_and_never_shows_it() -> None:
    first, again = settings().webhook_secret_token, settings().webhook_secret_token
    assert first == again
    assert len(first) == 64
    assert TOKEN not in first
    assert TOKEN.split(":")[1] not in first
    assert settings(webhook_secret="mine_1").webhook_secret_token == "mine_1"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("webhook_url", "bot.example.com/hook"),
        ("webhook_url", "https://bot.example.com/hook?x=1"),
        ("webhook_url", "ftp://bot.example.com/"),
        ("webhook_secret", "has space"),
        ("webhook_secret", "ü" * 3),
        ("webhook_secret", "x" * 257),
        ("webhook_max_connections", 0),
        ("webhook_max_connections", 101),
        ("webhook_port", 0),
        ("webhook_port", 70000),
    ],
)
def test_a_bad_webhook_setting_is_refused(name: str, value: object) -> None:
    with pytest.raises(ValidationError) as refused:
        settings(**{name: value})
    (problem,) = refused.value.errors()
    assert problem["loc"] == (name,)
    assert str(value) not in problem["msg"]  # what `python -m bot` prints: never the secret


async def test_a_handler_error_is_answered_200_and_not_resent(hooked: Session) -> None:
    """The error handler logged it and said sorry; a resend would only fail the same way."""
    maya = hooked.person("Maya")
    hooked.server.fail("sendMessage", 400, "Bad Request: chat not found")
    reply = await hooked.send(maya, "/today")
    assert reply.text == "Sorry, something went wrong on my side. Please try again in a moment."
    assert [post.status for post in hooked.server.webhook.posts] == [200]


async def test_a_stop_finishes_the_update_in_hand_before_the_bot_goes(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock, transport="webhook", latency=0.3) as session:
        maya = session.person("Maya")
        await session.queue(maya, "/post tiktok in hand")
        for _ in range(300):  # until the bot is replying: the update is being handled
            if session.server.calls_to("sendMessage"):
                break
            await asyncio.sleep(0.01)
        await session.restart()  # SIGTERM mid-update
        await session.settle()
        assert [post.status for post in session.server.webhook.posts] == [200]  # not resent
        assert count(session, "posts") == 1
        assert len(logged(session)) == 1


async def test_max_connections_is_passed_on_as_set(
    tmp_path: Path, clock: ControllableClock
) -> None:
    limits = {"webhook_max_connections": 7}
    async with Session(tmp_path, clock, transport="webhook", user_limits=limits) as session:
        (call,) = session.server.calls_to("setWebhook")
        assert call.params["max_connections"] == 7
        info = await session.bot.application.bot.get_webhook_info()
        assert info.url.endswith("/telegram/webhook")
        assert info.max_connections == 7
        assert info.pending_update_count == 0


async def test_telegram_refuses_polling_while_a_webhook_is_set(hooked: Session) -> None:
    url = f"{hooked.server.base_url}{TOKEN}/getUpdates"
    async with aiohttp.ClientSession() as client, client.post(url) as answer:
        assert answer.status == 409
        assert "Conflict" in (await answer.json())["description"]


async def test_a_real_run_by_webhook_answers_and_never_logs_token_or_secret(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    port, secret = free_port(), "operator-chosen_secret"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot",
        cwd=tmp_path,
        env=environment(
            BOT_TOKEN=FAKE_TOKEN, BOT_API_BASE_URL=fake_api.base_url, LOG_LEVEL="debug",
            DATABASE_PATH=str(tmp_path / "postpact.sqlite3"),
            WEBHOOK_URL=f"http://127.0.0.1:{port}/hook", WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port), WEBHOOK_SECRET=secret,
        ),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await fake_api.push_update(json.loads(an_update(1, "/post tiktok hello")))
        for _ in range(300):
            if fake_api.calls_to("sendMessage") and not fake_api.unconfirmed:
                break
            await asyncio.sleep(0.1)
    finally:
        stderr = await stopped(process)
    assert process.returncode == 0, stderr
    assert fake_api.calls_to("sendMessage")[0].params["text"].startswith("✅ Logged #1")
    assert fake_api.calls_to("getUpdates") == []
    assert f"receiving updates by webhook on 127.0.0.1:{port}/hook" in stderr
    for secret_text in (FAKE_TOKEN, FAKE_TOKEN.split(":")[1], secret):
        assert secret_text not in stderr


async def test_a_webhook_port_in_use_is_named_in_one_line(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, stderr = await run_bot(
            tmp_path,
            BOT_TOKEN=FAKE_TOKEN,
            BOT_API_BASE_URL=fake_api.base_url,
            WEBHOOK_URL=f"https://bot.example.com:{port}/hook",
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
    assert status == 2
    assert the_one_line(stderr).startswith(
        f"postpact: cannot listen on WEBHOOK_LISTEN:WEBHOOK_PORT 127.0.0.1:{port}"
    )


async def test_a_bad_webhook_secret_is_named_without_showing_it(tmp_path: Path) -> None:
    status, stderr = await run_bot(
        tmp_path, BOT_TOKEN=FAKE_TOKEN, WEBHOOK_SECRET="my secret with spaces"
    )
    assert status == 2
    assert the_one_line(stderr).startswith("postpact: setting WEBHOOK_SECRET is invalid")
    assert "my secret" not in stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_stop_in_the_middle_of_a_burst_finishes_every_request_in_hand(
    tmp_path: Path, clock: ControllableClock
) -> None:
    async with Session(tmp_path, clock, transport="webhook", latency=0.05) as session:
        people = [session.person(f"P{n}") for n in range(20)]
        for person in people:
            await session.queue(person, "/post tiktok mid-burst")
        for _ in range(300):  # until the bot is replying: requests are in hand
            if session.server.calls_to("sendMessage"):
                break
            await asyncio.sleep(0.01)
        await session.restart()  # SIGTERM mid-burst
        await session.settle()  # what was not in hand is POSTed to the new run
        assert count(session, "posts") == 20
        chats = [
            c.params["chat_id"]
            for c in session.server.calls_to("sendMessage")
            if "✅ Logged" in str(c.params.get("text", ""))
        ]
        assert sorted(chats) == sorted(p.user_id for p in people)  # each answered once
