"""/help, the command menu, and pointers for anything the bot does not understand."""

from __future__ import annotations

from telegram import (
    Bot,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.domain.models import LANGUAGES
from bot.features.base import (
    PRIVATE,
    AnyContext,
    AnyHandler,
    Caller,
    Feature,
    answer,
    command,
    identify,
)
from bot.render import profile as render

# The private command menu, in the order shown in Telegram's "/" list.
MENU: tuple[str, ...] = (
    "post",
    "today",
    "streak",
    "progress",
    "followers",
    "metrics",
    "undo",
    "plan",
    "goals",
    "review",
    "rest",
    "nudge",
    "insights",
    "chart",
    "share",
    "export",
    "forget",
    "settings",
    "help",
)


class Help(Feature):
    def handlers(self) -> list[AnyHandler]:
        return [
            command(self.services, "help", self.help),
            MessageHandler(PRIVATE & filters.COMMAND, self.unknown_command),
            MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, self.group_command),
            CallbackQueryHandler(self.stale_button),
        ]

    async def help(self, update: Update, caller: Caller, args: str) -> None:
        await answer(update, render.help_text(caller.lang))

    async def unknown_command(self, update: Update, context: AnyContext) -> None:
        assert update.effective_user is not None
        caller = await identify(self.services, update.effective_user)
        await answer(update, render.unknown_command(caller.lang))

    async def group_command(self, update: Update, context: AnyContext) -> None:
        """A command no room feature knows: a pointer, but only when it was meant for this bot."""
        message = update.effective_message
        if message is None or not _addressed_to_bot(message.text or "", context.bot.username):
            return
        assert update.effective_user is not None
        caller = await identify(self.services, update.effective_user)
        await answer(update, render.unknown_room_command(caller.lang, context.bot.username))

    async def stale_button(self, update: Update, context: AnyContext) -> None:
        """Any press no feature claimed: data from an old version, or not ours at all."""
        query = update.callback_query
        assert query is not None
        caller = await identify(self.services, query.from_user)
        await query.answer(render.button_expired(caller.lang), show_alert=True)


def _addressed_to_bot(text: str, username: str) -> bool:
    """In a group, `/cmd` may be for any bot; answer only bare commands or `/cmd@ThisBot`."""
    head = text.split(maxsplit=1)[0] if text else ""
    _, at, target = head.partition("@")
    return not at or target.casefold() == username.casefold()


async def publish_command_menu(bot: Bot) -> None:
    """Set the "/" menu for private chats in each language (Telegram picks by the user's app)."""
    for lang in LANGUAGES:
        commands = render.command_menu(lang, MENU)
        language_code = None if lang == "en" else lang
        await bot.set_my_commands(
            commands, scope=BotCommandScopeAllPrivateChats(), language_code=language_code
        )
    await bot.set_my_commands([], scope=BotCommandScopeAllGroupChats())
