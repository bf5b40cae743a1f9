"""The operator's port: /healthz, /readyz and /metrics over real HTTP on 127.0.0.1, served by the
real bot against the fake Bot API; and the JSON log format."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import socket
import sys
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.clock import ControllableClock
from bot.config import Settings
from bot.fakeapi import Session
from bot.fakeapi.server import FakeBotApi
from bot.logs import REDACTED, formatter_for
from bot.metrics import Metrics
from bot.store.activity import Activity
from bot.sweeps import Sweeps
from tests.conftest import FAKE_TOKEN, START
from tests.helpers import environment, set_up, stopped, to, utc
from tests.test_main import polling


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
async def watched(tmp_path: Path, clock: ControllableClock, port: int) -> AsyncIterator[Session]:
    async with Session(tmp_path, clock, user_limits={"metrics_port": port}) as running:
        yield running


async def get(port: int, path: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{port}{path}") as answer,
    ):
        return answer.status, await answer.text()


async def get_once_up(port: int, path: str) -> tuple[int, str]:
    """`get`, after the port opens: a started bot polls first and opens its health port after
    its schedule is running, a moment later (on a loaded CI machine, longer)."""
    for _ in range(100):
        try:
            return await get(port, path)
        except aiohttp.ClientConnectorError:
            await asyncio.sleep(0.1)
    return await get(port, path)


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a /metrics page: (name, sorted labels) → value."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_the_liveness_check_answers_ok(watched: Session, port: int) -> None:
    assert await get(port, "/healthz") == (200, "ok")


async def test_a_healthy_bot_is_ready(watched: Session, port: int) -> None:
    status, body = await get(port, "/readyz")
    assert status == 200
    assert json.loads(body)["failed"] == []


async def test_the_bot_api_out_of_reach_for_a_minute_is_not_ready(
    watched: Session, port: int
) -> None:
    await watched.server.refuse_connections(10)
    watched.clock.advance(timedelta(seconds=61))
    status, body = await get(port, "/readyz")
    assert status == 503
    assert json.loads(body)["failed"] == ["bot_api"]
    await watched.server.reachable()
    assert (await get(port, "/readyz"))[0] == 200  # one getMe proves it is back


async def test_an_idle_minute_with_the_bot_api_reachable_stays_ready(
    watched: Session, port: int
) -> None:
    watched.clock.advance(timedelta(minutes=5))  # no call finished on this clock since
    assert (await get(port, "/readyz"))[0] == 200


async def test_a_database_that_does_not_answer_is_not_ready(watched: Session, port: int) -> None:
    async with watched.bot.services.store.db.reading():  # stuck: nobody else gets the connection
        status, body = await get(port, "/readyz")
    assert status == 503
    assert json.loads(body)["failed"] == ["database"]


async def test_a_post_shows_in_the_metrics(watched: Session, port: int) -> None:
    maya = watched.person("Maya")
    await watched.send(maya, "/post tiktok https://tiktok.com/@maya/video/1")
    await watched.send(maya, "/nosuchcommand")
    status, text = await get(port, "/metrics")
    assert status == 200
    got = samples(text)
    assert got[("postpact_updates_total", (("command", "post"), ("kind", "command")))] == 1
    assert got[("postpact_updates_total", (("command", "other"), ("kind", "command")))] == 1
    assert got[("postpact_messages_total", (("kind", "reply"), ("outcome", "sent")))] >= 2
    assert got[("postpact_update_seconds_count", (("kind", "command"),))] == 2
    assert got[("postpact_active_users_today", ())] == 1
    assert got[("postpact_outbound_queue_depth", ())] == 0
    assert got[("postpact_database_bytes", ())] > 0
    assert ("postpact_sweep_lag_seconds", (("sweep", "handled_updates"),)) in got


async def test_work_that_holds_the_event_loop_shows_as_a_stall(watched: Session, port: int) -> None:
    await asyncio.sleep(0.2)  # the watch ticks a few times
    _, before = await get(port, "/metrics")
    assert samples(before)[("postpact_event_loop_longest_stall_seconds", ())] < 0.2
    time.sleep(0.3)  # noqa: ASYNC251 -- the point: everything on the loop waits for this
    await asyncio.sleep(0.1)
    _, after = await get(port, "/metrics")
    got = samples(after)
    assert 0.25 <= got[("postpact_event_loop_longest_stall_seconds", ())] < 1.0
    assert (
        got[("postpact_event_loop_stall_seconds_bucket", (("le", "0.25"),))]
        < got[("postpact_event_loop_stall_seconds_count", ())]
    )


async def test_a_429_is_counted_with_its_wait(watched: Session, port: int) -> None:
    maya = watched.person("Maya")
    watched.server.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    reply = await watched.send(maya, "/today")
    assert reply.messages  # waited out, then sent
    got = samples((await get(port, "/metrics"))[1])
    assert got[("postpact_flood_waits_total", (("source", "reply"),))] == 1
    assert got[("postpact_retry_after_seconds_total", (("source", "reply"),))] == 1


async def test_a_nudge_is_counted_by_its_kind_and_a_queue_429_by_its_source(
    watched: Session, port: int
) -> None:
    maya = watched.person("Maya")
    await set_up(watched, maya, "UTC", "20:00")
    watched.server.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    assert len(to(maya, await watched.at(utc(2026, 3, 2, 20, 0)))) == 1
    got = samples((await get(port, "/metrics"))[1])
    assert got[("postpact_messages_total", (("kind", "nudge"), ("outcome", "sent")))] == 1
    assert got[("postpact_flood_waits_total", (("source", "queue"),))] == 1
    assert got[("postpact_retry_after_seconds_total", (("source", "queue"),))] == 1
    assert got[("postpact_outbound_queue_depth", ())] == 0
    assert got[("postpact_sweep_seconds_count", (("sweep", "nudges"),))] >= 1


async def test_a_reply_whose_answer_was_lost_counts_as_unknown_and_a_refused_one_as_failed(
    watched: Session, port: int
) -> None:
    maya = watched.person("Maya")
    watched.server.fail("sendMessage", 502, "Bad Gateway", after_work=True)
    await watched.send(maya, "/today")
    watched.server.fail("sendMessage", 400, "Bad Request: chat not found")
    await watched.send(maya, "/today")
    got = samples((await get(port, "/metrics"))[1])
    assert got[("postpact_messages_total", (("kind", "reply"), ("outcome", "unknown")))] == 1
    assert got[("postpact_messages_total", (("kind", "reply"), ("outcome", "failed")))] >= 1


async def test_no_port_is_opened_by_default(session: Session) -> None:
    assert session.settings().metrics_port is None
    assert session.bot.health is None
    assert session.bot.metrics.registry is not None  # still counted, just not served


def test_two_bots_count_separately(tmp_path: Path) -> None:
    one, two = (Metrics(ControllableClock(START), tmp_path / "db") for _ in range(2))
    one.sent("reply", "sent")
    reply_sent = ("postpact_messages_total", (("kind", "reply"), ("outcome", "sent")))
    assert samples(one.exposition().decode())[reply_sent] == 1
    assert reply_sent not in samples(two.exposition().decode())


def test_a_sweep_three_intervals_late_is_named(tmp_path: Path) -> None:
    wall = ControllableClock(START)
    sweeps = Sweeps({"nudges": lambda: _nothing()}, interval=30, wall=wall)
    wall.advance(timedelta(seconds=89))
    assert sweeps.late() == []
    wall.advance(timedelta(seconds=2))
    assert sweeps.late() == ["nudges"]
    assert sweeps.lags()["nudges"] == 61


async def _nothing() -> int:
    return 0


@pytest.mark.parametrize(
    ("value", "valid"), [("", None), ("9090", 9090), ("0", False), ("65536", False), ("x", False)]
)
def test_the_metrics_port_is_a_port_or_unset(value: str, valid: int | bool | None) -> None:
    def make() -> Settings:
        return Settings(
            bot_token=FAKE_TOKEN,  # type: ignore[arg-type]
            metrics_port=value,  # type: ignore[arg-type]
            _env_file=None,  # type: ignore[call-arg]
        )

    if valid is False:
        with pytest.raises(ValueError, match="metrics_port"):
            make()
    else:
        assert make().metrics_port == valid


def test_a_json_log_line_never_holds_the_token() -> None:
    formatter = formatter_for("json", [FAKE_TOKEN])
    try:
        raise RuntimeError(f"https://api.telegram.org/bot{FAKE_TOKEN}/getMe failed")
    except RuntimeError:
        record = logging.LogRecord(
            "telegram.ext", logging.ERROR, __file__, 1, "calling %s", (FAKE_TOKEN,), sys.exc_info()
        )
    line = formatter.format(record)
    assert FAKE_TOKEN not in line
    assert "\n" not in line
    event = json.loads(line)
    assert event["level"] == "ERROR"
    assert event["logger"] == "telegram.ext"
    assert event["message"] == f"calling {REDACTED}"
    assert "RuntimeError" in event["exc"]
    assert REDACTED in event["exc"]
    assert event["time"].startswith("20")


def test_the_text_log_format_is_the_default() -> None:
    settings = Settings(bot_token=FAKE_TOKEN, _env_file=None)  # type: ignore[arg-type, call-arg]
    assert settings.log_format == "text"
    assert settings.metrics_listen == "127.0.0.1"


ROOT = Path(__file__).resolve().parent.parent


async def test_the_image_health_check_passes_against_a_running_bot(
    watched: Session, port: int
) -> None:
    check = healthcheck_command()
    assert await run_check(check, port) == 0
    assert await run_check(check, free_port()) != 0  # nothing listens there: unhealthy


def healthcheck_command() -> list[str]:
    """The Dockerfile's HEALTHCHECK, as the image runs it."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    match = re.search(r"^HEALTHCHECK .*?CMD (\[.*\])$", text, re.MULTILINE)
    assert match is not None
    command: list[str] = json.loads(match[1])
    assert command[0] == "python"
    return [sys.executable, *command[1:]]


async def run_check(command: list[str], port: int) -> int:
    process = await asyncio.create_subprocess_exec(
        *command, env={"METRICS_PORT": str(port)}, stderr=asyncio.subprocess.DEVNULL
    )
    return await asyncio.wait_for(process.wait(), 30)


def test_the_sample_dashboard_charts_only_metrics_the_bot_has(tmp_path: Path) -> None:
    metrics = Metrics(ControllableClock(START), tmp_path / "db")
    with metrics.handling(object()):
        metrics.sent("reply", "sent")
    metrics.flooded("queue", 1)
    metrics.swept("nudges", 0.1)
    metrics.refresh(Activity(0, 0, 0), {"nudges": 0.0})
    exposed = {name for (name, _) in samples(metrics.exposition().decode())}
    dashboard = json.loads((ROOT / "deploy" / "grafana-dashboard.json").read_text("utf-8"))
    charted = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"postpact_[a-z_]+", target["expr"])
    }
    assert charted <= exposed, charted - exposed
    assert len(dashboard["panels"]) >= 8


async def test_a_real_run_with_json_logs_and_the_port_serves_and_never_logs_the_token(
    tmp_path: Path, fake_api: FakeBotApi, port: int
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot",
        cwd=tmp_path,
        env=environment(
            BOT_TOKEN=FAKE_TOKEN, BOT_API_BASE_URL=fake_api.base_url,
            DATABASE_PATH=str(tmp_path / "postpact.sqlite3"), LOG_LEVEL="debug",
            LOG_FORMAT="json", METRICS_PORT=str(port),
        ),
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        await polling(fake_api)
        assert await get_once_up(port, "/healthz") == (200, "ok")
        assert (await get(port, "/readyz"))[0] == 200
    finally:
        stderr = await stopped(process)
    assert process.returncode == 0
    assert FAKE_TOKEN not in stderr
    events = [json.loads(line) for line in stderr.splitlines()]
    assert any(e["message"].startswith("health and metrics on") for e in events)
    assert {"time", "level", "logger", "message"} <= set(events[0])
