"""Insights you can see: /chart and /insights (private and in a room)."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.domain.insights import SharedHistory, personal_insights, room_insights
from bot.domain.parsing import parse_platform, split_words
from bot.domain.streaks import frozen_days
from bot.features.base import AnyHandler, Caller, Feature, Room, answer, command, group_command
from bot.render import insights as render
from bot.render.charts import calendar_figure, followers_figure, png

CALENDAR_WORDS = ("calendar", "日历")
FOLLOWERS_WORDS = ("followers", "粉丝")


class Insights(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "chart", self.chart, usage="chart", menu="menu.chart"),
            command(s, "insights", self.insights, menu="menu.insights"),
            group_command(
                s, "insights", self.room_view, as_person=False, menu="menu.room_insights"
            ),
        ]

    # --- charts ---------------------------------------------------------------------------------

    async def chart(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        which = words[0].casefold() if words else None
        if which in CALENDAR_WORDS and len(words) == 1:
            await self._calendar(update, caller)
        elif which in FOLLOWERS_WORDS and len(words) <= 2:
            platform = parse_platform(words[1]).key if len(words) == 2 else None
            await self._followers(update, caller, platform)
        else:
            raise InputError("error.chart_which")

    async def _calendar(self, update: Update, caller: Caller) -> None:
        activity = await self.store.posts.activity(caller.user_id)
        rests = set(await self.store.rest_days.all(caller.user_id))
        labels = render.calendar_labels(caller.lang)
        posted = {a.day: a.posts for a in activity}
        frozen = frozen_days(posted, rests, caller.profile.rest_days_per_week, caller.today)
        image = await asyncio.to_thread(
            lambda: png(calendar_figure(posted, rests, caller.today, labels, frozen))
        )
        await _photo(update, image, render.calendar_caption(caller.lang))

    async def _followers(self, update: Update, caller: Caller, platform: str | None) -> None:
        counts = await self.store.followers.history(caller.user_id)
        counts = [c for c in counts if platform is None or c.platform == platform]
        if not counts:
            raise InputError("chart.no_followers")
        tz = caller.zone.tz
        series = render.follower_series(caller.lang, counts, tz)
        posts = await self.store.posts.scored_between(
            caller.user_id, counts[0].local_date, caller.today
        )
        posts = [p for p in posts if platform is None or p.post.platform == platform]
        labels = render.followers_labels(caller.lang)
        post_times = [p.post.logged_at.astimezone(tz) for p in posts]
        hit_times = [p.post.logged_at.astimezone(tz) for p in posts if p.post.hit_date]
        image = await asyncio.to_thread(
            lambda: png(followers_figure(series, post_times, hit_times, labels))
        )
        await _photo(update, image, render.followers_caption(caller.lang))

    # --- /insights ------------------------------------------------------------------------------

    async def insights(self, update: Update, caller: Caller, args: str) -> None:
        uid = caller.user_id
        program = await self.store.programs.latest(uid)
        found = personal_insights(
            caller.profile,
            caller.today,
            caller.zone.tz,
            await self.store.followers.history(uid),
            await self.store.posts.scored_between(uid, date.min, date.max),
            await self.store.posts.activity(uid),
            await self.store.rest_days.all(uid),
            program.start_date if program is not None else None,
        )
        await answer(update, render.personal_view(caller.lang, found, caller.profile.hit_threshold))

    async def room_view(self, update: Update, room: Room, args: str) -> None:
        """The room's view, built only from what each member shares."""
        members = await self.store.rooms.members(room.chat_id)
        if not members:
            raise InputError("room.no_members")
        shared = [s for m in members if (s := await self._shared(m.user_id)) is not None]
        found = room_insights(shared, room.today)
        await answer(update, render.room_view(room.lang, room.group.title, found))

    async def _shared(self, user_id: int) -> SharedHistory | None:
        """What one member lets the room see; None when they do not share their posts."""
        profile = await self.store.users.get(user_id)
        if profile is None or not profile.sharing.posts:
            return None
        activity = await self.store.posts.activity(user_id)
        scored = await self.store.posts.scored_between(user_id, date.min, date.max)
        counts = await self.store.followers.history(user_id) if profile.sharing.followers else []
        return SharedHistory(activity, [s.post for s in scored], counts)


async def _photo(update: Update, image: bytes, caption: str) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_photo(InputFile(image, filename="chart.png"), caption=caption)
