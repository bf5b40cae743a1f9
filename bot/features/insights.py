"""Insights you can see: /chart and /insights (private and in a room)."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.domain.insights import personal_insights, room_insights, shared_history
from bot.domain.parsing import parse_platform, split_words
from bot.domain.streaks import frozen_days
from bot.features.base import Caller, Feature, Room, answer, command, group_command
from bot.features.commands import AnyHandler
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
        activity = await self.store.posts.activity(caller.user_id, long=True)
        rests = set(await self.store.rest_days.all(caller.user_id))
        labels = render.calendar_labels(caller.lang)
        posted = {a.day: a.posts for a in activity}
        frozen = frozen_days(posted, rests, caller.profile.rest_days_per_week, caller.today)
        image = await asyncio.to_thread(
            lambda: png(calendar_figure(posted, rests, caller.today, labels, frozen))
        )
        await _photo(update, image, render.calendar_caption(caller.lang))

    async def _followers(self, update: Update, caller: Caller, platform: str | None) -> None:
        """The reads stay here; the series and the picture are made in a worker thread."""
        counts = await self.store.followers.history(caller.user_id, long=True)
        counts = [c for c in counts if platform is None or c.platform == platform]
        if not counts:
            raise InputError("chart.no_followers")
        scored = await self.store.posts.scored_between(
            caller.user_id, counts[0].local_date, caller.today, long=True
        )
        tz, lang = caller.zone.tz, caller.lang

        def figure() -> bytes:
            series = render.follower_series(lang, counts, tz)
            posts = [s.post for s in scored if platform is None or s.post.platform == platform]
            post_times = [p.logged_at.astimezone(tz) for p in posts]
            hit_times = [p.logged_at.astimezone(tz) for p in posts if p.hit_date]
            labels = render.followers_labels(lang)
            return png(followers_figure(series, post_times, hit_times, labels))

        await _photo(update, await asyncio.to_thread(figure), render.followers_caption(lang))

    # --- /insights ------------------------------------------------------------------------------

    async def insights(self, update: Update, caller: Caller, args: str) -> None:
        """The reads stay here; deciding and writing the text (heavy for a long history) run in
        a worker thread, so nobody else waits for them."""
        uid = caller.user_id
        program = await self.store.programs.latest(uid)
        counts = await self.store.followers.history(uid, long=True)
        scored = await self.store.posts.scored_between(uid, date.min, date.max, long=True)
        activity = await self.store.posts.activity(uid, long=True)
        rests = await self.store.rest_days.all(uid)
        start = program.start_date if program is not None else None
        profile, today, tz = caller.profile, caller.today, caller.zone.tz

        def view() -> str:
            found = personal_insights(profile, today, tz, counts, scored, activity, rests, start)
            return render.personal_view(caller.lang, found, profile.hit_threshold)

        await answer(update, await asyncio.to_thread(view))

    async def room_view(self, update: Update, room: Room, args: str) -> None:
        """The room's view, built only from what each member shares: one read for the whole
        room, the rest in a worker thread."""
        members = await self.store.rooms.room_members(room.chat_id, posts=True)
        if not members:
            raise InputError("room.no_members")

        def view() -> str:
            shared = [s for m in members if (s := shared_history(m)) is not None]
            return render.room_view(room.lang, room.group.title, room_insights(shared, room.today))

        await answer(update, await asyncio.to_thread(view))


async def _photo(update: Update, image: bytes, caption: str) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_photo(InputFile(image, filename="chart.png"), caption=caption)
