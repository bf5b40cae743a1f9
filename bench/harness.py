"""What the comparing rows share: the fake Bot API and the load in THIS process, the bot under test
in its OWN (`python -m bot`, or `python -m bench.ceiling`), so the bot's figures are its own.

- `World`: the fake Bot API (with its round-trip `latency`, which applies to the bot's replies
  too) and the people who talk to the bot. It sees each reply when the reply's call was answered,
  i.e. after its own round trip, as the bot would.
- `BotProcess`: starts a bot as an operator would (settings in the environment, a database in a
  temporary folder), waits until it polls (and, for Postpact, until /readyz says 200), reads its
  CPU time from /proc and its /metrics, and stops it with SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import aiohttp

from bot.config import Settings
from bot.fakeapi.people import Person, chat_of
from bot.fakeapi.rules import utf16_length
from bot.fakeapi.server import FakeBotApi

TOKEN = "123456789:BENCH-token_for-local-runs-only"
REPO = Path(__file__).resolve().parent.parent
SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
FIRST_USER = 50_000_000  # far from the ids the rows seed into the database
# The per-user limits protect the bot from one flooding user; the benchmark's users send more
# than real people would on purpose, so they are raised (the limiter still runs on every update).
NO_USER_LIMITS = {
    "USER_BURST": "1000000",
    "USER_RATE_PER_SECOND": "1000000",
    "POSTS_PER_DAY": "1000000",
    "FOLLOWER_COUNTS_PER_DAY": "1000000",
}

Kind = Literal["postpact", "ceiling"]
MODULES: dict[Kind, str] = {"postpact": "bot", "ceiling": "bench.ceiling"}


class World:
    """The fake Telegram in the benchmark's process: the fake Bot API and the people."""

    def __init__(self, latency: float = 0.0) -> None:
        self.server = FakeBotApi(TOKEN, latency=latency)
        self.replies: dict[int, list[float]] = {}  # chat → when each reply's call was answered
        self.count = 0  # replies (successful sends) seen so far
        self.throttled = 0  # sends refused with a 429
        self._scanned = 0

    async def __aenter__(self) -> World:
        await self.server.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.server.close()

    @staticmethod
    def people(count: int, first: int = FIRST_USER) -> list[Person]:
        return [Person(first + n, f"u{n}") for n in range(count)]

    async def send(self, person: Person, text: str, chat: int | None = None) -> float:
        """`person` sends `text` (queued for the bot's next getUpdates); returns when."""
        chat_id = person.user_id if chat is None else chat
        incoming = self.server.store_incoming(chat_id, text)
        message: dict[str, Any] = {
            "message_id": incoming.message_id,
            "date": incoming.date,
            "chat": chat_of(chat_id, person),
            "from": person.as_api(),
            "text": text,
        }
        if text.startswith("/"):
            length = utf16_length(text.split(maxsplit=1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        offered = time.monotonic()
        await self.server.push_update({"message": message})
        return offered

    def scan(self) -> None:
        """Take in the sends answered since the last scan, in the order they arrived (a send
        still waiting for its answer stops the scan there, so nothing is counted out of order)."""
        calls = self.server.calls
        while self._scanned < len(calls):
            call = calls[self._scanned]
            if call.method in SENDS:
                if call.answered is None:
                    return
                if call.error is None:
                    chat = int(call.params["chat_id"])
                    self.replies.setdefault(chat, []).append(call.answered)
                    self.count += 1
                elif call.error.code == 429:
                    self.throttled += 1
            self._scanned += 1

    async def replies_reach(self, count: int, within: float = 120.0) -> float:
        """Wait until `count` replies in all were answered; returns when the last one was."""
        deadline = time.monotonic() + within
        while True:
            self.scan()
            if self.count >= count:
                return max(times[-1] for times in self.replies.values())
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.count} of {count} replies within {within:.0f} s")
            await asyncio.sleep(0.005)

    async def reply(self, chat: int, nth: int, within: float = 120.0) -> float:
        """Wait for the `nth` reply (from 0) to `chat`; when its call was answered."""
        deadline = time.monotonic() + within
        while True:
            self.scan()
            replies = self.replies.get(chat, [])
            if len(replies) > nth:
                return replies[nth]
            if time.monotonic() > deadline:
                raise TimeoutError(f"no reply number {nth + 1} to {chat} within {within:.0f} s")
            await asyncio.sleep(0.001)


class BotProcess:
    """A bot started as its own process; see `running`."""

    def __init__(self, process: asyncio.subprocess.Process, metrics_port: int | None) -> None:
        self.process = process
        self.metrics_port = metrics_port
        self.ready_seconds = 0.0  # from spawning to polling (and /readyz 200 when it has one)

    def cpu_seconds(self) -> float:
        """User + system CPU the bot's process has used so far (from /proc/<pid>/stat)."""
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the line)
        return ticks / os.sysconf("SC_CLK_TCK")

    async def readyz(self) -> bool:
        return await self._get("/readyz") is not None

    async def metric(self, name: str) -> float | None:
        """A figure from the bot's /metrics (None: the bot doesn't export it)."""
        text = await self._get("/metrics")
        for line in (text or "").splitlines():
            if line.startswith(name) and line[len(name) : len(name) + 1] in (" ", "{"):
                return float(line.rsplit(" ", 1)[1])
        return None

    async def _get(self, path: str) -> str | None:
        if self.metrics_port is None:
            return None
        url = f"http://127.0.0.1:{self.metrics_port}{path}"
        with contextlib.suppress(aiohttp.ClientError, OSError):
            async with aiohttp.ClientSession() as http, http.get(url) as answer:
                return await answer.text() if answer.status == 200 else None
        return None


@asynccontextmanager
async def running(
    kind: Kind, world: World, folder: Path, **settings: str
) -> AsyncIterator[BotProcess]:
    """`python -m bot` (or the ceiling bot) on a database in `folder`, talking to `world`; yields
    once it is ready, stops it with SIGTERM after."""
    port = _free_port() if kind == "postpact" else None
    env = _environment(world, folder, port, settings)
    mark = len(world.server.calls)
    started = time.monotonic()
    log = (folder / f"{kind}.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", MODULES[kind], cwd=folder, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
    )  # fmt: skip
    bot = BotProcess(process, port)
    try:
        await _ready(bot, world, mark, folder / f"{kind}.log")
        bot.ready_seconds = time.monotonic() - started
        yield bot
    finally:
        await _stop(process)
        log.close()


async def _ready(bot: BotProcess, world: World, mark: int, log: Path) -> None:
    deadline = time.monotonic() + 120
    while not world.server.calls_to("getUpdates", mark) or (
        bot.metrics_port is not None and not await bot.readyz()
    ):
        if bot.process.returncode is not None or time.monotonic() > deadline:
            raise _did_not_start(log)
        await asyncio.sleep(0.02)


def _did_not_start(log: Path) -> RuntimeError:
    return RuntimeError(f"the bot did not start:\n{log.read_text()[-2000:]}")


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()


def _environment(
    world: World, folder: Path, port: int | None, settings: dict[str, str]
) -> dict[str, str]:
    """The parent's environment without any Postpact setting, then the bot's own: what the
    benchmark doesn't set is the bot's default (the child runs in `folder`: no .env is read)."""
    known = {name.upper() for name in Settings.model_fields}
    env = {k: v for k, v in os.environ.items() if k.upper() not in known}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env |= {
        "BOT_TOKEN": TOKEN,
        "BOT_API_BASE_URL": world.server.base_url,
        "DATABASE_PATH": str(folder / "postpact.sqlite3"),
        "LOG_LEVEL": "WARNING",
    }
    if port is not None:
        env["METRICS_PORT"] = str(port)
    return env | NO_USER_LIMITS | settings


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def machine() -> str:
    """The date and the machine, as the README's Performance table quotes them."""
    model = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    today = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{today} · {model}, {os.cpu_count()} cores · Python {platform.python_version()}"
        f" · {platform.system()} {platform.release()}"
    )
