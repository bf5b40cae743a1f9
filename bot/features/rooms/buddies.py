"""Weekly buddies: an admin turns them on (`/buddy on`), members are paired every Monday, and
`/buddy` says whose. (How a buddy is doing shows in the nudge: `services.buddies`.)"""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.domain.days import week_start
from bot.domain.errors import InputError
from bot.domain.parsing import parse_switch, split_words
from bot.domain.rooms import Group, pair_buddies
from bot.features.base import Feature, Room, answer, group_command, is_admin
from bot.features.commands import AnyHandler
from bot.render.rooms import buddies_switched_text, buddy_text
from bot.store import Store


class RoomBuddies(Feature):
    def handlers(self) -> list[AnyHandler]:
        return [
            group_command(
                self.services,
                "buddy",
                self.buddy,
                usage="buddy",
                menu="menu.buddy",
                admin_menu=True,
            )
        ]

    async def buddy(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if words:
            await self.switch(update, room, words)
            return
        if not room.group.buddies_on:
            raise InputError("buddy.disabled")
        week = week_start(room.today)
        pairs = [b for c, b in await self.store.rooms.buddies_of(room.caller.user_id, week)
                 if c == room.chat_id]  # fmt: skip
        if not pairs:
            raise InputError("buddy.none")
        buddy = await self.store.users.get(pairs[0])
        await answer(update, buddy_text(room.lang, buddy.first_name if buddy else None))

    async def switch(self, update: Update, room: Room, words: list[str]) -> None:
        """`/buddy on|off`, for admins; turned on, this week's pairs are made at once."""
        if len(words) > 1:
            raise InputError("error.buddy_shape")
        on = parse_switch(words[0])
        if not await is_admin(update.get_bot(), room):
            raise InputError("room.admins_only")
        group = await self.store.rooms.update(room.chat_id, buddies_on=on)
        if on:
            await pair_week(self.store, group, week_start(room.today))
        await answer(update, buddies_switched_text(room.lang, on))


async def pair_week(store: Store, group: Group, week: date) -> None:
    """The week's pairs among the room's members now (also made by the Monday digest)."""
    members = await store.rooms.members(group.chat_id)
    pairs = pair_buddies((m.user_id for m in members), week, group.chat_id)
    await store.rooms.set_buddies(group.chat_id, week, pairs)
