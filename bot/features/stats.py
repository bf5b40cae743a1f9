"""Looking back: /today, /streak, /progress (this week and this month)."""

from __future__ import annotations

from telegram import Update

from bot.domain.progress import month_target_days, period_progress, this_month, this_week
from bot.domain.streaks import compute_streak, frozen_days
from bot.features.base import Caller, Feature, answer, command, standing_on
from bot.features.commands import AnyHandler
from bot.render import stats as render

TODAY_LIST_LIMIT = 20


class Stats(Feature):
    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "today", self.today, menu="menu.today"),
            command(s, "streak", self.streak, menu="menu.streak"),
            command(s, "progress", self.progress, menu="menu.progress"),
        ]

    async def today(self, update: Update, caller: Caller, args: str) -> None:
        footing, listed = await self.store.checkins.day(
            caller.user_id, caller.today, TODAY_LIST_LIMIT
        )
        now = standing_on(footing, caller)
        text = render.today_view(
            caller.lang, caller.today, now.posts_today, listed, now.streak.current
        )
        await answer(update, text)

    async def streak(self, update: Update, caller: Caller, args: str) -> None:
        days = {a.day for a in await self.store.posts.activity(caller.user_id)}
        rests = set(await self.store.rest_days.all(caller.user_id))
        allowance = caller.profile.rest_days_per_week
        streak = compute_streak(days, caller.today, rests, allowance)
        frozen = frozen_days(days, rests, allowance, caller.today)
        text = render.streak_view(caller.lang, streak, days, caller.today, rests, frozen)
        await answer(update, text)

    async def progress(self, update: Update, caller: Caller, args: str) -> None:
        activity = await self.store.posts.activity(caller.user_id)
        hits = await self.store.posts.hit_dates(caller.user_id)
        counts = await self.store.followers.history(caller.user_id)
        per_week = caller.profile.posting_days_per_week
        week = period_progress(this_week(caller.today), activity, hits, counts, per_week)
        month_target = month_target_days(caller.today, per_week)
        month = period_progress(this_month(caller.today), activity, hits, counts, month_target)
        rests = await self.store.rest_days.all(caller.user_id)
        streak = compute_streak(
            (a.day for a in activity), caller.today, rests, caller.profile.rest_days_per_week
        )
        await answer(update, render.progress_view(caller.lang, week, month, streak))
