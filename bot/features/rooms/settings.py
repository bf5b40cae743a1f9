"""The room's settings, for its admins: `/groupsettings` (digest time, timezone, language,
mentions, board metric, forum topic) and `/groupgoal`."""

from __future__ import annotations

from telegram import Update

from bot.domain.digests import next_digest_at
from bot.domain.errors import InputError
from bot.domain.models import LANGUAGES
from bot.domain.parsing import parse_clock, parse_switch, split_words
from bot.domain.rooms import BOARD_METRICS
from bot.domain.timezones import TimezoneError, parse_timezone
from bot.features.base import AnyHandler, Feature, Room, answer, group_command
from bot.render.rooms import goal_saved_text, goal_text, settings_saved_text, settings_text

MAX_GROUP_GOAL_POSTS = 100_000
SETTINGS = ("time", "timezone", "lang", "mention", "board", "topic")


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
            await answer(update, goal_text(room.lang, room.group))
            return
        group = await self.store.rooms.update(room.chat_id, **goal_fields(words))
        await answer(update, goal_saved_text(room.lang, group))

    async def settings(self, update: Update, room: Room, args: str) -> None:
        words = split_words(args)
        if not words:
            await answer(update, settings_text(room.lang, room.group))
            return
        name, values = words[0].casefold(), words[1:]
        if name not in SETTINGS or (name != "topic" and len(values) != 1) or len(values) > 1:
            raise InputError("error.groupsettings_shape")
        message = update.effective_message
        here = message.message_thread_id if message and message.is_topic_message else None
        fields = setting_fields(name, values[0] if values else "here", here)
        group = await self.store.rooms.update(room.chat_id, **fields)
        if name in ("time", "timezone"):
            now = self.services.clock.now()
            await self.store.rooms.set_next_digest(group.chat_id, next_digest_at(group, now))
        await answer(update, settings_saved_text(group.language or room.lang, group))


def goal_fields(words: list[str]) -> dict[str, object]:
    """`off`, `days <1-7>` (each member, per week) or `posts <n>` (together)."""
    kind = words[0].casefold()
    if kind in ("off", "none") and len(words) == 1:
        return {"goal_kind": None, "goal_value": None}
    if kind not in ("days", "posts") or len(words) != 2:
        raise InputError("error.groupgoal_shape")
    value = words[1]
    if not (value.isascii() and value.isdigit()):
        raise InputError("error.groupgoal_number", given=value[:20])
    number = int(value)
    high = 7 if kind == "days" else MAX_GROUP_GOAL_POSTS
    if not 1 <= number <= high:
        raise InputError("error.goal_range", low=1, high=f"{high:,}")
    return {"goal_kind": kind, "goal_value": number}


def setting_fields(name: str, value: str, topic_here: int | None) -> dict[str, object]:
    """The group's columns one setting changes; `topic_here` is the forum topic it was sent in."""
    if name == "time":
        return {"digest_time": f"{parse_clock(value):%H:%M}"}
    if name == "timezone":
        try:
            return {"timezone": parse_timezone(value).name}
        except TimezoneError:
            raise InputError("error.timezone", given=value[:64]) from None
    if name == "lang":
        if value.casefold() not in LANGUAGES:
            raise InputError("error.lang")
        return {"language": value.casefold()}
    if name == "mention":
        return {"mention_missing": parse_switch(value)}
    if name == "board":
        if value.casefold() not in BOARD_METRICS:
            raise InputError("error.board_metric")
        return {"board_metric": value.casefold()}
    return {"topic_id": None if value.casefold() == "off" else topic_here}
