from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
import pytest

from bot.fakeapi.rules import ApiError, check_html, visible_text
from bot.fakeapi.server import FakeBotApi
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
