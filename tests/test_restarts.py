"""Restarts nobody notices: the real `python -m bot` stopped as a deploy stops it (SIGTERM) or
killed as a crash kills it (SIGKILL) in the middle of a sweep's nudges, button presses on them and
a burst of check-ins; meanwhile, with the bot down, more check-ins and presses arrive (the presses
too old to answer by the time it is back). Then it starts again and finishes.

What a user and an operator would check afterwards: no ERROR line or traceback in either run's
log; every check-in stored once and answered at most once (and answered, unless a kill cut it
between its write and its reply); every press answered once, its rest day stored once; nobody
nudged twice, and nobody nudged after they posted (the nudge is no longer owed).
"""

from __future__ import annotations

import asyncio
import re
import signal
import sqlite3
import sys
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.fakeapi.server import FakeBotApi
from tests.conftest import FAKE_TOKEN
from tests.helpers import environment, nudges_delivered, seed_due_nudges

NUDGED = range(9000, 9150)  # a nudge due for each at the start: 5 s of sending at 30/s
POSTERS = range(500, 520)  # the burst: 10 check-ins each
LOGGED = re.compile(r"^✅ Logged #\d+ · TikTok · “([a-z]+\d+)”")
# Presses the bot finds when it is back are older than this: Telegram refuses to answer them.
STALE_AFTER = 1.0


class Run:
    """One `python -m bot`, its log in a file (a killed process leaves it as it was)."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path) -> None:
        self.process = process
        self.log = log

    @classmethod
    async def start(cls, folder: Path, api: FakeBotApi, name: str, runs: list[Run]) -> Run:
        mark = len(api.calls_to("getUpdates"))
        log = folder / f"{name}.log"
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=folder, stderr=out,
                env=environment(
                    BOT_TOKEN=FAKE_TOKEN, BOT_API_BASE_URL=api.base_url,
                    DATABASE_PATH=str(folder / "postpact.sqlite3"),
                    SWEEP_INTERVAL_SECONDS="1", USER_BURST="100000",
                ),
            )  # fmt: skip
        runs.append(cls(process, log))
        await until(lambda: len(api.calls_to("getUpdates")) > mark)
        return runs[-1]

    async def stop(self, how: signal.Signals) -> None:
        self.process.send_signal(how)
        await asyncio.wait_for(self.process.wait(), 60)

    def troubles(self) -> list[str]:
        """The lines an operator would be paged for."""
        lines = self.log.read_text(errors="replace").splitlines()
        return [line for line in lines if re.search(r"\b(ERROR|CRITICAL)\b|^Traceback", line)]


@pytest.fixture
async def runs() -> AsyncIterator[list[Run]]:
    """The bots a test started: none outlives it, whatever it asserted."""
    started: list[Run] = []
    yield started
    for run in started:
        if run.process.returncode is None:
            run.process.kill()
            await run.process.wait()


async def until(condition: Any, within: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


async def settled(api: FakeBotApi) -> None:
    """Until the bot has had nothing to do for two seconds (long polls aside)."""
    last, quiet_since = -1, asyncio.get_running_loop().time()
    while asyncio.get_running_loop().time() - quiet_since < 2.0:
        busy = len([c for c in api.calls if c.method != "getUpdates"])
        if busy != last:
            last, quiet_since = busy, asyncio.get_running_loop().time()
        await asyncio.sleep(0.05)


def check_in(user: int, title: str, message_id: int) -> dict[str, Any]:
    text = f"/post tiktok {title}"
    return {
        "message": {
            "message_id": message_id, "date": 0, "text": text,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": f"U{user}"},
            "entities": [{"type": "bot_command", "offset": 0, "length": len("/post")}],
        }
    }  # fmt: skip


def rest_press(api: FakeBotApi, user: int, query_id: str) -> dict[str, Any]:
    """`user` taps "Rest" on the nudge the bot sent them."""
    nudge = next(m for m in api.bot_messages(user) if any("|nudge|" in d for _, d in m.buttons))
    data = next(d for _, d in nudge.buttons if "|nudge|rest|" in d)
    return {
        "callback_query": {
            "id": query_id,
            "from": {"id": user, "is_bot": False, "first_name": f"U{user}"},
            "chat_instance": str(user),
            "message": nudge.to_api(api.bot_user),
            "data": data,
        }
    }


def answers(api: FakeBotApi) -> Counter[str]:
    """answerCallbackQuery calls per query id (refused as too old included: one try each)."""
    return Counter(str(c.params["callback_query_id"]) for c in api.calls_to("answerCallbackQuery"))


def replies(api: FakeBotApi) -> Counter[str]:
    titles: Counter[str] = Counter()
    for call in api.calls_to("sendMessage"):
        match = LOGGED.match(str(call.params.get("text", "")))
        if match and call.error is None:
            titles[match[1]] += 1
    return titles


def stored(folder: Path, sql: str) -> Counter[Any]:
    with closing(sqlite3.connect(folder / "postpact.sqlite3")) as conn:
        return Counter(row[0] if len(row) == 1 else row for row in conn.execute(sql))


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_a_restart_in_the_middle_of_everything_goes_unnoticed(
    tmp_path: Path, fake_api: FakeBotApi, runs: list[Run], how: signal.Signals
) -> None:
    await seed_due_nudges(tmp_path, NUDGED, posting_days=6)  # Rest works
    fake_api.latency = 0.01
    fake_api.query_answer_timeout = STALE_AFTER
    first = await Run.start(tmp_path, fake_api, "first", runs)
    await until(lambda: len(nudges_delivered(fake_api)) >= 10)

    pressed = sorted(nudges_delivered(fake_api))[:10]
    for user in pressed:
        await fake_api.push_update(rest_press(fake_api, user, f"live{user}"))
    titles = [f"burst{n}" for n in range(200)]
    for n, title in enumerate(titles):
        await fake_api.push_update(check_in(POSTERS[n % len(POSTERS)], title, 1000 + n))
    await until(lambda: len(replies(fake_api)) >= 30)
    assert len(replies(fake_api)) < len(titles)  # it is stopped in the middle
    await first.stop(how)

    # While it is down: those not nudged yet post (their nudge is no longer owed), and those
    # nudged but not pressing yet press Rest (too old to answer by the time the bot is back).
    owed_no_more = [u for u in NUDGED if u not in nudges_delivered(fake_api)][:10]
    for n, user in enumerate(owed_no_more):
        title = f"down{n}"
        titles.append(title)
        await fake_api.push_update(check_in(user, title, 5000 + n))
    late = [u for u in sorted(nudges_delivered(fake_api)) if u not in pressed][:5]
    for user in late:
        await fake_api.push_update(rest_press(fake_api, user, f"late{user}"))
    await asyncio.sleep(STALE_AFTER + 0.5)

    second = await Run.start(tmp_path, fake_api, "second", runs)
    await settled(fake_api)
    await second.stop(signal.SIGTERM)

    # The operator's view: nothing to be paged for, in either run.
    assert first.troubles() == []
    assert second.troubles() == []
    # Every check-in stored once; answered at most once, and answered unless the kill cut it
    # between its write and its reply (those are stored: nothing is lost, a reply is).
    posts = stored(tmp_path, "SELECT title FROM posts")
    assert set(posts) == set(titles)
    assert max(posts.values()) == 1
    answered = replies(fake_api)
    assert max(answered.values()) == 1
    unanswered = set(titles) - set(answered)
    assert not unanswered if how is signal.SIGTERM else len(unanswered) <= 10, unanswered
    # Every press answered once (the late ones too: tried once, refused as too old, quietly;
    # a kill may cut one between its write and its answer), and each press's rest day stored once.
    tried = answers(fake_api)
    assert max(tried.values()) == 1
    every = {f"live{u}" for u in pressed} | {f"late{u}" for u in late}
    assert set(tried) == every if how is signal.SIGTERM else set(tried) <= every
    rests = stored(tmp_path, "SELECT user_id FROM rest_days")
    assert rests == Counter(dict.fromkeys(pressed + late, 1))
    # Nobody nudged twice; nobody nudged after posting.
    sent = nudges_delivered(fake_api)
    assert max(sent.values()) == 1
    assert not set(owed_no_more) & set(sent)
