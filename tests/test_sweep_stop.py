"""SIGTERM while the sweeps are busy: the real `python -m bot` lets each running sweep finish its
batch, then exits cleanly - no ERROR, no traceback, nothing claimed left stuck."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from bot.fakeapi.server import FakeBotApi
from bot.sweeps import Sweeps
from tests.conftest import FAKE_TOKEN as TOKEN
from tests.helpers import environment, nudges_delivered, seed_due_nudges, stopped
from tests.test_kill import message, settled, until

USERS = range(9000, 9200)  # each with a nudge due
POSTERS = range(9200, 9400)  # each posting at the same moment


async def start(folder: Path, api: FakeBotApi) -> asyncio.subprocess.Process:
    mark = len(api.calls_to("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=folder,
        env=environment(BOT_TOKEN=TOKEN, BOT_API_BASE_URL=api.base_url,
                        DATABASE_PATH=str(folder / "postpact.sqlite3"),
                        SWEEP_INTERVAL_SECONDS="1"),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    await until(lambda: len(api.calls_to("getUpdates")) > mark)
    return process


def claimed(folder: Path) -> dict[str, int]:
    with closing(sqlite3.connect(folder / "postpact.sqlite3")) as conn:
        found = conn.execute(
            "SELECT status, COUNT(*) FROM deliveries WHERE kind = 'nudge' GROUP BY status"
        ).fetchall()
    return {status: int(n) for status, n in found}


async def test_sigterm_in_the_middle_of_a_sweep_lets_it_finish_its_batch_and_exits_cleanly(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    """SWEEP_INTERVAL_SECONDS=1, 200 nudges due, 200 more users posting at the same moment, and
    SIGTERM as soon as the first nudge went out (the sweep is claiming the rest)."""
    await seed_due_nudges(tmp_path, USERS)
    fake_api.latency = 0.02
    first = await start(tmp_path, fake_api)
    for n, user in enumerate(POSTERS):
        await fake_api.push_update(message(user, f"/post tiktok n{n}", n + 1))
    await until(lambda: sum(nudges_delivered(fake_api).values()) > 0, within=60)
    log = await stopped(first)
    assert first.returncode == 0, log
    assert [line for line in log.splitlines() if " ERROR " in line or "Traceback" in line] == []
    assert "cut short" not in log
    cut = sum(nudges_delivered(fake_api).values())
    assert cut < len(USERS)  # the stop really came in the middle of the fan-out
    # The sweep finished its batch: every nudge due was claimed - sent, or pending for the
    # next start; none left half-sent ("sending" would become "unknown": never resent).
    done = claimed(tmp_path)
    assert sum(done.values()) == len(USERS), done
    assert set(done) <= {"sent", "pending"}, done
    second = await start(tmp_path, fake_api)  # what was claimed and not sent goes out now
    await settled(lambda: sum(nudges_delivered(fake_api).values()))
    log = await stopped(second)
    assert " ERROR " not in log, log
    sent = nudges_delivered(fake_api)
    assert set(sent) == set(USERS)  # everyone nudged, nobody stuck
    assert max(sent.values()) == 1  # and nobody twice


async def running(sweeps: Sweeps, started: asyncio.Event) -> None:
    sweeps.start()
    await asyncio.wait_for(started.wait(), 5)


async def test_a_stop_waits_for_a_running_sweep_to_finish(
    caplog: pytest.LogCaptureFixture,
) -> None:
    started, finished = asyncio.Event(), asyncio.Event()

    async def batch() -> int:
        started.set()
        await asyncio.sleep(0.3)
        finished.set()
        return 0

    sweeps = Sweeps({"nudges": batch}, interval=30)
    await running(sweeps, started)
    told: list[bool] = []
    await sweeps.stop(grace=5, cut_short=lambda: told.append(True))
    assert finished.is_set()
    assert told == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_a_sweep_past_the_grace_is_told_to_stop_at_its_next_item(
    caplog: pytest.LogCaptureFixture,
) -> None:
    started, cut = asyncio.Event(), asyncio.Event()

    async def endless() -> int:
        started.set()
        await cut.wait()  # a batch that goes on until told to stop at its next item
        return 0

    sweeps = Sweeps({"nudges": endless}, interval=30)
    await running(sweeps, started)
    await sweeps.stop(grace=0.2, cut_short=cut.set)
    assert cut.is_set()
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_a_stuck_sweep_is_cancelled_within_the_bound(
    caplog: pytest.LogCaptureFixture,
) -> None:
    started = asyncio.Event()

    async def stuck() -> int:
        started.set()
        await asyncio.sleep(3600)
        return 0

    sweeps = Sweeps({"nudges": stuck}, interval=30)
    await running(sweeps, started)
    began = time.monotonic()
    await sweeps.stop(grace=0.2, cut_short=lambda: None, cut_grace=0.2)
    await asyncio.sleep(0.05)  # the cancelled run winds down
    assert time.monotonic() - began < 1.0
    assert [r.levelno for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert "still running at shutdown" in caplog.text
