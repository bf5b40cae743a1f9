"""The scheduler: a few sweep jobs that ask the store what is due, never one job per user.

APScheduler's `AsyncIOScheduler` runs each sweep on an interval. Its defaults would bite here: a
one-second misfire grace means a short event-loop stall skips a run, so the grace is a minute, runs
that piled up coalesce into one, and a missed run is logged. A sweep that finds nothing costs one
indexed query.

The scheduler keeps real time (it decides when to look); the sweeps read the injectable clock (it
decides what is due). Tests and the sandbox move the clock and call `run_now()`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock, SystemClock

log = logging.getLogger(__name__)

Sweep = Callable[[], Awaitable[int]]  # returns how many messages it queued

MISFIRE_GRACE_SECONDS = 60


class Sweeps:
    def __init__(
        self, sweeps: Mapping[str, Sweep], interval: float, wall: Clock | None = None
    ) -> None:
        self._sweeps = dict(sweeps)
        self._interval = interval
        self._wall = wall or SystemClock()
        self._scheduler = AsyncIOScheduler(timezone="UTC")
        self._asked = 0  # run_now() calls so far
        self._served: dict[str, int] = dict.fromkeys(self._sweeps, 0)
        self._running: dict[str, bool] = dict.fromkeys(self._sweeps, False)
        self._progress = asyncio.Condition()

    def start(self) -> None:
        for name in self._sweeps:
            self._scheduler.add_job(
                self._run,
                "interval",
                args=(name,),
                id=name,
                name=f"sweep {name}",
                seconds=self._interval,
                next_run_time=self._wall.now(),
                misfire_grace_time=MISFIRE_GRACE_SECONDS,
                coalesce=True,
                max_instances=1,
            )
        self._scheduler.add_listener(self._missed, EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        self._scheduler.start()

    def stop(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    async def run_now(self, within: float = 30.0) -> None:
        """Run every sweep once more, now, through the scheduler; return when each has finished a
        run that started after this call."""
        async with self._progress:
            await asyncio.wait_for(
                self._progress.wait_for(lambda: not any(self._running.values())), within
            )
            self._asked += 1
            wanted = self._asked
        for name in self._sweeps:
            self._scheduler.modify_job(name, next_run_time=self._wall.now())
        async with self._progress:
            await asyncio.wait_for(
                self._progress.wait_for(lambda: min(self._served.values()) >= wanted), within
            )

    async def _run(self, name: str) -> None:
        async with self._progress:
            self._running[name] = True
            asked = self._asked
        try:
            queued = await self._sweeps[name]()
            if queued:
                log.info("sweep %s queued %d message(s)", name, queued)
        except Exception:
            log.exception("sweep %s failed; it runs again in %s s", name, self._interval)
        finally:
            async with self._progress:
                self._running[name] = False
                self._served[name] = max(self._served[name], asked)
                self._progress.notify_all()

    def _missed(self, event: JobExecutionEvent) -> None:
        late = self._wall.now() - event.scheduled_run_time
        log.warning(
            "sweep %s did not run at %s (%s late): the next run catches up",
            event.job_id,
            event.scheduled_run_time,
            late if isinstance(late, timedelta) else "?",
        )
