from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
import pytest

from bot.fakeapi.rules import ApiError, check_html, visible_text
from bot.fakeapi.server import HANG, RESET, FakeBotApi
from tests.conftest import FAKE_TOKEN as TOKEN


async def call(
    fake_api: FakeBotApi, method: str, token: str = TOKEN, **params: Any
) -> tuple[int, dict[str, Any]]:
    url = f"http://127.0.0.1:{fake_api.port}/bot{token}/{method}"
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with aiohttp.ClientSession() as client, client.post(url, data=form) as response:
        return response.status, await response.json()


async def test_wrong_token_is_unauthorized(fake_api: FakeBotApi) -> None:
    status, body = await call(fake_api, "getMe", token="42:wrong")
    assert (status, body["description"]) == (401, "Unauthorized")
    status, body = await call(fake_api, "getMe")
    assert body["result"]["username"] == "PostpactTestBot"


async def test_get_updates_honours_offset_and_timeout(fake_api: FakeBotApi) -> None:
    started = time.monotonic()
    _, body = await call(fake_api, "getUpdates", timeout=1)
    assert body["result"] == []
    assert time.monotonic() - started >= 0.9  # a long poll, not a busy loop
    first = await fake_api.push_update({"message": {"text": "a"}})
    await fake_api.push_update({"message": {"text": "b"}})
    _, body = await call(fake_api, "getUpdates", offset=0)
    assert [u["update_id"] for u in body["result"]] == [first, first + 1]
    _, body = await call(fake_api, "getUpdates", offset=first + 1)
    assert [u["message"]["text"] for u in body["result"]] == ["b"]
    _, body = await call(fake_api, "getUpdates", offset=first)  # confirmed updates are gone
    assert [u["message"]["text"] for u in body["result"]] == ["b"]


async def test_a_long_poll_wakes_up_for_a_new_update(fake_api: FakeBotApi) -> None:
    poll = asyncio.create_task(call(fake_api, "getUpdates", timeout=20))
    await asyncio.sleep(0.1)
    await fake_api.push_update({"message": {"text": "hi"}})
    _, body = await asyncio.wait_for(poll, 5)
    assert body["result"][0]["message"]["text"] == "hi"


async def test_send_and_edit_follow_telegrams_rules(fake_api: FakeBotApi) -> None:
    _, sent = await call(
        fake_api, "sendMessage", chat_id=5, text="<b>Hi</b> &amp; bye", parse_mode="HTML"
    )
    message_id = sent["result"]["message_id"]
    assert sent["result"]["text"] == "Hi & bye"
    status, body = await call(fake_api, "editMessageText", chat_id=5, message_id=message_id,
                              text="<b>Hi</b> &amp; bye", parse_mode="HTML")  # fmt: skip
    assert status == 400
    assert "message is not modified" in body["description"]
    status, _ = await call(fake_api, "editMessageText", chat_id=5, message_id=99, text="x")
    assert status == 400
    status, body = await call(fake_api, "sendMessage", chat_id=5, text="x" * 4097)
    assert (status, body["description"]) == (400, "Bad Request: message is too long")
    markup = {"inline_keyboard": [[{"text": "b", "callback_data": "x" * 65}]]}
    status, body = await call(fake_api, "sendMessage", chat_id=5, text="x", reply_markup=markup)
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")
    status, _ = await call(fake_api, "answerCallbackQuery", callback_query_id="1", text="x" * 201)
    assert status == 400
    assert [c.method for c in fake_api.calls].count("sendMessage") == 3


async def test_injected_failures_carry_retry_after(fake_api: FakeBotApi) -> None:
    fake_api.fail("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3, times=2)
    for _ in range(2):
        status, body = await call(fake_api, "sendMessage", chat_id=1, text="x")
        assert (status, body["parameters"]) == (429, {"retry_after": 3})
    status, _ = await call(fake_api, "sendMessage", chat_id=1, text="x")
    assert status == 200


async def test_unknown_method(fake_api: FakeBotApi) -> None:
    status, _ = await call(fake_api, "launchRockets")
    assert status == 404


@pytest.mark.parametrize(
    "text",
    ["a < b", "fish & chips", "<b>bold", "<b>x</i>", "<marquee>x</marquee>", "x</b>", "&nbsp;"],
)
def test_check_html_refuses_what_telegram_refuses(text: str) -> None:
    with pytest.raises(ApiError, match="can't parse entities"):
        check_html(text)


def test_check_html_accepts_telegram_html() -> None:
    check_html(
        '<b>a</b> <a href="https://x.y/?a=1&amp;b=2">l</a> &lt;&gt;&amp;&quot;&#39; <code>c</code>'
    )
    assert visible_text("<b>a</b> &lt;3") == "a <3"


async def test_a_reset_before_the_work_stores_nothing(fake_api: FakeBotApi) -> None:
    fake_api.fail("sendMessage", RESET, "")
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await call(fake_api, "sendMessage", chat_id=5, text="x")
    assert fake_api.bot_messages(5) == []
    status, _ = await call(fake_api, "sendMessage", chat_id=5, text="x")
    assert status == 200
    assert [m.text for m in fake_api.bot_messages(5)] == ["x"]


async def test_a_connection_dropped_after_the_work_loses_only_the_answer(
    fake_api: FakeBotApi,
) -> None:
    fake_api.fail("sendMessage", RESET, "", after_work=True)
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await call(fake_api, "sendMessage", chat_id=5, text="stored")
    (stored,) = fake_api.bot_messages(5)
    assert stored.text == "stored"  # Telegram has it; the client never heard
    (lost,) = fake_api.calls_to("sendMessage")
    assert lost.error is not None
    assert lost.error.code == RESET
    assert lost.result["message_id"] == stored.message_id


@pytest.mark.parametrize("code", [500, 502])
async def test_a_5xx_after_the_work_loses_only_the_answer(fake_api: FakeBotApi, code: int) -> None:
    fake_api.fail("sendMessage", code, "Bad Gateway", after_work=True)
    status, body = await call(fake_api, "sendMessage", chat_id=5, text="stored")
    assert (status, body["ok"]) == (code, False)
    assert [m.text for m in fake_api.bot_messages(5)] == ["stored"]
    status, _ = await call(fake_api, "sendMessage", chat_id=5, text="next")
    assert status == 200  # once only
    assert [m.text for m in fake_api.bot_messages(5)] == ["stored", "next"]


async def test_faults_after_the_work_leave_refusals_alone(fake_api: FakeBotApi) -> None:
    fake_api.fail("sendMessage", 502, "Bad Gateway", after_work=True)
    status, _ = await call(fake_api, "sendMessage", chat_id=5, text="x" * 5000)
    assert status == 400  # refused before any work: the lost answer waits for a real send
    status, _ = await call(fake_api, "getMe")
    assert status == 200  # another method
    status, _ = await call(fake_api, "sendMessage", chat_id=5, text="ok")
    assert status == 502


def test_a_hang_is_already_after_the_work(fake_api: FakeBotApi) -> None:
    with pytest.raises(ValueError, match="after_work"):
        fake_api.fail("sendMessage", HANG, "", after_work=True)


async def test_refused_connections_send_nothing_until_reachable_again(
    fake_api: FakeBotApi,
) -> None:
    poll = asyncio.create_task(call(fake_api, "getUpdates", timeout=20))
    await asyncio.sleep(0.1)
    await fake_api.refuse_connections(0.5)
    with pytest.raises(aiohttp.ClientConnectorError):
        await call(fake_api, "sendMessage", chat_id=5, text="x")
    assert fake_api.bot_messages(5) == []
    assert fake_api.calls_to("sendMessage") == []  # the request never arrived
    await fake_api.reachable()
    status, _ = await call(fake_api, "sendMessage", chat_id=5, text="x")
    assert status == 200
    await fake_api.push_update({"message": {"text": "hi"}})
    _, body = await asyncio.wait_for(poll, 5)  # the long poll rode out the outage
    assert body["result"][0]["message"]["text"] == "hi"


async def test_a_fault_can_let_the_first_calls_through(fake_api: FakeBotApi) -> None:
    fake_api.fail("sendMessage", 502, "Bad Gateway", after_work=True, skip=1)
    statuses = [(await call(fake_api, "sendMessage", chat_id=5, text=t))[0] for t in "abc"]
    assert statuses == [200, 502, 200]
    assert [m.text for m in fake_api.bot_messages(5)] == ["a", "b", "c"]


async def test_a_press_answered_past_telegrams_limit_is_refused(fake_api: FakeBotApi) -> None:
    assert fake_api.query_answer_timeout == 15.0  # Telegram's (undocumented, observed) limit
    fake_api.query_answer_timeout = 0.2
    for query_id in ("1", "2"):
        await fake_api.push_update({"callback_query": {"id": query_id, "data": "x"}})
    status, _ = await call(fake_api, "answerCallbackQuery", callback_query_id="1")
    assert status == 200
    await asyncio.sleep(0.3)
    status, body = await call(fake_api, "answerCallbackQuery", callback_query_id="2")
    assert (status, body["description"]) == (
        400,
        "Bad Request: query is too old and response timeout expired or query id is invalid",
    )
