"""Long polling that never loses a fetched update: each batch is kept in the inbox before Telegram
is told it arrived.

PTB's own updater confirms a batch (the next `getUpdates` names an offset past it) as soon as it
has queued it, before anything is handled: a crash in the middle of a burst lost every update
fetched and not yet handled, and Telegram had forgotten them. Here a batch is written to the
inbox (`bot.store.inbox`, one trip) before the next `getUpdates` confirms it, and let go of once
handled; the next start handles what a crash left there, and `bot.ordering.Once` keeps anything
from being handled twice. Confirming at once, as PTB does, keeps the pipeline full: confirming
only what was handled (the offset held at the oldest update in hand) capped the bot at the 100
updates one `getUpdates` can hand out, and cost a fifth of its check-ins per second.

What Telegram held when the bot started (the backlog: what users sent while it was down) comes
first: it is fetched without a long poll, and `caught_up` tells the start-up when all of it is
handled, so that the bot sends nothing on its own before (a user who posted while the bot was
down is not nudged for it after the restart). The start waits for it within a bound, and a stop
signal ends the wait (`bot.app._serving`).

Each update goes through the application's update processor, as a webhook update does: each
user's updates in order, each handled once. Errors of `getUpdates` (network, 5xx, 409, 429) go
through PTB's own retry loop, with its back-off and its log lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

# PTB's updater retries with this loop; using it keeps its back-off and log lines, as before.
from telegram.ext._utils.networkloop import network_retry_loop

from bot.store.inbox import Inbox

log = logging.getLogger(__name__)

BATCH = 100  # the most getUpdates hands out at once
# Updates in hand at most: beyond, fetching waits for some to finish (memory stays bounded).
MAX_IN_HAND = 1_000
STOP_SEEN_SECONDS = 0.5  # how soon PTB's retry loop notices a stop when it isn't sleeping

BotApp = Application[Any, Any, Any, Any, Any, Any]


class Poller:
    """Fetches updates, keeps each batch in the inbox, hands each update to the processor."""

    def __init__(self, application: BotApp, poll_timeout: int, inbox: Inbox) -> None:
        self.application = application
        self.poll_timeout = poll_timeout
        self._inbox = inbox
        self._in_hand: dict[int, asyncio.Task[None]] = {}
        self._handled: list[int] = []  # handled since the inbox was last told
        self._highest: int | None = None  # the highest update id kept
        self._finished = asyncio.Event()  # set whenever an update in hand finishes
        self._stopping = asyncio.Event()
        self._fetching: asyncio.Task[None] | None = None
        self._backlog_end: int | None = None  # the last update of the backlog, once fetched whole
        self._caught_up = asyncio.Event()

    @property
    def offset(self) -> int | None:
        """What the next getUpdates confirms up to: everything kept."""
        return None if self._highest is None else self._highest + 1

    async def start(self) -> None:
        """Handle what the last run left in the inbox, then remove a webhook an earlier run left
        (else Telegram refuses getUpdates), keeping the updates Telegram holds: they were sent to
        us and are owed an answer. Then fetch."""
        for body in await self._inbox.waiting():
            data = json.loads(body)
            self._highest = data["update_id"]  # oldest first: Telegram is told at the next fetch
            self._take(data)
        if self._in_hand:
            log.info("handling %d update(s) the last run fetched and left", len(self._in_hand))
        await network_retry_loop(
            action_cb=self._remove_webhook,
            description="Bootstrap delete Webhook",
            interval=1,
            max_retries=0,
        )
        self._fetching = asyncio.create_task(
            network_retry_loop(
                is_running=lambda: not self._stopping.is_set(),
                action_cb=self._poll,
                on_err_cb=_polling_failed,
                description="Polling Updates",
                interval=0,
                stop_event=self._stopping,
                max_retries=-1,
                repeat_on_success=True,
            ),
            name="polling",
        )

    async def caught_up(self, within: float, stopping: asyncio.Event | None = None) -> None:
        """Return once the backlog is handled, after `within` seconds (a huge backlog must not
        hold the schedule up for long: it goes on being handled), or as soon as `stopping` is
        set (a stop asked for during the start is not kept waiting)."""
        waits = [asyncio.create_task(self._caught_up.wait())]
        if stopping is not None:
            waits.append(asyncio.create_task(stopping.wait()))
        _, pending = await asyncio.wait(waits, timeout=within, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()

    async def stop(self, grace: float) -> None:
        """Stop fetching at once (a long poll in progress is abandoned unread: nothing in it was
        kept or confirmed), let the updates in hand finish within `grace` seconds, let go of
        them in the inbox, and confirm the last batch so the next start doesn't fetch it again.
        What is still unhandled by then stays in the inbox: the next start handles it."""
        self._stopping.set()
        if self._fetching is not None:
            await _abandoned(self._fetching)
            self._fetching = None
        await self._let_finish(grace)
        try:
            await self._inbox.keep((), self._handled)
        except sqlite3.Error as error:  # they are handled: the next start skips them
            log.warning("could not clear the handled updates from the inbox: %s", error)
        if self._highest is None:
            return
        try:
            await self.application.bot.get_updates(
                offset=self.offset, timeout=0, allowed_updates=Update.ALL_TYPES, limit=1
            )
        except TelegramError as error:
            log.warning(
                "could not confirm the last updates (%s): the next start gets them again"
                " and skips them",
                error,
            )

    async def _let_finish(self, grace: float) -> None:
        tasks = list(self._in_hand.values())
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=grace)
        if late:
            log.warning(
                "%d updates were still being handled after %.0f s: kept for the next start",
                len(late),
                grace,
            )
            for task in late:
                task.cancel()
            await asyncio.wait(late)

    async def _remove_webhook(self) -> None:
        await self.application.bot.delete_webhook(drop_pending_updates=False)

    async def _poll(self) -> None:
        """One getUpdates (confirming the batch before it); keep the new updates, then start
        each. Without the backlog there is no waiting for news (a long poll)."""
        while len(self._in_hand) >= MAX_IN_HAND:
            self._finished.clear()
            await self._finished.wait()
        backlog = self._backlog_end is None
        params = {
            "offset": self.offset,
            "timeout": 0 if backlog else self.poll_timeout,
            "limit": BATCH,
            "allowed_updates": Update.ALL_TYPES,
        }
        answer = await self.application.bot._post("getUpdates", params)
        arrived = [u for u in answer if self._highest is None or u["update_id"] > self._highest]
        for data in arrived:  # handled at once: only the next confirmation waits for the inbox
            self._take(data)
        await self._keep(arrived)
        if arrived:
            self._highest = arrived[-1]["update_id"]
        if backlog and len(answer) < BATCH:  # Telegram handed out all it held
            self._backlog_end = -1 if self._highest is None else self._highest
        self._check_caught_up()

    async def _keep(self, arrived: list[dict[str, Any]]) -> None:
        """Keep what arrived (and let go of what was handled) before the next getUpdates
        confirms it. A database that refuses writes (locked by another process, read-only,
        full) refuses the updates' own writes too, and each user is told so: the batch is
        confirmed all the same, only without the inbox's protection from a crash, rather than
        fetched again and again while new updates wait behind it."""
        handled, self._handled = self._handled, []
        rows = [(u["update_id"], json.dumps(u)) for u in arrived]
        try:
            await self._inbox.keep(rows, handled)
        except sqlite3.Error as error:
            self._handled = handled + self._handled
            log.warning("could not keep fetched updates in the inbox (%s)", error)

    def _take(self, data: dict[str, Any]) -> None:
        update_id = data["update_id"]
        if update_id in self._in_hand:
            return
        try:
            update = Update.de_json(data, self.application.bot)
        except Exception:  # as PTB's updater: said loudly, and not fetched forever
            log.critical("update %d could not be read: skipped", update_id)
            self._handled.append(update_id)
            return
        processor = self.application.update_processor
        work = processor.process_update(update, self.application.process_update(update))
        self._in_hand[update_id] = asyncio.create_task(self._handle(update_id, work), name="update")

    async def _handle(self, update_id: int, work: Any) -> None:
        """A cancelled update (the stop's grace ran out) stays in the inbox."""
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:  # outside any handler (the error handler sees those): a resend fails too
            log.exception("update %d could not be handled", update_id)
        del self._in_hand[update_id]
        self._handled.append(update_id)
        self._finished.set()
        self._check_caught_up()

    def _check_caught_up(self) -> None:
        end = self._backlog_end
        if end is None or self._caught_up.is_set():
            return
        if not self._in_hand or min(self._in_hand) > end:
            self._caught_up.set()


async def _abandoned(fetching: asyncio.Task[None]) -> None:
    """PTB's loop drops a getUpdates in progress as soon as it sees the stop; one sleeping off an
    error (up to 30 s) has nothing in progress and is cancelled."""
    done, _ = await asyncio.wait({fetching}, timeout=STOP_SEEN_SECONDS)
    if not done:
        fetching.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await fetching


def _polling_failed(error: TelegramError) -> None:
    """As PTB's updater says it: the loop retries after a back-off (the token is not in it)."""
    log.error("Exception happened while polling for updates.", exc_info=error)
