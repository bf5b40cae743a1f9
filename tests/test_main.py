"""`python -m bot` as an operator runs it: settings errors, refusals, and a real run at DEBUG."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from aiohttp import web

from bot.config import Settings
from bot.fakeapi.server import FakeBotApi
from bot.store import Database, held_for_life
from tests.conftest import FAKE_TOKEN as TOKEN
from tests.helpers import environment, stopped


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


async def polling(fake_api: FakeBotApi) -> None:
    """Wait (up to 30 s) until a started bot asks for updates: it is running."""
    for _ in range(300):
        if fake_api.calls_to("getUpdates"):
            return
        await asyncio.sleep(0.1)


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
        ({"BOT_TOKEN": TOKEN, "HTTP_TRANSPORT": "curl"}, "HTTP_TRANSPORT"),
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
        await polling(fake_api)
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
        stderr = await stopped(process)
    assert process.returncode == 0
    assert fake_api.calls_to("sendMessage")[0].params["text"].startswith("✅ Logged #1")
    assert "Postpact is running as @PostpactTestBot" in stderr
    assert "DEBUG" in stderr  # the debug log really was on
    assert TOKEN not in stderr
    assert TOKEN.split(":")[1] not in stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT title FROM posts").fetchall() == [("hello",)]


def the_one_line(stderr: str) -> str:
    """What the operator reads: one `postpact:` line, last, and no traceback (the log lines before
    it are the run's ordinary INFO lines)."""
    said = [line for line in stderr.strip().splitlines() if line.startswith("postpact:")]
    assert len(said) == 1, stderr
    assert stderr.strip().endswith(said[0]), stderr
    assert "Traceback" not in stderr, stderr
    assert " ERROR " not in stderr, stderr
    return said[0]


def bad_database_path(tmp_path: Path, kind: str) -> str:
    """A DATABASE_PATH an operator could plausibly get wrong, made real under `tmp_path`."""
    if kind == "a directory":
        return str(tmp_path)
    if kind == "not SQLite":
        (tmp_path / "notes.txt").write_text("my shopping list\n" * 100)
        return str(tmp_path / "notes.txt")
    if kind == "a file as its parent":
        (tmp_path / "file").write_text("x")
        return str(tmp_path / "file" / "postpact.sqlite3")
    if kind == "empty":
        return ""
    assert kind == "unwritable"
    # /proc refuses new files even to root (a chmod would not stop root, as CI may run).
    return "/proc/postpact.sqlite3"


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("a directory", "is a directory"),
        ("not SQLite", "is not an SQLite database"),
        ("a file as its parent", "is a file, not a folder"),
        ("empty", "setting DATABASE_PATH is invalid"),
        ("unwritable", "cannot be opened"),
    ],
)
async def test_a_bad_database_path_is_named_in_one_line(
    tmp_path: Path, fake_api: FakeBotApi, kind: str, says: str
) -> None:
    path = bad_database_path(tmp_path, kind)
    status, stderr = await run_bot(
        tmp_path, BOT_TOKEN=TOKEN, BOT_API_BASE_URL=fake_api.base_url, DATABASE_PATH=path
    )
    assert status == 2, stderr
    assert says in the_one_line(stderr)
    assert TOKEN not in stderr


@pytest.mark.parametrize("migrated", [False, True])
async def test_a_database_locked_at_start_up_is_named_in_one_line(
    tmp_path: Path, fake_api: FakeBotApi, migrated: bool
) -> None:
    """Locked before the migrations (a new file), or after them, when the start-up's first write
    comes with the application already started."""
    database = tmp_path / "db.sqlite3"
    if migrated:
        await (await Database.open(database)).close()
    with sqlite3.connect(database) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    blocker = sqlite3.connect(database, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        status, stderr = await run_bot(
            tmp_path,
            BOT_TOKEN=TOKEN,
            BOT_API_BASE_URL=fake_api.base_url,
            DATABASE_PATH=str(database),
        )
    finally:
        blocker.rollback()
        blocker.close()
    assert status == 2, stderr
    assert "is locked" in the_one_line(stderr)


async def test_a_bot_api_that_answers_with_a_web_page_is_named_in_one_line(
    tmp_path: Path,
) -> None:
    """A BOT_API_BASE_URL pointing at some web server: 200, but HTML rather than the Bot API."""

    async def page(request: web.Request) -> web.Response:
        return web.Response(text="<html>Welcome to nginx!</html>", content_type="text/html")

    server = web.Application()
    server.router.add_route("*", "/{tail:.*}", page)
    runner = web.AppRunner(server)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        status, stderr = await run_bot(
            tmp_path,
            BOT_TOKEN=TOKEN,
            BOT_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
            DATABASE_PATH=str(tmp_path / "db.sqlite3"),
        )
    finally:
        await runner.cleanup()
    assert status == 3, stderr
    line = the_one_line(stderr)
    assert "BOT_API_BASE_URL" in line
    assert "not the Bot API" in line
    assert TOKEN not in stderr


async def test_a_second_bot_on_the_same_database_refuses_to_start(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    database = tmp_path / "db.sqlite3"
    settings = {"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": fake_api.base_url,
                "DATABASE_PATH": str(database)}  # fmt: skip
    first = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=environment(**settings),
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await polling(fake_api)
        status, stderr = await run_bot(tmp_path, **settings)
    finally:
        first.send_signal(signal.SIGTERM)
        await first.wait()
    assert status == 2, stderr
    assert "another Postpact is already running on" in the_one_line(stderr)
    assert first.returncode == 0
    with held_for_life(database):  # once the first has stopped, the database is free again
        pass


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"SEND_RATE_PER_SECOND": "1e-300"}, "greater than or equal to 1"),
        ({"SEND_RATE_PER_SECOND": "0"}, "greater than or equal to 1"),
        ({"SEND_RATE_PER_SECOND": "31"}, "PAID_BROADCAST"),
        ({"SEND_RATE_PER_SECOND": "1001", "PAID_BROADCAST": "true"}, "less than or equal"),
        ({"SEND_RATE_PER_SECOND": "nan"}, "SEND_RATE_PER_SECOND"),
    ],
)
async def test_the_send_rate_is_bounded(
    tmp_path: Path, settings: dict[str, str], says: str
) -> None:
    status, stderr = await run_bot(tmp_path, BOT_TOKEN=TOKEN, **settings)
    assert status == 2, stderr
    line = the_one_line(stderr)
    assert line.startswith("postpact: setting SEND_RATE_PER_SECOND is invalid")
    assert says in line


def test_every_setting_is_documented_in_the_readme_and_the_example() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    example = (root / ".env.example").read_text(encoding="utf-8")
    for name in (field.upper() for field in Settings.model_fields):
        assert f"| `{name}` |" in readme, name
        assert f"\n{name}=" in example, name
