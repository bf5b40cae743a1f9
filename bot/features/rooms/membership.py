"""The bot and the people in a room: the bot added to or removed from a group, a group becoming a
supergroup, `/join`, `/leave` and `/help` in the room, and messages sent as a channel (refused)."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ApplicationHandlerStop, ChatMemberHandler, MessageHandler, filters

from bot.domain.digests import digest_time_for, next_digest_at
from bot.domain.errors import InputError
from bot.domain.models import Profile, language_for
from bot.features.base import Feature, Room, answer, enter_room, group_command, send_text
from bot.features.commands import AnyContext, AnyHandler, addressed_to_us, spoken_command
from bot.render.errors import refusal_text
from bot.render.rooms import connect_link, intro_text, joined_reply, left_text, room_help_text

log = logging.getLogger(__name__)

GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


class Membership(Feature):
    _room_commands: frozenset[str] = frozenset()  # the bare commands the room's menus list

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            group_command(s, "join", self.join, menu="menu.join"),
            group_command(s, "leave", self.leave, menu="menu.leave"),
            group_command(s, ["help", "start"], self.help, as_person=False, menu="menu.room_help"),
            MessageHandler(filters.StatusUpdate.MIGRATE, self.migrated),
        ]

    def bot_membership_handler(self) -> AnyHandler:
        """The bot added to or removed from a group (runs beside the private one, see app.py)."""
        return ChatMemberHandler(self.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER)

    def channel_guard(self, room_commands: frozenset[str]) -> AnyHandler:
        """Runs before every other handler (see app.py): a message sent as a channel, or forwarded
        automatically from the group's linked channel, never reaches a feature."""
        self._room_commands = room_commands
        as_channel = filters.SenderChat.CHANNEL | filters.IS_AUTOMATIC_FORWARD
        return MessageHandler(filters.ChatType.GROUPS & as_channel, self.sent_as_channel)

    async def sent_as_channel(self, update: Update, context: AnyContext) -> None:
        """Telegram gives every channel the same placeholder sender (136817688): stored under it,
        people posting as their channels in different rooms would be merged into one. So nothing
        is stored; one of our commands is refused with a short explanation (in the room's
        language), anything else (an edit, an automatic forward, plain text) is ignored."""
        message = update.message
        name = spoken_command(update)[0]
        ours = name in self._room_commands or addressed_to_us(update, context.bot.username)
        if message is not None and not message.is_automatic_forward and name and ours:
            group = await self.store.rooms.get(message.chat.id)
            lang = language_for(group.language if group else None, None)
            await answer(update, refusal_text(lang, InputError("room.not_as_channel"), None))
        raise ApplicationHandlerStop

    async def bot_membership(self, update: Update, context: AnyContext) -> None:
        change = update.my_chat_member
        if change is None or change.chat.type == ChatType.PRIVATE:
            return
        chat_id = change.chat.id
        if change.new_chat_member.status in GONE:
            if await self.store.rooms.get(chat_id) is not None:
                await self.store.rooms.update(chat_id, active=False)
            log.info("removed from a group: its sends stop")
            return
        if change.old_chat_member.status not in GONE:
            return  # a promotion or a restriction: nothing to introduce
        new_room = await self.store.rooms.get(chat_id) is None
        adder = await self.store.users.get(change.from_user.id)  # before they are seen here
        room = await enter_room(self.services, update)
        if new_room and adder is not None:
            room = await self.evening_of(room, adder)
        await self.schedule_digest(room)
        await send_text(context.bot, chat_id, intro_text(room.lang, context.bot.username))

    async def migrated(self, update: Update, context: AnyContext) -> None:
        message = update.effective_message
        if message is None or message.migrate_to_chat_id is None:
            return
        if await self.store.rooms.migrate(message.chat.id, message.migrate_to_chat_id):
            log.info("a group became a supergroup: its room moved with it")

    async def join(self, update: Update, room: Room, args: str) -> None:
        caller = room.caller
        joined = await self.store.rooms.join(room.chat_id, caller.user_id, caller.now)
        if room.group.next_digest_at is None:
            await self.schedule_digest(room)
        members = len(await self.store.rooms.members(room.chat_id))
        # Someone who has only used rooms can't be written to: offer them the private chat.
        connect = None
        if not caller.profile.private_chat:
            connect = connect_link(update.get_bot().username, room.chat_id)
        text, keyboard = joined_reply(
            room.lang, caller.profile.first_name, members, joined, connect
        )
        await answer(update, text, keyboard)

    async def leave(self, update: Update, room: Room, args: str) -> None:
        left = await self.store.rooms.leave(room.chat_id, room.caller.user_id)
        await answer(update, left_text(room.lang, room.caller.profile.first_name, left))

    async def help(self, update: Update, room: Room, args: str) -> None:
        await answer(update, room_help_text(room.lang, update.get_bot().username))

    async def evening_of(self, room: Room, adder: Profile) -> Room:
        """A new room takes the timezone and evening of the known creator who added the bot."""
        digest = digest_time_for(adder.nudge_time, adder.day_start)
        group = await self.store.rooms.update(
            room.chat_id, timezone=adder.timezone, digest_time=f"{digest:%H:%M}"
        )
        return replace(room, group=group, today=group.day_at(room.caller.now))

    async def schedule_digest(self, room: Room) -> None:
        await self.store.rooms.set_next_digest(
            room.chat_id, next_digest_at(room.group, self.services.clock.now())
        )
