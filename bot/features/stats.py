"""Looking back: /today, /streak, /progress (this week and this month)."""

from __future__ import annotations

from telegram import Update

from bot.domain.models import Language
from bot.domain.progress import (
    PeriodProgress,
    month_target_days,
    period_progress,
    this_month,
    this_week,
)
from bot.domain.streaks import compute_streak
from bot.features.base import AnyHandler, Caller, answer, command, standing_of
from bot.render import format as fmt
from bot.services import Services
from bot.texts import Html, h, t

TODAY_LIST_LIMIT = 20


class Stats:
    def __init__(self, services: Services) -> None:
        self.store = services.store
        self.services = services

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "today", self.today),
            command(s, "streak", self.streak),
            command(s, "progress", self.progress),
        ]

    async def today(self, update: Update, caller: Caller, args: str) -> None:
        lang = caller.lang
        now = await standing_of(self.services, caller)
        lines = [t(lang, "today.heading", date=caller.today.isoformat())]
        if now.posts_today == 0:
            lines.append(t(lang, "today.nothing"))
        else:
            posts = await self.store.posts.on_date(caller.user_id, caller.today, TODAY_LIST_LIMIT)
            lines.append(t(lang, "today.count", count=now.posts_today))
            lines.extend(f"• {fmt.post_label(lang, p)}" for p in posts)
            if now.posts_today > len(posts):
                lines.append(t(lang, "today.more", count=now.posts_today - len(posts)))
        lines.append(
            t(lang, "today.streak", streak=h(lang, "streak.days", count=now.streak.current))
        )
        await answer(update, "\n".join(lines))

    async def streak(self, update: Update, caller: Caller, args: str) -> None:
        lang = caller.lang
        days = {a.day for a in await self.store.posts.activity(caller.user_id)}
        rests = set(await self.store.rest_days.all(caller.user_id))
        streak = compute_streak(days, caller.today, rests)
        key = (
            "streak.alive_today"
            if streak.posted_today
            else ("streak.keep_alive" if streak.current else "streak.start")
        )
        await answer(
            update,
            "\n".join(
                (
                    t(lang, "streak.current", streak=h(lang, "streak.days", count=streak.current)),
                    t(lang, "streak.best", streak=h(lang, "streak.days", count=streak.best)),
                    fmt.day_strip(days, caller.today, rests),
                    t(lang, key),
                )
            ),
        )

    async def progress(self, update: Update, caller: Caller, args: str) -> None:
        lang = caller.lang
        activity = await self.store.posts.activity(caller.user_id)
        hits = await self.store.posts.hit_dates(caller.user_id)
        counts = await self.store.followers.history(caller.user_id)
        per_week = caller.profile.posting_days_per_week
        week = period_progress(this_week(caller.today), activity, hits, counts, per_week)
        month = period_progress(
            this_month(caller.today),
            activity,
            hits,
            counts,
            month_target_days(caller.today, per_week),
        )
        rests = await self.store.rest_days.all(caller.user_id)
        streak = compute_streak((a.day for a in activity), caller.today, rests)
        await answer(
            update,
            "\n\n".join(
                (
                    _period_block(lang, "progress.week", week),
                    _period_block(lang, "progress.month", month),
                    t(
                        lang,
                        "progress.streaks",
                        current=h(lang, "streak.days", count=streak.current),
                        best=h(lang, "streak.days", count=streak.best),
                    ),
                )
            ),
        )


def _period_block(lang: Language, heading: str, p: PeriodProgress) -> str:
    growth: str | Html = (
        fmt.signed(p.follower_change)
        if p.follower_change is not None
        else h(lang, "progress.no_follower_data")
    )
    return t(
        lang,
        "progress.block",
        heading=h(lang, heading, start=p.period.start.isoformat(), end=p.period.end.isoformat()),
        posts=p.posts,
        days=p.days_posted,
        target=p.target_days,
        bar=fmt.bar(p.days_posted, p.target_days),
        growth=growth,
        hits=p.hits,
    )
