"""Insights you can see: /chart and /insights (private and in a room)."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import TypeVar

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.domain.insights import personal_insights, room_insights, shared_history
from bot.domain.models import FollowerCount, Language, Profile
from bot.domain.parsing import parse_platform, split_words
from bot.domain.program import GoalLevel, goal_level, goals_of
from bot.domain.streaks import frozen_days
from bot.features.base import Caller, Feature, Room, answer, command, group_command
from bot.features.commands import AnyHandler
from bot.pictures.drawing import draw_calendar, draw_followers
from bot.render import charts as render_charts
from bot.render import insights as render
from bot.store import Store

CALENDAR_WORDS = ("calendar", "日历")
FOLLOWERS_WORDS = ("followers", "粉丝")
T = TypeVar("T")


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
        image = await self.in_worker(calendar_png, caller.profile, caller.today, caller.lang)
        await _photo(update, image, render.calendar_caption(caller.lang))

    async def _followers(self, update: Update, caller: Caller, platform: str | None) -> None:
        image = await self.in_worker(
            followers_png, caller.profile, platform, caller.today, caller.zone.tz, caller.lang
        )
        if image is None:
            raise InputError("chart.no_followers")
        await _photo(update, image, render.followers_caption(caller.lang))

    # --- /insights ------------------------------------------------------------------------------

    async def insights(self, update: Update, caller: Caller, args: str) -> None:
        text = await self.in_worker(
            personal_text, caller.profile, caller.today, caller.zone.tz, caller.lang
        )
        await answer(update, text)

    async def room_view(self, update: Update, room: Room, args: str) -> None:
        """The room's view, built only from what each member shares."""
        text = await self.in_worker(
            room_text, room.chat_id, room.group.title, room.today, room.lang
        )
        if text is None:
            raise InputError("room.no_members")
        await answer(update, text)


# The jobs: each reads what it needs itself, in the worker process, and returns plain values.


async def calendar_png(store: Store, profile: Profile, today: date, lang: Language) -> bytes:
    activity = await store.posts.activity(profile.user_id)
    rests = frozenset(await store.rest_days.all(profile.user_id))
    posted = {a.day: a.posts for a in activity}
    frozen = frozen_days(posted, rests, profile.rest_days_per_week, today)
    return draw_calendar(render_charts.calendar_chart(lang, posted, rests, frozen, today))


async def followers_png(
    store: Store, profile: Profile, platform: str | None, today: date, tz: tzinfo, lang: Language
) -> bytes | None:
    """The follower chart; None when there are no counts to draw."""
    uid = profile.user_id
    history = await store.followers.history(uid)
    counts = [c for c in history if platform is None or c.platform == platform]
    if not counts:
        return None
    scored = await store.posts.scored_between(uid, counts[0].local_date, today)
    posts = [s.post for s in scored if platform is None or s.post.platform == platform]
    program = await store.programs.latest(uid)
    since = program.start_date if program is not None else today
    goal = _goal_for(goal_level(goals_of(profile), history, since, today), history, platform)
    return draw_followers(render_charts.followers_chart(lang, counts, posts, goal, tz))


def _goal_for(
    goal: GoalLevel | None, history: list[FollowerCount], platform: str | None
) -> GoalLevel | None:
    """The goal, when the chart shows what it measures: its own platform's chart, or for a goal
    across platforms, a chart of them all (or of the only one there is)."""
    if goal is None or platform is None or goal.platform == platform:
        return goal
    only = {c.platform for c in history} == {platform}
    return goal if goal.platform is None and only else None


async def personal_text(
    store: Store, profile: Profile, today: date, tz: tzinfo, lang: Language
) -> str:
    uid = profile.user_id
    program = await store.programs.latest(uid)
    counts = await store.followers.history(uid)
    scored = await store.posts.scored_between(uid, date.min, date.max)
    activity = await store.posts.activity(uid)
    rests = await store.rest_days.all(uid)
    start = program.start_date if program is not None else None
    found = personal_insights(profile, today, tz, counts, scored, activity, rests, start)
    return render.personal_view(lang, found, profile.hit_threshold)


async def room_text(
    store: Store, chat_id: int, title: str, today: date, lang: Language
) -> str | None:
    """The room's view; None when it has no members."""
    members = await store.rooms.room_members(chat_id, posts=True)
    if not members:
        return None
    shared = [s for m in members if (s := shared_history(m)) is not None]
    return render.room_view(lang, title, room_insights(shared, today))


async def _photo(update: Update, image: bytes, caption: str) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_photo(InputFile(image, filename="chart.png"), caption=caption)
