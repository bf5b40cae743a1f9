"""`python -m bot` as an operator runs it: settings errors, refusals, and a real run at DEBUG."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.fakeapi.server import FakeBotApi
from tests.conftest import FAKE_TOKEN as TOKEN
from tests.helpers import environment


async def run_bot(cwd: Path, *args: str, **settings: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        *(args or (sys.executable, "-m", "bot")),
        cwd=cwd,
        env=environment(**settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


async def test_missing_token_explains_botfather(tmp_path: Path) -> None:
    status, stderr = await run_bot(tmp_path)
    assert status == 2
    assert "BOT_TOKEN is not set" in stderr
    assert "@BotFather" in stderr
    assert "Traceback" not in stderr


async def test_the_console_script_starts_the_same_way(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "postpact"
    status, stderr = await run_bot(tmp_path, str(script))
    assert (status, "BOT_TOKEN is not set" in stderr) == (2, True)


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"BOT_TOKEN": "not-a-token-SECRETVALUE"}, "BOT_TOKEN"),
        ({"BOT_TOKEN": TOKEN, "DEFAULT_TIMEZONE": "Mars/Olympus"}, "DEFAULT_TIMEZONE"),
        ({"BOT_TOKEN": TOKEN, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": "ftp://nope"}, "BOT_API_BASE_URL"),
    ],
)
async def test_an_invalid_setting_is_named_in_one_line(
    tmp_path: Path, settings: dict[str, str], named: str
) -> None:
    status, stderr = await run_bot(tmp_path, **settings)
    assert status == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"postpact: setting {named} is invalid")
    assert "SECRET" not in stderr  # the token's value is never echoed


async def test_settings_are_read_from_a_dotenv_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("BOT_TOKEN=123:abcdefgh\nDEFAULT_TIMEZONE=Nowhere/Land\n")
    status, stderr = await run_bot(tmp_path)
    assert status == 2
    assert "DEFAULT_TIMEZONE" in stderr


async def test_a_refused_token_exits_cleanly(tmp_path: Path, fake_api: FakeBotApi) -> None:
    status, stderr = await run_bot(
        tmp_path, BOT_TOKEN="111:refused-token", BOT_API_BASE_URL=fake_api.base_url
    )
    assert status == 2
    assert stderr.strip().endswith(
        "postpact: Telegram refused BOT_TOKEN: copy it again from @BotFather"
    )
    assert "refused-token" not in stderr


async def test_a_newer_database_refuses_to_start(tmp_path: Path, fake_api: FakeBotApi) -> None:
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA user_version = 999")
    status, stderr = await run_bot(
        tmp_path, BOT_TOKEN=TOKEN, BOT_API_BASE_URL=fake_api.base_url, DATABASE_PATH=str(database)
    )
    assert status == 2
    assert "schema version 999" in stderr
    assert "Traceback" not in stderr


async def test_a_real_run_at_debug_never_logs_the_token(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    database = tmp_path / "data" / "postpact.sqlite3"
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot",
        cwd=tmp_path,
        env=environment(
            BOT_TOKEN=TOKEN, BOT_API_BASE_URL=fake_api.base_url, DATABASE_PATH=str(database),
            LOG_LEVEL="debug",
        ),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        for _ in range(300):
            if fake_api.calls_to("getUpdates"):
                break
            await asyncio.sleep(0.1)
        await fake_api.push_update(
            {
                "message": {
                    "message_id": 1, "date": 0, "text": "/post tiktok hello",
                    "chat": {"id": 77, "type": "private"},
                    "from": {"id": 77, "is_bot": False, "first_name": "Op"},
                    "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
                }
            }
        )  # fmt: skip
        for _ in range(300):
            if fake_api.calls_to("sendMessage"):
                break
            await asyncio.sleep(0.1)
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.stderr is not None
        stderr = (await asyncio.wait_for(process.stderr.read(), 30)).decode()
        await process.wait()
    assert process.returncode == 0
    assert fake_api.calls_to("sendMessage")[0].params["text"].startswith("✅ Logged #1")
    assert "Postpact is running as @PostpactTestBot" in stderr
    assert "DEBUG" in stderr  # the debug log really was on
    assert TOKEN not in stderr
    assert TOKEN.split(":")[1] not in stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT title FROM posts").fetchall() == [("hello",)]
