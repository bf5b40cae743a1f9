"""/help, the command menu, and pointers for anything the bot does not understand."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import (
    Bot,
    BotCommandScope,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.domain.models import LANGUAGES
from bot.features.base import PRIVATE, Caller, Feature, answer, command, identify
from bot.features.commands import AnyContext, AnyHandler, MenuEntry, MenuScope, addressed_to_us
from bot.render import profile as render


class Help(Feature):
    def handlers(self) -> list[AnyHandler]:
        return [
            command(self.services, "help", self.help, menu="menu.help"),
            MessageHandler(PRIVATE & filters.COMMAND, self.unknown_command),
            MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, self.unknown_group_command),
            CallbackQueryHandler(self.stale_button),
        ]

    async def help(self, update: Update, caller: Caller, args: str) -> None:
        await answer(update, render.help_text(caller.lang))

    async def unknown_command(self, update: Update, context: AnyContext) -> None:
        assert update.effective_user is not None
        caller = await identify(self.services, update.effective_user)
        await answer(update, render.unknown_command(caller.lang))

    async def unknown_group_command(self, update: Update, context: AnyContext) -> None:
        """A command no room feature answers: a pointer when it named this bot (`/cmd@ThisBot`);
        a bare one may be another bot's, so silence."""
        if not addressed_to_us(update, context.bot.username):
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


# Who sees which menu: a room's admins see the room's commands and their own.
SCOPES: tuple[tuple[BotCommandScope, frozenset[MenuScope]], ...] = (
    (BotCommandScopeAllPrivateChats(), frozenset({MenuScope.PRIVATE})),
    (BotCommandScopeAllGroupChats(), frozenset({MenuScope.ROOM})),
    (BotCommandScopeAllChatAdministrators(), frozenset({MenuScope.ROOM, MenuScope.ADMINS})),
)


async def publish_command_menu(bot: Bot, entries: Sequence[MenuEntry]) -> None:
    """Set the "/" menus, built from the registered commands' own entries: private chats, all
    groups, and groups' admins, each in every language (Telegram picks by the user's app)."""
    for scope, shown in SCOPES:
        pairs = [(e.command, e.description) for e in entries if e.scope in shown]
        for lang in LANGUAGES:
            language_code = None if lang == "en" else lang
            await bot.set_my_commands(
                render.command_menu(lang, pairs), scope=scope, language_code=language_code
            )
