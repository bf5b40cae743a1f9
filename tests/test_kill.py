"""SIGKILL in the middle of work: the real `python -m bot` process against the fake Bot API."""

from __future__ import annotations

import asyncio
import random
import re
import signal
import sqlite3
import sys
import time
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.fakeapi.server import FakeBotApi
from tests.conftest import FAKE_TOKEN as TOKEN
from tests.helpers import environment, nudges_delivered, seed_due_nudges

LOGGED = re.compile(r"^✅ Logged #\d+ · TikTok · “(n\d+)”")


async def start_bot(
    folder: Path, api: FakeBotApi, log: Path | None = None
) -> asyncio.subprocess.Process:
    """`python -m bot` on `folder`'s database; what it logs goes to `log` (or nowhere)."""
    mark = len(api.calls_to("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=folder,
        env=environment(BOT_TOKEN=TOKEN, BOT_API_BASE_URL=api.base_url,
                        DATABASE_PATH=str(folder / "postpact.sqlite3"),
                        USER_BURST="100000"),  # 30 posts a user at once, on purpose
        stderr=log.open("a") if log else asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    await until(lambda: len(api.calls_to("getUpdates")) > mark)
    return process


async def until(condition: Any, within: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


async def settled(count: Any) -> None:
    """Wait until `count()` stops growing for a second."""
    last = -1
    while (now := count()) != last:
        last = now
        await asyncio.sleep(1.0)


def message(user: int, text: str, message_id: int) -> dict[str, Any]:
    command = text.split()[0]
    return {
        "message": {
            "message_id": message_id, "date": 0, "text": text,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": f"U{user}"},
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        }
    }  # fmt: skip


def acknowledged(api: FakeBotApi) -> list[str]:
    titles = []
    for call in api.calls_to("sendMessage"):
        match = LOGGED.match(str(call.params.get("text", "")))
        if match and call.error is None:
            titles.append(match[1])
    return titles


async def test_kill_in_the_middle_of_check_ins(tmp_path: Path, fake_api: FakeBotApi) -> None:
    fake_api.latency = 0.01
    first = await start_bot(tmp_path, fake_api)
    for n in range(300):
        await fake_api.push_update(message(500 + n % 10, f"/post tiktok n{n}", n + 1))
    await until(lambda: len(acknowledged(fake_api)) >= 60)
    first.kill()
    await first.wait()
    before_restart = set(acknowledged(fake_api))
    assert len(before_restart) < 300  # it really died in the middle
    second = await start_bot(tmp_path, fake_api)
    await settled(lambda: len(acknowledged(fake_api)))
    second.send_signal(signal.SIGTERM)
    await second.wait()
    with sqlite3.connect(tmp_path / "postpact.sqlite3") as conn:
        stored = Counter(title for (title,) in conn.execute("SELECT title FROM posts"))
    assert before_restart <= set(stored)  # every acknowledged check-in survived
    assert max(stored.values()) == 1  # and none is stored twice


async def test_kill_in_the_middle_of_a_fan_out(tmp_path: Path, fake_api: FakeBotApi) -> None:
    users = range(9000, 9150)
    await seed_due_nudges(tmp_path, users)
    fake_api.latency = 0.02

    first = await start_bot(tmp_path, fake_api)
    await until(lambda: sum(nudges_delivered(fake_api).values()) >= 30)
    first.kill()
    await first.wait()
    cut = sum(nudges_delivered(fake_api).values())
    assert cut < len(users)
    second = await start_bot(tmp_path, fake_api)
    await settled(lambda: sum(nudges_delivered(fake_api).values()))
    second.send_signal(signal.SIGTERM)
    await second.wait()
    sent = nudges_delivered(fake_api)
    assert max(sent.values()) == 1  # nobody was nudged twice
    assert len(sent) >= len(users) - 32  # at most what was in flight at the kill is lost


def stored_titles(folder: Path) -> Counter[str]:
    with closing(sqlite3.connect(folder / "postpact.sqlite3")) as conn:
        return Counter(title for (title,) in conn.execute("SELECT title FROM posts"))


async def test_a_failed_confirm_then_a_restart_stores_and_acknowledges_each_post_once(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    fake_api.updates.failing_confirms = 10**6  # every call that would confirm a batch: 502
    first = await start_bot(tmp_path, fake_api)
    for n in range(40):
        await fake_api.push_update(message(500 + n % 5, f"/post tiktok n{n}", n + 1))
    await until(lambda: len(acknowledged(fake_api)) >= 40)
    first.send_signal(signal.SIGTERM)  # its last confirming call fails too
    await first.wait()
    assert fake_api.unconfirmed == 40  # Telegram will send all of them again
    fake_api.updates.failing_confirms = 0
    second = await start_bot(tmp_path, fake_api)
    await until(lambda: fake_api.unconfirmed == 0)  # all fetched: SIGTERM lets them finish
    second.send_signal(signal.SIGTERM)
    await second.wait()
    assert stored_titles(tmp_path) == Counter(f"n{n}" for n in range(40))
    assert sorted(acknowledged(fake_api)) == sorted(f"n{n}" for n in range(40))


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_kills_and_failed_confirms_lose_and_repeat_nothing(
    tmp_path: Path, fake_api: FakeBotApi, seed: int
) -> None:
    """Two kills at random points (after a random number of acknowledgements), each run's
    confirmations failing or not at random; a last run finishes the rest. No post is stored
    twice, every acknowledged one survives, none is acknowledged twice, and a batch whose
    confirmation failed is stored whole after the restart."""
    chance = random.Random(seed)
    fake_api.latency = 0.005
    total = 90
    for n in range(total):
        await fake_api.push_update(message(500 + n % 7, f"/post tiktok n{n}", n + 1))
    unconfirmed_at_kill = 0
    for _ in range(2):
        fake_api.updates.failing_confirms = chance.choice([0, 10**6])
        process = await start_bot(tmp_path, fake_api)
        goal = len(acknowledged(fake_api)) + chance.randint(1, 30)
        await until_or_quiet(lambda goal=goal: len(acknowledged(fake_api)) >= goal, fake_api)
        process.kill()
        await process.wait()
        unconfirmed_at_kill = fake_api.unconfirmed
        assert set(acknowledged(fake_api)) <= set(stored_titles(tmp_path))  # nothing lost
    fake_api.updates.failing_confirms = 0
    last = await start_bot(tmp_path, fake_api)
    await until(lambda: fake_api.unconfirmed == 0)  # all fetched: SIGTERM lets them finish
    last.send_signal(signal.SIGTERM)
    await last.wait()
    stored = stored_titles(tmp_path)
    assert max(stored.values()) == 1  # none twice
    assert max(Counter(acknowledged(fake_api)).values()) == 1  # none acknowledged twice
    # What Telegram still held at the last kill was delivered again and is all there.
    assert {f"n{n}" for n in range(total - unconfirmed_at_kill, total)} <= set(stored)


async def until_or_quiet(condition: Any, api: FakeBotApi) -> None:
    """Until `condition`, or until the bot has had nothing to do for half a second (what it fetched
    is all handled: no more acknowledgements are coming)."""
    last, quiet_since = -1, asyncio.get_running_loop().time()
    while not condition():
        now, calls = asyncio.get_running_loop().time(), len(api.calls)
        if calls != last:
            last, quiet_since = calls, now
        elif now - quiet_since > 0.5:
            return
        await asyncio.sleep(0.02)


def answered_titles(api: FakeBotApi) -> Counter[str]:
    return Counter(acknowledged(api))


async def test_a_kill_in_the_middle_of_a_burst_loses_no_post(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    """Every post of a burst cut by SIGKILL is stored once after the restart, and answered once,
    except the few the kill cut between their commit and their reply: the update comes back, is
    found handled and skipped, so its reply is never sent. Those are stored, and they are at most
    the updates in hand at the kill (one a user: each user's updates go in order)."""
    fake_api.latency = 0.01
    users, total = 25, 300
    first = await start_bot(tmp_path, fake_api)
    for n in range(total):
        await fake_api.push_update(message(500 + n % users, f"/post tiktok n{n}", n + 1))
    await until(lambda: len(acknowledged(fake_api)) >= 60)
    first.kill()
    await first.wait()
    assert len(acknowledged(fake_api)) < total  # it really died in the middle
    second = await start_bot(tmp_path, fake_api)
    await until(lambda: fake_api.unconfirmed == 0)
    second.send_signal(signal.SIGTERM)
    await second.wait()
    assert stored_titles(tmp_path) == Counter(f"n{n}" for n in range(total))  # each, once
    answered = answered_titles(fake_api)
    assert max(answered.values()) == 1
    unanswered = {f"n{n}" for n in range(total)} - set(answered)
    assert len(unanswered) <= users  # cut between commit and reply: stored, never answered


async def test_a_stop_in_the_middle_of_a_burst_answers_what_was_fetched_and_leaves_the_rest(
    tmp_path: Path, fake_api: FakeBotApi
) -> None:
    fake_api.latency = 0.01
    total = 600  # the bot holds about 100 at a time: plenty are still Telegram's at the stop
    log = tmp_path / "bot.log"
    first = await start_bot(tmp_path, fake_api, log)
    for n in range(total):
        await fake_api.push_update(message(500 + n % 25, f"/post tiktok n{n}", n + 1))
    await until(lambda: len(acknowledged(fake_api)) >= 40)
    read_by_now = time.monotonic() - 0.05  # answers older than this were read by the bot
    fetched = {
        f"n{update['update_id'] - 1}"
        for call in fake_api.calls_to("getUpdates")
        if call.answered and call.answered < read_by_now
        for update in call.result or []
    }
    first.send_signal(signal.SIGTERM)
    await first.wait()
    assert first.returncode == 0
    assert fetched <= set(acknowledged(fake_api))  # all answered before the exit
    assert len(acknowledged(fake_api)) < total  # the rest was left for the next start
    second = await start_bot(tmp_path, fake_api, log)
    await until(lambda: fake_api.unconfirmed == 0)
    second.send_signal(signal.SIGTERM)
    await second.wait()
    assert second.returncode == 0
    assert answered_titles(fake_api) == Counter(f"n{n}" for n in range(total))  # each, once
    assert stored_titles(tmp_path) == Counter(f"n{n}" for n in range(total))
    logged = log.read_text()
    assert not re.search(r"\b(ERROR|CRITICAL)\b|Traceback", logged), logged
