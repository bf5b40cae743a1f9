"""The composition root: builds the Application, wires every feature, and runs its lifecycle."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.clock import Clock
from bot.config import Settings
from bot.features.base import AnyContext, Services
from bot.features.checkins import Checkins
from bot.features.help import Help, publish_command_menu
from bot.features.profile import ProfileFeature
from bot.features.stats import Stats
from bot.ordering import PerUserOrder
from bot.store import Store
from bot.texts import language_for, t

log = logging.getLogger(__name__)

BotApp = Application[Any, Any, Any, Any, Any, Any]

# How long one getUpdates call may wait for news; Telegram allows up to 50 s.
LONG_POLL_SECONDS = 25


def build_application(services: Services) -> BotApp:
    settings = services.settings
    application = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.bot_api_base_url.removesuffix("/bot") + "/file/bot")
        .concurrent_updates(PerUserOrder())
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .get_updates_read_timeout(LONG_POLL_SECONDS + 10)
        .build()
    )
    # Order matters within a group: the catch-all pointers in Help come last.
    for feature in (ProfileFeature(services), Checkins(services), Stats(services), Help(services)):
        application.add_handlers(feature.handlers())
    application.add_error_handler(on_error)
    return application


async def on_error(update: object, context: AnyContext) -> None:
    """Log an unexpected failure once, and tell the user something went wrong (no details)."""
    log.error("unhandled error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    user = update.effective_user
    lang = language_for(None, user.language_code)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t(lang, "error.unexpected_short"), show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(t(lang, "error.unexpected"))
    except Exception:  # the apology itself failed (network, blocked): already logged above
        log.warning("could not tell user about the error", exc_info=True)


@dataclass(frozen=True)
class RunningBot:
    application: BotApp
    services: Services

    @property
    def updates(self) -> PerUserOrder:
        processor = self.application.update_processor
        assert isinstance(processor, PerUserOrder)
        return processor


@asynccontextmanager
async def running_bot(settings: Settings, clock: Clock) -> AsyncIterator[RunningBot]:
    """Open the store, start the application and long polling; undo all of it on exit.

    The same lifecycle serves `python -m bot`, the tests and the benchmarks.
    """
    store = await Store.open(settings.database_path)
    try:
        services = Services(settings=settings, store=store, clock=clock)
        application = build_application(services)
        async with application:
            await publish_command_menu(application.bot)
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(
                poll_interval=0, timeout=LONG_POLL_SECONDS, allowed_updates=Update.ALL_TYPES
            )
            log.info("Postpact is running as @%s", application.bot.username)
            try:
                yield RunningBot(application, services)
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        await store.close()
