"""The composition root: builds the Application, wires every feature, and runs its lifecycle."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, CommandHandler, Defaults

from bot.backups import DailyBackup
from bot.clock import Clock
from bot.config import Settings
from bot.domain.deliveries import DeliveryKind
from bot.domain.onboarding import Asked
from bot.failures import on_error
from bot.features.admin import Admin
from bot.features.base import Feature
from bot.features.checkins import Checkins
from bot.features.coaching import Coaching
from bot.features.commands import MenuScope, menu_entries
from bot.features.data import YourData
from bot.features.help import Help, publish_command_menu
from bot.features.insights import Insights
from bot.features.limits import throttle_handler
from bot.features.profile import ProfileFeature
from bot.features.reminders import ReminderFeature
from bot.features.rooms import RoomsFeature
from bot.features.sharing import SharingFeature
from bot.features.stats import Stats
from bot.health import Health, HealthParts, serving_health
from bot.inbound import Inbound, WebhookServer
from bot.metrics import Metrics
from bot.ordering import Once, PerUserOrder
from bot.outbound import Compose, FloodGuard, Limits, OnBlocked, Outbox, Outgoing
from bot.planner import Planner
from bot.services import Services
from bot.services.buddies import Buddies
from bot.services.posting import PostLog
from bot.store import Store, held_for_life
from bot.store.database_file import about_the_file, cannot_open
from bot.store.deliveries import Delivery
from bot.store.updates import KEEP
from bot.sweeps import Sweep, Sweeps
from bot.throttle import Throttle
from bot.transport import on_transport

log = logging.getLogger(__name__)

# Opt in to PTB 22's coming behaviour now: time periods such as a 429's retry_after are timedeltas.
# Without it PTB warns on every 429 it parses.
os.environ.setdefault("PTB_TIMEDELTA", "true")

BotApp = Application[Any, Any, Any, Any, Any, Any]

# How long one getUpdates call may wait for news; Telegram allows up to 50 s.
LONG_POLL_SECONDS = 25


@dataclass(frozen=True)
class Features:
    """What the features declared beyond their handlers: who writes each kind of proactive
    message, and the sweeps that find what is due (the planner's for nudges, follow-ups and
    reviews, the rooms' for digests and cheers)."""

    planner: Planner
    composers: Mapping[DeliveryKind, Compose]
    sweeps: Mapping[str, Sweep]
    throttle: Throttle  # the per-user burst limit
    metrics: Metrics

    def __post_init__(self) -> None:
        missing = set(DeliveryKind) - set(self.composers)
        if missing:  # a programming error: fail at start-up, not when the first one is due
            raise RuntimeError(f"no composer for {sorted(missing)}")

    async def compose(self, delivery: Delivery) -> Outgoing | None:
        return await self.composers[delivery.kind](delivery)


def _username_of(
    application: Application[Any, Any, Any, Any, Any, Any],
) -> Callable[[], str | None]:
    """The bot's @username for the cards' footer, known once the application has started."""
    return lambda: application.bot.username


def build_application(services: Services, limits: Limits) -> tuple[BotApp, Outbox, Features]:
    """Every feature, built with what it needs and registered with the application."""
    metrics = Metrics(services.clock, services.settings.database_path)
    application = _application(services, metrics)
    deliveries, blocked = services.store.deliveries, _on_blocked(services)
    outbox = Outbox(application.bot, deliveries, services.clock, blocked, limits, metrics)
    planner = Planner(services, outbox)
    services = replace(services, welcome_back=planner.reschedule)  # see `identify`
    with_planner = (services, planner)
    posts = PostLog(services.store, services.settings.posts_per_day)
    checkins = Checkins(services, posts)
    rooms = RoomsFeature(services, outbox, posts, bot_name=_username_of(application))
    reminders = ReminderFeature(*with_planner, Buddies(services.store, services.clock))
    coaching = Coaching(*with_planner, bot_name=_username_of(application))
    asked = {Asked.METRICS: checkins.metrics_answer}
    profile = ProfileFeature(*with_planner, answers=asked, unasked=checkins.shared_link)
    # The order is the "/" menus' (daily check-ins first, the profile last; in rooms /join first)
    # and the handlers' within a group: the catch-all pointers in Help come last.
    every: tuple[Feature, ...] = (
        checkins,
        Stats(services),
        coaching,
        reminders,
        rooms,
        Insights(services),
        SharingFeature(services),
        YourData(services),
        profile,
        Admin(services, outbox, application.bot),  # before Help: its catch-all comes last
        Help(services),
    )
    for feature in every:
        application.add_handlers(feature.handlers())
    throttle = _at_the_door(application, services, checkins, rooms)
    # The bot's own membership: private chats (blocking) in group 0, groups here.
    application.add_handler(rooms.membership_handler(), group=1)
    application.add_error_handler(on_error)
    metrics.know_commands(_commands(application))
    features = Features(
        planner=planner,
        composers={kind: r for f in every for kind, r in f.composers().items()},
        sweeps=planner.sweeps()
        | {name: s for f in every for name, s in f.sweeps().items()}
        | _housekeeping(services),
        throttle=throttle,
        metrics=metrics,
    )
    return application, outbox, features


def _commands(application: BotApp) -> set[str]:
    """Every command some handler answers: the metrics count these by name."""
    return {
        command
        for handlers in application.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }


def _at_the_door(
    application: BotApp, services: Services, checkins: Checkins, rooms: RoomsFeature
) -> Throttle:
    """What runs before any feature's handlers, each in a group of its own (PTB runs one handler
    per group): messages sent as a channel are stopped first (one placeholder sender stands for
    every channel, so it must not share one person's limit), then the per-user burst limit (a
    flood is refused before it costs anything), then edits (only an edited /post counts)."""
    room_commands = _room_commands(application)
    application.add_handler(rooms.channel_guard(room_commands), group=-3)
    throttle = Throttle(services.settings.user_burst, services.settings.user_rate_per_second)
    application.add_handler(throttle_handler(services, throttle, room_commands), group=-2)
    application.add_handler(checkins.edit_handler(), group=-1)
    return throttle


def _room_commands(application: BotApp) -> frozenset[str]:
    """The bare commands a room's menus list (a bare `/cmd` off them may be another bot's)."""
    scopes = {MenuScope.ROOM, MenuScope.ADMINS}
    entries = menu_entries(application.handlers[0])
    return frozenset(e.command for e in entries if e.scope in scopes)


def _forget_handled_updates(services: Services) -> Sweep:
    """Telegram redelivers for a day at most: older records of handled updates can go."""

    async def forget() -> int:
        forgotten = await services.store.updates.forget_before(services.clock.now() - KEEP)
        if forgotten:
            log.info("forgot %d handled update(s) older than %s", forgotten, KEEP)
        return 0  # it queues no messages

    return forget


def _housekeeping(services: Services) -> dict[str, Sweep]:
    """The sweeps that keep the bot's own house: forgetting old update records, the backup."""
    return {"handled_updates": _forget_handled_updates(services)} | _daily_backup(services)


def _daily_backup(services: Services) -> dict[str, Sweep]:
    folder = services.settings.backup_dir
    return (
        {} if folder is None else {"backup": DailyBackup(services.settings, folder, services.clock)}
    )


def _application(services: Services, metrics: Metrics) -> BotApp:
    """PTB's application: updates in order per user (counted and timed), every request through
    the FloodGuard (which also counts replies and notes that Telegram answered)."""
    settings = services.settings
    processor = PerUserOrder(Once(services.store.updates, services.clock), metrics=metrics)
    return (
        on_transport(ApplicationBuilder(), settings, LONG_POLL_SECONDS)
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.bot_api_base_url.removesuffix("/bot") + "/file/bot")
        .concurrent_updates(processor)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(FloodGuard(metrics))
        .updater(None)  # long polling is `bot.polling`'s: it keeps each batch before confirming
        .build()
    )


def _on_blocked(services: Services) -> OnBlocked:
    store, clock = services.store, services.clock

    async def blocked(chat_id: int) -> None:
        if chat_id < 0:
            log.info("a group refused a message: the bot is no longer in it")
            if await store.rooms.get(chat_id) is not None:
                await store.rooms.update(chat_id, active=False)
            return
        log.info("a user blocked the bot: no more proactive messages until they are back")
        await store.reminders.mark_blocked(chat_id, clock.now())

    return blocked


@dataclass(frozen=True)
class RunningBot:
    application: BotApp
    services: Services
    outbox: Outbox
    sweeps: Sweeps
    throttle: Throttle
    metrics: Metrics
    health: Health | None  # None unless METRICS_PORT is set
    webhook: WebhookServer | None = None  # when updates arrive by webhook

    @property
    def updates(self) -> PerUserOrder:
        processor = self.application.update_processor
        assert isinstance(processor, PerUserOrder)
        return processor


@asynccontextmanager
async def running_bot(
    settings: Settings,
    clock: Clock,
    limits: Limits | None = None,
    stopping: asyncio.Event | None = None,
) -> AsyncIterator[RunningBot]:
    """Open the store, start the application and long polling; undo all of it on exit.
    `stopping`: set when a stop is asked for (a signal), which cuts the start's waits short.

    The same lifecycle serves `python -m bot`, the tests and the benchmarks.
    """
    with held_for_life(settings.database_path):
        store = await Store.open(settings.database_path)
        try:
            services = Services(settings=settings, store=store, clock=clock)
            application, outbox, features = build_application(
                services,
                limits
                or Limits(
                    per_second=settings.send_rate_per_second,
                    paid_broadcast=settings.paid_broadcast,
                ),
            )
            try:
                serving = _serving(application, services, outbox, features, stopping)
                async with application, serving as bot:
                    yield bot
            finally:
                # PTB closes HTTP sessions only after a full start: not after a refused token.
                await application.bot.shutdown()
        finally:
            await store.close()


@asynccontextmanager
async def _serving(
    application: BotApp,
    services: Services,
    outbox: Outbox,
    features: Features,
    stopping: asyncio.Event | None,
) -> AsyncIterator[RunningBot]:
    """Start receiving updates and the schedule; whatever got started is stopped again, even
    when a later step of the start-up fails (a locked database, the Bot API gone), so the failure
    is the one thing reported. Receiving stops first: the updates in hand finish while
    everything they need still runs."""
    await publish_command_menu(application.bot, menu_entries(application.handlers[0]))
    await application.start()
    inbound = Inbound(
        application, services.settings, LONG_POLL_SECONDS, features.metrics, services.store.inbox
    )
    sweeps: Sweeps | None = None
    watch = asyncio.create_task(features.metrics.watch_the_loop(), name="loop-watch")
    try:
        await inbound.start()
        # What users sent while the bot was down is handled before it sends anything itself.
        await inbound.caught_up(stopping)
        try:
            sweeps = await _start_schedule(application, services, outbox, features)
        except sqlite3.Error as error:
            if not about_the_file(error):
                raise
            raise cannot_open(services.settings.database_path, error) from None
        log.info("Postpact is running as @%s", application.bot.username)
        parts = HealthParts(
            features.metrics, services.store, sweeps, services.clock, application.bot.get_me
        )
        settings = services.settings
        async with serving_health(parts, settings.metrics_listen, settings.metrics_port) as health:
            running = (sweeps, features.throttle, features.metrics, health, inbound.webhook)
            yield RunningBot(application, services, outbox, *running)
    finally:
        watch.cancel()
        if sweeps is not None:
            sweeps.pause()  # no sweep starts while the updates in hand finish
        await inbound.stop()
        if sweeps is not None:  # a running sweep finishes its batch (bounded), sending meanwhile
            await sweeps.stop(cut_short=outbox.begin_closing)
        await outbox.stop()
        await application.stop()


async def _start_schedule(
    application: BotApp, services: Services, outbox: Outbox, features: Features
) -> Sweeps:
    """The outbound queue, then what the last run left pending, then the sweeps."""
    store, clock = services.store, services.clock
    guard = application.bot.rate_limiter
    if isinstance(guard, FloodGuard):
        guard.on_flood = outbox.hold
        guard.on_reply = outbox.reply_sent
    outbox.start(features.compose)
    pending = await store.deliveries.reopen_after_restart(clock.now())
    for delivery in pending:
        outbox.put(delivery)
    if pending:
        log.info("resending %d message(s) the last run had queued", len(pending))
    await features.planner.schedule_newcomers()
    sweeps = Sweeps(
        features.sweeps, services.settings.sweep_interval_seconds, metrics=features.metrics
    )
    sweeps.start()
    return sweeps
