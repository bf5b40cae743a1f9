"""Long polling that confirms an update only once it was handled.

PTB's own updater confirms a batch (the next `getUpdates` names an offset past it) as soon as it
has queued it, before anything is handled: a crash in the middle of a burst loses every update
fetched and not yet handled, and Telegram has forgotten them. Here the offset is the lowest update
still being handled (or one past the highest fetched when none is), so what a crash cuts off comes
back after the restart, and `bot.ordering.Once` keeps it from being handled twice.

Telegram then hands back the updates still in hand with every batch: they are skipped. A batch
that brought nothing new waits until one of them finishes (or a tenth of a second, so one slow
update doesn't hold up everyone else's) before asking again, so nothing spins; and while the next
batch would be mostly updates already in hand, it waits for room.
Each update goes through the application's update processor, as a webhook update does: each
user's updates in order, each handled once.

What Telegram held when the bot started (the backlog: what users sent while it was down) comes
first: it is fetched without a long poll, and `caught_up` tells the start-up when all of it is
handled, so that the bot sends nothing on its own before (a user who posted while the bot was
down is not nudged for it after the restart). The start waits for it within a bound, and a stop
signal ends the wait (`bot.app._serving`).

Errors of `getUpdates` (network, 5xx, 409, 429) go through PTB's own retry loop, with its back-off
and its log lines. What does not live here: the webhook (`bot.inbound`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

# PTB's updater retries with this loop; using it keeps its back-off and log lines, as before.
from telegram.ext._utils.networkloop import network_retry_loop

log = logging.getLogger(__name__)

BATCH = 100  # the most getUpdates hands out at once
# A batch is 100 updates parsed; one that brings only a few new ones costs more than it brings.
ROOM_WORTH_ASKING = 25
# With room in the batch and nothing new, ask again when one in hand finishes, or after this long
# (Telegram answers at once while we hold updates, so there is no long poll to wait on).
HELD_RECHECK_SECONDS = 0.1
STOP_SEEN_SECONDS = 0.5  # how soon PTB's retry loop notices a stop when it isn't sleeping

BotApp = Application[Any, Any, Any, Any, Any, Any]


class Poller:
    """Fetches updates, hands each new one to the update processor, confirms what was handled."""

    def __init__(self, application: BotApp, poll_timeout: int) -> None:
        self.application = application
        self.poll_timeout = poll_timeout
        self._in_hand: dict[int, asyncio.Task[None]] = {}
        self._highest: int | None = None  # the highest update id fetched
        self._asked_above: int | None = None  # `_highest` when the last getUpdates was sent
        self._finished = asyncio.Event()  # set whenever an update in hand finishes
        self._stopping = asyncio.Event()
        self._fetching: asyncio.Task[None] | None = None
        self._backlog_end: int | None = None  # the last update of the backlog, once fetched whole
        self._caught_up = asyncio.Event()

    @property
    def offset(self) -> int | None:
        """What the next getUpdates confirms up to: nothing still being handled."""
        if self._in_hand:
            return min(self._in_hand)
        return None if self._highest is None else self._highest + 1

    @property
    def in_hand(self) -> int:
        return len(self._in_hand)

    async def start(self) -> None:
        """Remove a webhook an earlier run left (else Telegram refuses getUpdates), keeping the
        updates Telegram holds: they were sent to us and are owed an answer."""
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
        """Stop fetching at once (a long poll in progress is abandoned unread: nothing in it is
        confirmed), let the updates in hand finish within `grace` seconds, then confirm what was
        handled so the next start doesn't fetch it again. What is still unhandled by then is
        left unconfirmed: Telegram delivers it again after the restart."""
        self._stopping.set()
        if self._fetching is not None:
            await _abandoned(self._fetching)
            self._fetching = None
        await self._let_finish(grace)
        if self._highest is None:
            return
        try:
            await self.application.bot.get_updates(
                offset=self.offset, timeout=0, allowed_updates=Update.ALL_TYPES, limit=1
            )
        except TelegramError as error:
            log.warning(
                "could not confirm the handled updates (%s): the next start gets them again"
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
                "%d updates were still being handled after %.0f s: left for Telegram to"
                " deliver again",
                len(late),
                grace,
            )
            for task in late:
                task.cancel()
            await asyncio.wait(late)

    async def _remove_webhook(self) -> None:
        await self.application.bot.delete_webhook(drop_pending_updates=False)

    async def _poll(self) -> None:
        """One getUpdates; start each new update; then wait until asking again is worth it."""
        self._finished.clear()
        for update in await self._fetch():
            self._take(update)
        self._check_caught_up()
        if self._highest == self._asked_above and self._in_hand:
            # Only what is in hand came back: asking now spins, and a slow one must not hold
            # up everyone else's news for long.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._finished.wait(), HELD_RECHECK_SECONDS)
        while self._room() < ROOM_WORTH_ASKING:
            self._finished.clear()
            await self._finished.wait()

    async def _fetch(self) -> list[Update]:
        """The new updates of one getUpdates. What Telegram hands back again is skipped before
        it is parsed (PTB's `get_updates` would parse all of it: most of a batch, in a burst)."""
        self._asked_above = self._highest
        backlog = self._backlog_end is None
        params = {
            "offset": self.offset,
            "timeout": 0 if backlog else self.poll_timeout,  # the backlog: no waiting for news
            "limit": BATCH,
            "allowed_updates": Update.ALL_TYPES,
        }
        answer = await self.application.bot._post("getUpdates", params)
        if backlog and len(answer) < BATCH:  # Telegram handed out all it held
            last = answer[-1]["update_id"] if answer else self._highest
            self._backlog_end = -1 if last is None else last
        bot = self.application.bot
        fresh = []
        for data in answer:
            if self._highest is not None and data["update_id"] <= self._highest:
                continue
            self._highest = data["update_id"]
            try:
                fresh.append(Update.de_json(data, bot))
            except Exception:  # as PTB's updater: said loudly, and not fetched forever
                log.critical("update %d could not be read: skipped", data["update_id"])
        return fresh

    def _room(self) -> int:
        """How many new updates the next batch can bring: Telegram hands back everything from
        the offset, so what is still in hand, and what finished above it, take up room."""
        if not self._in_hand or self._highest is None:
            return BATCH
        return BATCH - (self._highest - min(self._in_hand) + 1)

    def _take(self, update: Update) -> None:
        processor = self.application.update_processor
        work = processor.process_update(update, self.application.process_update(update))
        task = asyncio.create_task(self._handle(update.update_id, work), name="update")
        self._in_hand[update.update_id] = task

    async def _handle(self, update_id: int, work: Any) -> None:
        """A cancelled update (the stop's grace ran out) stays in hand: it is not confirmed."""
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception:  # outside any handler (the error handler sees those): a resend fails too
            log.exception("update %d could not be handled", update_id)
        del self._in_hand[update_id]
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
