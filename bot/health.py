"""The operator's small HTTP port (METRICS_PORT): /healthz, /readyz and /metrics.

- /healthz: liveness. The event loop answered, so the process is not wedged: 200 "ok".
- /readyz: readiness. 200 only when the database answers `SELECT 1` in time, the Bot API was
  reached in the last minute (any successful call, getUpdates included; when the last one is
  older, one getMe is tried now, so a bot on webhooks or an idle clock is not called dead), and
  every sweep ran on time. Otherwise 503 with a JSON body naming what failed.
- /metrics: the bot's own registry in Prometheus' text format (see `bot.metrics`).

Off unless METRICS_PORT is set: no port is opened by default. aiohttp.web, the same server the fake
Bot API uses: no second web framework.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.clock import Clock
from bot.metrics import Metrics
from bot.store import Store
from bot.sweeps import Sweeps

log = logging.getLogger(__name__)

# The Bot API counts as reachable when a call succeeded this recently (long polls end every 25 s).
BOT_API_FRESH = timedelta(seconds=60)
DATABASE_TIMEOUT = 2.0  # seconds for SELECT 1: more means the database is stuck or locked
PROBE_TIMEOUT = 5.0  # seconds for the getMe tried when the last success is stale


@dataclass(frozen=True)
class HealthParts:
    metrics: Metrics
    store: Store
    sweeps: Sweeps
    clock: Clock
    probe_bot_api: Callable[[], Awaitable[object]]  # getMe
    database_timeout: float = DATABASE_TIMEOUT


class Health:
    def __init__(self, parts: HealthParts) -> None:
        self._parts = parts

    def routes(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/readyz", self.readyz)
        app.router.add_get("/metrics", self.metrics)
        return app

    async def healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    async def readyz(self, request: web.Request) -> web.Response:
        failed = []
        if not await self._database_answers():
            failed.append("database")
        if not await self._bot_api_reached():
            failed.append("bot_api")
        late = self._parts.sweeps.late()
        if late:
            failed.append("sweeps")
        body = {"ready": not failed, "failed": failed, "late_sweeps": late}
        return web.json_response(body, status=503 if failed else 200, dumps=json.dumps)

    async def metrics(self, request: web.Request) -> web.Response:
        parts = self._parts
        try:
            activity = await asyncio.wait_for(
                parts.store.activity.on(parts.clock.now().date()), parts.database_timeout
            )
        except Exception as error:  # the counts go stale; the rest is still worth scraping
            log.warning("metrics: the database did not answer (%s)", error)
        else:
            parts.metrics.refresh(activity, parts.sweeps.lags())
        return web.Response(
            body=parts.metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def _database_answers(self) -> bool:
        try:
            return await asyncio.wait_for(
                self._parts.store.activity.answers(), self._parts.database_timeout
            )
        except Exception as error:
            log.warning("readiness: the database did not answer (%s)", error or type(error))
            return False

    async def _bot_api_reached(self) -> bool:
        if self._fresh():
            return True
        try:
            await asyncio.wait_for(self._parts.probe_bot_api(), PROBE_TIMEOUT)
        except Exception as error:  # never the URL: it holds the token
            log.warning("readiness: the Bot API is out of reach (%s)", type(error).__name__)
            return False
        return self._fresh()

    def _fresh(self) -> bool:
        reached = self._parts.metrics.bot_api_reached_at
        return reached is not None and self._parts.clock.now() - reached <= BOT_API_FRESH


@asynccontextmanager
async def serving_health(
    parts: HealthParts, listen: str, port: int | None
) -> AsyncIterator[Health | None]:
    """Serve the three endpoints while the bot runs; nothing at all when `port` is None."""
    if port is None:
        yield None
        return
    health = Health(parts)
    runner = web.AppRunner(health.routes(), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, listen, port).start()
        log.info("health and metrics on http://%s:%d", listen, port)
        yield health
    finally:
        await runner.cleanup()
