"""Checking in from a room (`/post` there) and cheering someone's check-in."""

from __future__ import annotations

from telegram import Update

from bot.domain.checkin_input import parse_post
from bot.domain.errors import InputError
from bot.features.base import (
    Caller,
    Feature,
    Room,
    answer,
    button,
    group_command,
    source_of,
    standing_on,
)
from bot.features.commands import AnyHandler
from bot.render.rooms import CheerPress, checkin_reply, cheer_keyboard
from bot.services import Services
from bot.services.posting import PostLog
from bot.store.updates import bookkeeping


class RoomCheckins(Feature):
    def __init__(self, services: Services, posts: PostLog) -> None:
        super().__init__(services)
        self.posts = posts

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            group_command(s, "post", self.post, usage="group_post", menu="menu.room_post"),
            button(s, CheerPress, self.cheer),
        ]

    async def post(self, update: Update, room: Room, args: str) -> None:
        """Logged like a post in private, told to the room; posting makes them a member."""
        if not args.strip():
            raise InputError("error.group_post_missing")
        caller = room.caller
        draft = parse_post(args)
        # Joining is the same however often it runs, so it goes first, as bookkeeping: the post
        # is then the update's one real write, and a crash between the two loses nothing.
        with bookkeeping():
            joined = await self.store.rooms.join(room.chat_id, caller.user_id, caller.now)
        post, footing = await self.posts.log(
            caller.profile, draft, caller.now, caller.today, source_of(update)
        )
        streak = standing_on(footing, caller).streak.current
        shown = streak if caller.profile.sharing.streaks else None
        text, keyboard = checkin_reply(room.lang, caller.profile.first_name, post, shown, joined)
        await answer(update, text, keyboard)

    async def cheer(self, update: Update, caller: Caller, pressed: CheerPress) -> None:
        """One cheer per member per post, for a member's post in the room it was shared in."""
        query = update.callback_query
        assert query is not None
        if query.message is None:
            raise InputError("error.button_expired")
        chat_id = query.message.chat.id
        post = await self.store.posts.any_by_id(pressed.post_id)
        if post is None or not await self.store.rooms.is_member(chat_id, post.user_id):
            raise InputError("error.button_expired")
        if post.user_id == caller.user_id:
            raise InputError("cheer.own")
        if not await self.store.rooms.is_member(chat_id, caller.user_id):
            raise InputError("cheer.join_first")
        count = await self.store.rooms.cheer(post.post_id, caller.user_id, chat_id, caller.now)
        if count is None:
            raise InputError("cheer.already")
        group = await self.store.rooms.get(chat_id)
        lang = (group.language if group else None) or caller.lang
        await query.edit_message_reply_markup(cheer_keyboard(lang, post.post_id, count))
