"""Shared fixtures: a controllable clock and a whole bot session on the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ControllableClock
from bot.fakeapi import FakeBotApi, Person, Session
from bot.fakeapi.session import Transport

# A Monday at noon UTC: weeks and months start cleanly around it.
START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
# A token shaped like a real one, so a leak into any output is easy to spot.
FAKE_TOKEN = "987654321:SECRET-token_never-in-logs"


@pytest.fixture
def clock() -> ControllableClock:
    return ControllableClock(START)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A module marked `both_transports` runs its session tests once by long polling and once by
    webhook: the same behaviour, whichever way updates arrive."""
    if metafunc.definition.get_closest_marker("both_transports") is None:
        return
    if "transport" in metafunc.fixturenames:
        metafunc.parametrize("transport", ["polling", "webhook"])


@pytest.fixture
def transport() -> Transport:
    return "polling"


@pytest.fixture
async def session(
    tmp_path: Path, clock: ControllableClock, transport: Transport
) -> AsyncIterator[Session]:
    async with Session(tmp_path, clock, transport=transport) as running:
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
