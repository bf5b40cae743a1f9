"""Shared fixtures: a controllable clock and a whole bot session on the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import FakeBotApi, Person, Session

# A Monday at noon UTC: weeks and months start cleanly around it.
START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
# A token shaped like a real one, so a leak into any output is easy to spot.
FAKE_TOKEN = "987654321:SECRET-token_never-in-logs"


@pytest.fixture
def clock() -> ControllableClock:
    return ControllableClock(START)


@pytest.fixture
async def session(tmp_path: Path, clock: ControllableClock) -> AsyncIterator[Session]:
    async with Session(tmp_path, clock) as running:
        yield running


@pytest.fixture
def maya(session: Session) -> Person:
    return session.person("Maya", username="maya")


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    """The fake Bot API alone, for tests that talk to it directly or run `python -m bot`."""
    running = FakeBotApi(FAKE_TOKEN)
    await running.start()
    yield running
    await running.close()
