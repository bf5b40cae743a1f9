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
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, JobEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock, SystemClock

if TYPE_CHECKING:
    from bot.metrics import Metrics

log = logging.getLogger(__name__)

Sweep = Callable[[], Awaitable[int]]  # returns how many messages it queued

MISFIRE_GRACE_SECONDS = 60
# At a stop, a running sweep has this long to finish its batch, then this long more once told to
# stop at its next item (see `Sweeps.stop`).
STOP_GRACE_SECONDS = 5.0
CUT_GRACE_SECONDS = 2.0
# A sweep whose last run started longer ago than this many intervals is late (readiness).
LATE_AFTER_INTERVALS = 3


class Sweeps:
    def __init__(
        self,
        sweeps: Mapping[str, Sweep],
        interval: float,
        wall: Clock | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self._sweeps = dict(sweeps)
        self._interval = interval
        self._wall = wall or SystemClock()
        self._metrics = metrics
        # When each sweep last started, in the scheduler's (real) time; the start counts as one.
        self._ticks: dict[str, datetime] = dict.fromkeys(self._sweeps, self._wall.now())
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

    def pause(self) -> None:
        """No new runs from now on (the runs going on carry on): the first step of a stop."""
        if self._scheduler.running:
            self._scheduler.pause()

    async def stop(
        self,
        grace: float = STOP_GRACE_SECONDS,
        cut_short: Callable[[], None] | None = None,
        cut_grace: float = CUT_GRACE_SECONDS,
    ) -> None:
        """No new runs; a sweep already running finishes its batch, within `grace`. Claims are
        transactional, so nothing is half-done either way: what a finished run claimed and
        could not send stays pending, and the next start sends it.

        Past the grace, `cut_short` asks the sweeps to stop at their next item (the outbox's
        closing); only a sweep still stuck after `cut_grace` more is cancelled, by the
        scheduler's shutdown (its asyncio executor cancels the runs still going), so it comes
        last. Bounded: a deploy's stop timeout (10 s by default in Docker) must not run out
        on a sweep, or the SIGKILL after it would cut everything at once."""
        if not self._scheduler.running:
            return
        self.pause()
        await asyncio.sleep(0)  # a run just handed to the loop starts (and says it is running)
        if not await self._finished(grace) and cut_short is not None:
            log.info("a sweep is taking long to finish: stopping it at its next item")
            cut_short()
            await self._finished(cut_grace)
        if any(self._running.values()):
            log.warning("a sweep was still running at shutdown: it is cancelled")
        self._scheduler.shutdown(wait=False)

    async def _finished(self, within: float) -> bool:
        """Wait up to `within` seconds for the running sweeps to finish; True when they did."""
        async with self._progress:
            try:
                await asyncio.wait_for(
                    self._progress.wait_for(lambda: not any(self._running.values())), within
                )
            except TimeoutError:
                return False
        return True

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

    def lags(self) -> dict[str, float]:
        """Seconds each sweep's next run is past due (0 when on time), in real time."""
        now = self._wall.now()
        return {
            name: max(0.0, (now - tick).total_seconds() - self._interval)
            for name, tick in self._ticks.items()
        }

    def late(self) -> list[str]:
        """The sweeps whose last run started more than LATE_AFTER_INTERVALS intervals ago: the
        scheduler stalled, or a run is stuck."""
        limit = self._interval * (LATE_AFTER_INTERVALS - 1)
        return sorted(name for name, lag in self.lags().items() if lag > limit)

    async def _run(self, name: str) -> None:
        async with self._progress:
            self._running[name] = True
            asked = self._asked
        self._ticks[name] = self._wall.now()
        started = time.perf_counter()
        try:
            queued = await self._sweeps[name]()
            if queued:
                log.info("sweep %s queued %d message(s)", name, queued)
        except Exception:
            log.exception("sweep %s failed; it runs again in %s s", name, self._interval)
        except asyncio.CancelledError:
            # Only shutdown cancels a sweep (past its grace): one line, not a traceback.
            log.warning("sweep %s was cut short by shutdown", name)
        finally:
            if self._metrics is not None:
                self._metrics.swept(name, time.perf_counter() - started)
            async with self._progress:
                self._running[name] = False
                self._served[name] = max(self._served[name], asked)
                self._progress.notify_all()

    def _missed(self, event: JobEvent) -> None:
        # EVENT_JOB_MISSED carries one run time, EVENT_JOB_MAX_INSTANCES a list of them.
        times = getattr(event, "scheduled_run_times", None) or [
            getattr(event, "scheduled_run_time", None)
        ]
        log.warning(
            "sweep %s skipped a run due at %s (still running, or the loop stalled): "
            "the next run catches up",
            event.job_id,
            ", ".join(str(t) for t in times),
        )
