"""The per-user burst limit at the door: every command, text and button press a user sends passes
`bot.throttle.Throttle` before any feature sees it (and before any database work)."""

from __future__ import annotations

from collections.abc import Collection

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.domain.models import language_for
from bot.features.commands import AnyContext, AnyHandler, spoken_command
from bot.render.errors import slow_down_alert, slow_down_text
from bot.services import Services
from bot.throttle import Throttle, Verdict


def counts(update: Update, bot_username: str, room_commands: Collection[str]) -> bool:
    """What a user sends us: anything in private, a button press, and in a group the commands
    this bot answers (its own room commands, or any command addressed to it by name)."""
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None or update.effective_user is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if not (message.text or "").startswith("/"):
        return False
    name, target = spoken_command(update)
    if target is not None:
        return target.casefold() == bot_username.casefold()
    return name in room_commands


def throttle_handler(
    services: Services, throttle: Throttle, room_commands: Collection[str]
) -> AnyHandler:
    """Registered in a group before every feature's: a refused update stops here."""

    async def callback(update: Update, context: AnyContext) -> None:
        if not counts(update, context.bot.username, room_commands):
            return
        assert update.effective_user is not None
        user = update.effective_user
        verdict = throttle.check(user.id)
        if verdict is Verdict.ALLOW:
            return
        if verdict is Verdict.TELL:
            profile = await services.store.users.get(user.id)
            lang = profile.lang if profile else language_for(None, user.language_code)
            if update.callback_query is not None:
                await update.callback_query.answer(slow_down_alert(lang), show_alert=True)
            elif update.effective_message is not None:
                seconds = throttle.wait_seconds(user.id)
                await update.effective_message.reply_text(slow_down_text(lang, seconds))
        raise ApplicationHandlerStop

    return TypeHandler(Update, callback)
