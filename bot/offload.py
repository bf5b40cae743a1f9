"""Heavy work in a worker process: /insights, the charts and /export over a whole history.

A thread is not enough. With 100k posts, reading, mapping, computing and rendering take about a
second of pure Python, and a worker thread shares Python's global lock with the event loop: every
time another user's `/today` wakes the loop (a database answer, a Bot API answer) it waits for
the lock, and its reply took up to 0.7 s (`bench.heavy`). A process has its own lock, and the
second core. The job reads the database itself, on a read-only connection of its own (WAL lets it
read while the bot writes), so no history is copied between processes: in go a few plain values,
out comes the text or the file.

A job is a module-level `async def job(store, *args)` (a process can only be handed what pickles:
functions by name, plain values). Errors a user should see are decided where the job's result
comes back, not inside it: an `InputError` raised in the worker would lose its parameters.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from bot.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[..., Awaitable[T]]

# One worker: heavy requests are rare, and the event loop keeps the other core.
_pool: ProcessPoolExecutor | None = None


def _workers() -> ProcessPoolExecutor:
    """Started on first use, so a bot nobody asks for insights never starts it. "spawn": the bot
    runs threads (SQLite's, the executor's), and a forked copy of a threaded process can hang."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


async def in_worker(database: Path, job: Job[T], *args: Any) -> T:
    """Run `job(store, *args)` in the worker process, on its own read-only view of `database`."""
    global _pool
    loop = asyncio.get_running_loop()
    try:
        result: T = await loop.run_in_executor(_workers(), _run, database, job, args)
    except BrokenProcessPool:
        # The worker died (killed, out of memory): the next job starts a new one.
        log.warning("the worker process for heavy jobs died: starting another on next use")
        _pool = None
        raise
    return result


def _run(database: Path, job: Job[T], args: tuple[Any, ...]) -> T:
    return asyncio.run(_with_store(database, job, args))


async def _with_store(database: Path, job: Job[T], args: tuple[Any, ...]) -> T:
    store = await Store.open_reader(database)
    try:
        return await job(store, *args)
    finally:
        await store.close()
