"""A button pressed while the real `python -m bot` is stopped, answered after the restart past
Telegram's time limit: the press takes effect and the log stays clean."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from bot.fakeapi.server import FakeBotApi
from tests.conftest import FAKE_TOKEN as TOKEN
from tests.helpers import environment, stopped
from tests.test_kill import message, until

USER = 501


async def start(folder: Path, api: FakeBotApi) -> asyncio.subprocess.Process:
    mark = len(api.calls_to("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=folder,
        env=environment(BOT_TOKEN=TOKEN, BOT_API_BASE_URL=api.base_url,
                        DATABASE_PATH=str(folder / "postpact.sqlite3")),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    await until(lambda: len(api.calls_to("getUpdates")) > mark)
    return process


async def test_a_press_made_while_the_bot_was_down_works_after_the_restart(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    fake_api.query_answer_timeout = 0.5
    first = await start(tmp_path, fake_api)
    await fake_api.push_update(message(USER, "/post", 1))
    await until(lambda: fake_api.bot_messages(USER))
    picker = fake_api.bot_messages(USER)[-1]
    log = await stopped(first)
    data = dict(picker.buttons)["Douyin"]
    press = {
        "id": "77", "from": {"id": USER, "is_bot": False, "first_name": f"U{USER}"},
        "chat_instance": str(USER), "message": picker.to_api(fake_api.bot_user), "data": data,
    }  # fmt: skip
    await fake_api.push_update({"callback_query": press})
    await asyncio.sleep(1.0)  # the bot is down past the press's age
    second = await start(tmp_path, fake_api)
    await until(lambda: fake_api.calls_to("answerCallbackQuery"))
    log += await stopped(second)
    assert [c.error.code for c in fake_api.calls_to("answerCallbackQuery") if c.error] == [400]
    edited = fake_api.message(USER, picker.message_id)
    assert edited is not None
    assert edited.text.startswith("✅ Logged #1 · Douyin")
    with closing(sqlite3.connect(tmp_path / "postpact.sqlite3")) as db:
        assert db.execute("SELECT platform FROM posts").fetchall() == [("douyin",)]
    assert "ERROR" not in log
    assert "Traceback" not in log
    assert (first.returncode, second.returncode) == (0, 0)
