"""What many tests share: reading what the bot stored straight from the SQLite file (as an operator
would), picking the bot's messages out of what it sent, the hostile inputs, and the shapes of a
room and a clock."""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import os
import pkgutil
import signal
import sqlite3
import typing
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

import bot.render
from bot.domain.errors import InputError
from bot.fakeapi import Person, Session, StoredMessage
from bot.fakeapi.server import FakeBotApi
from bot.render.callbacks import ButtonData
from bot.store import Database
from bot.store.db import to_db_instant


def rows(session: Session, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(session.database_path) as conn:
        return conn.execute(sql, params).fetchall()


@contextmanager
def hops(db: Database) -> Iterator[list[str]]:
    """The functions queued on the database connection's thread while inside: every one is a
    round trip that wakes the event loop. The counter wraps aiosqlite's own
    `Connection._execute` (every call aiosqlite makes goes through it), on the real connection."""
    conn = db.connection
    real = conn._execute
    queued: list[str] = []

    async def counting(fn: Any, *args: Any, **kwargs: Any) -> Any:
        queued.append(getattr(fn, "__qualname__", repr(fn)))
        return await real(fn, *args, **kwargs)  # type: ignore[no-untyped-call]

    conn._execute = counting  # type: ignore[method-assign]
    try:
        yield queued
    finally:
        del conn._execute  # aiosqlite's own method again


def count(session: Session, table: str) -> int:
    return int(rows(session, f"SELECT COUNT(*) FROM {table}")[0][0])


def to(person: Person, sent: list[StoredMessage]) -> list[StoredMessage]:
    """The nudges (and last calls) among what the bot sent on its own, to `person`."""
    return [
        m
        for m in sent
        if m.chat_id == person.user_id and m.buttons[:1] and m.buttons[0][1].startswith("1|nudge|")
    ]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


async def set_up(session: Session, person: Person, zone: str, nudge: str) -> None:
    await session.send(person, f"/timezone {zone}")
    await session.send(person, f"/nudge {nudge}")


HOSTILE = {
    "wrong": "banana",
    "negative": "-5",
    "huge": "1" + "0" * 30,
    "long": "x" * 5000,
    "emoji": "🔥💯🚀",
    "chinese": "火星 一百",
    "sql": "'; DROP TABLE users; --",
    "html": "<b>hi</b> & <script>",
    "control": "\x00\x1b[31m\u202e",
}


TABLES = (
    "posts",
    "post_tags",
    "post_metrics",
    "follower_counts",
    "user_platforms",
    "programs",
    "rest_days",
)


def snapshot(session: Session) -> list[object]:
    stored: list[object] = [rows(session, f"SELECT * FROM {table}") for table in TABLES]
    stored.append(
        rows(
            session,
            "SELECT user_id, language, timezone, nudge_time, day_start, niche, niche_tags,"
            " awaiting, onboarded, posting_days_per_week, hit_threshold, follower_target,"
            " follower_target_platform, rest_days_per_week, nudges_on, last_call_on,"
            " followups_on, quiet_hours, paused_until FROM users",
        )
    )
    return stored


ROOM = -100555


def in_room(sent: list[StoredMessage], chat_id: int = ROOM) -> list[StoredMessage]:
    return [m for m in sent if m.chat_id == chat_id]


ROOM_TABLES = ("groups", "memberships", "cheers", "follows", "buddies", "posts")


def room_snapshot(session: Session) -> list[object]:
    return [rows(session, f"SELECT * FROM {table}") for table in ROOM_TABLES]


async def room_of(session: Session, *people: Person) -> None:
    """Everyone has talked to the bot in private, then joined the room."""
    for person in people:
        await session.send(person, "/today")
        await session.send(person, "/join", chat_id=ROOM)


SETTINGS = (
    "BOT_TOKEN", "BOT_API_BASE_URL", "DATABASE_PATH", "LOG_LEVEL", "LOG_FORMAT", "DEFAULT_TIMEZONE",
    "METRICS_PORT", "METRICS_LISTEN", "HTTP_TRANSPORT",
)  # fmt: skip


def environment(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return env | settings


async def stopped(process: asyncio.subprocess.Process) -> str:
    """Stop a bot started with `python -m bot` as an operator would (SIGTERM), wait for it to
    exit, and return what it logged."""
    process.send_signal(signal.SIGTERM)
    assert process.stderr is not None
    stderr = (await asyncio.wait_for(process.stderr.read(), 30)).decode()
    await process.wait()
    return stderr


def reviews(person: Person, sent: list[StoredMessage]) -> list[StoredMessage]:
    return [m for m in sent if m.chat_id == person.user_id and m.text.startswith("📅")]


def error_key(call: object) -> str:
    """The text key of the InputError a call raises."""
    assert callable(call)
    with pytest.raises(InputError) as caught:
        call()
    return caught.value.key


def every_button_kind() -> list[type[ButtonData]]:
    """Every typed button the bot sends (each render module defines its own)."""
    for module in pkgutil.iter_modules(bot.render.__path__):
        importlib.import_module(f"bot.render.{module.name}")
    return sorted(ButtonData.__subclasses__(), key=lambda kind: kind.action)


def plausible(kind: type[ButtonData]) -> list[str]:
    """An argument of the right type for each field (not necessarily one the bot sent)."""
    hints = typing.get_type_hints(kind)
    values = []
    for field in dataclasses.fields(kind):
        hint = hints[field.name]
        if isinstance(hint, type) and issubclass(hint, Enum):
            values.append(str(next(iter(hint)).value))
        else:
            values.append({int: "1", bool: "1", date: "2026-03-02"}.get(hint, "tiktok"))
    return values


def unthrottled(session: Session) -> None:
    """For a test that sends many commands from one user on purpose: no burst limit (the limit
    itself is tested in tests/features/test_limits.py)."""
    session.bot.throttle.burst = 1_000_000
    session.bot.throttle.rate = 1_000_000.0  # refills at once, even a bucket used before


async def seed_due_nudges(folder: Path, users: range, posting_days: int = 7) -> None:
    """For a real `python -m bot` on `folder`'s database: onboarded `users` whose local time is
    about noon (so today is the same day for them as for the test), posting `posting_days` a
    week, each with a nudge due a few seconds ago (real time: the process runs on the system
    clock)."""
    now = datetime.now(UTC)
    offset = 12 - now.hour
    zone = "Etc/GMT" + ("+" if offset <= 0 else "-") + str(abs(offset))
    database = await Database.open(folder / "postpact.sqlite3")
    await database.close()
    with closing(sqlite3.connect(folder / "postpact.sqlite3")) as conn, conn:
        stamp = to_db_instant(now - timedelta(days=1))
        local = (now + timedelta(hours=offset)).strftime("%H:%M")
        conn.executemany(
            "INSERT INTO users (user_id, first_name, timezone, nudge_time, onboarded,"
            " private_chat, created_at, updated_at, next_nudge_at, next_nudge_kind,"
            " next_review_at, next_review_period, posting_days_per_week)"
            " VALUES (?, 'U', ?, ?, 1, 1, ?, ?, ?, 'nudge', ?, 'month:2099-01', ?)",
            [(u, zone, local, stamp, stamp, to_db_instant(now - timedelta(seconds=5)),
              to_db_instant(now + timedelta(days=60)), posting_days) for u in users],
        )  # fmt: skip


def nudges_delivered(api: FakeBotApi) -> Counter[int]:
    """Nudges the fake Bot API answered (stored on Telegram's side), per user."""
    return Counter(
        int(c.params["chat_id"]) for c in api.calls_to("sendMessage")
        if c.result is not None and "1|nudge|" in str(c.params.get("reply_markup", ""))
    )  # fmt: skip
