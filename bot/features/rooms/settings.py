"""The room's settings, for its admins: `/groupsettings` (digest time, timezone, language,
mentions, board metric, forum topic) and `/groupgoal`."""

from __future__ import annotations

from telegram import Update

from bot.domain.digests import next_digest_at
from bot.domain.parsing import split_words
from bot.domain.room_settings import parse_room_goal, parse_room_setting
from bot.features.base import Feature, Room, answer, group_command
from bot.features.commands import AnyHandler
from bot.render.rooms import (
    room_goal_saved_text,
    room_goal_text,
    settings_saved_text,
    settings_text,
)


class RoomSettings(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            group_command(
                s,
                "groupgoal",
                self.group_goal,
                usage="groupgoal",
                admins_only=True,
                menu="menu.groupgoal",
                admin_menu=True,
            ),
            group_command(
                s,
                "groupsettings",
                self.settings,
                usage="groupsettings",
                admins_only=True,
                menu="menu.groupsettings",
                admin_menu=True,
            ),
        ]

    async def group_goal(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words:
            await answer(update, room_goal_text(room.lang, room.group))
            return
        group = await self.store.rooms.update(room.chat_id, **parse_room_goal(words))
        await answer(update, room_goal_saved_text(room.lang, group))

    async def settings(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words:
            await answer(update, settings_text(room.lang, room.group))
            return
        message = update.effective_message
        here = message.message_thread_id if message and message.is_topic_message else None
        name, fields = parse_room_setting(words, here)
        group = await self.store.rooms.update(room.chat_id, **fields)
        if name in ("time", "timezone"):
            now = self.services.clock.now()
            await self.store.rooms.set_next_digest(group.chat_id, next_digest_at(group, now))
        await answer(update, settings_saved_text(group.language or room.lang, group))
