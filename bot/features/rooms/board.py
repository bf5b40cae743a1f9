"""Reading the room: the week's board, the members' handles (`/mutual`), and noting a follow
(`/followed`)."""

from __future__ import annotations

from telegram import Update

from bot.domain.errors import InputError
from bot.domain.parsing import parse_platform, split_words
from bot.domain.progress import this_week
from bot.domain.rooms import (
    EVERYWHERE,
    board,
    follow_gaps,
    member_named,
    room_views,
    shared_handles,
)
from bot.features.base import Feature, Room, answer, group_command
from bot.features.commands import AnyHandler
from bot.render.rooms import board_text, follow_gaps_text, followed_text, handles_text


class Board(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            group_command(s, "board", self.show_board, as_person=False, menu="menu.board"),
            group_command(s, "mutual", self.mutual, usage="mutual", menu="menu.mutual"),
            group_command(
                s,
                "followed",
                self.followed,
                usage="followed",
                members_only=True,
                menu="menu.followed",
            ),
        ]

    async def show_board(self, update: Update, room: Room, args: str) -> None:
        week = this_week(room.today)
        views = room_views(await self.store.rooms.room_members(room.chat_id), week, room.today)
        if not views:
            raise InputError("room.no_members")
        await answer(update, board_text(room.lang, week, board(views, room.group.board_metric)))

    async def mutual(self, update: Update, room: Room, args: str) -> None:
        """`/mutual`: the shared handles; `/mutual me`: whom to follow, who to follow back."""
        words = split_words(args)
        if words and (len(words) > 1 or words[0].casefold() != "me"):
            raise InputError("error.mutual_shape")
        members = await self.store.rooms.room_members(room.chat_id)
        if not words:
            await answer(update, handles_text(room.lang, shared_handles(members)))
            return
        follows = await self.store.rooms.follows_among(room.chat_id)
        gaps = follow_gaps(room.caller.user_id, members, follows)
        await answer(update, follow_gaps_text(room.lang, gaps))

    async def followed(self, update: Update, room: Room, args: str) -> None:
        """`/followed @member [platform]`: noted, and whether they follow each other now."""
        words = split_words(args)
        if not words or len(words) > 2:
            raise InputError("error.followed_shape")
        target = member_named(await self.store.rooms.members(room.chat_id), words[0])
        if target is None:
            raise InputError("error.followed_unknown", given=words[0][:40])
        me = room.caller.user_id
        if target.user_id == me:
            raise InputError("followed.self")
        on = parse_platform(words[1]).key if len(words) == 2 else None
        await self.store.rooms.follow(me, target.user_id, on or EVERYWHERE, room.caller.now)
        mutual = (target.user_id, me) in set(await self.store.rooms.follows_among(room.chat_id))
        await answer(update, followed_text(room.lang, target.name, on, mutual))
