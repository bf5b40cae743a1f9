"""A real store in a temporary SQLite file, with two users, for every store test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.store import Store

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)
TODAY = date(2026, 3, 2)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "db.sqlite3")
    for user_id in (1, 2):
        await opened.users.contact(user_id, f"user{user_id}", None, "en", "UTC", NOW)
    yield opened
    await opened.close()
