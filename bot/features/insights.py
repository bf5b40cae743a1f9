"""Insights you can see: /chart and /insights (private and in a room)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from telegram import InputFile, Update

from bot.domain.errors import InputError
from bot.domain.insights import (
    Attribution,
    Gain,
    attribute_followers,
    best_time,
    habit_strength,
    hit_rates,
    niche_share,
    project_followers,
    weekly_days,
)
from bot.domain.models import Language
from bot.domain.parsing import parse_platform, split_words
from bot.domain.program import goals_of
from bot.domain.progress import this_month
from bot.features.base import (
    AnyHandler,
    Caller,
    Room,
    answer,
    command,
    group_command,
)
from bot.render import format as fmt
from bot.render.charts import (
    ChartLabels,
    calendar_figure,
    followers_figure,
    png,
)
from bot.services import Services
from bot.texts import t

SPARKS = "▁▂▃▄▅▆▇█"
LIST_LIMIT = 5  # rows per ranking: a phone screen, not a report


class Insights:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.store = services.store

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "chart", self.chart, usage="chart"),
            command(s, "insights", self.insights),
            group_command(s, "insights", self.room_insights, as_person=False),
        ]

    # --- charts ---------------------------------------------------------------------------------

    async def chart(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        if not words or words[0].casefold() not in ("followers", "calendar", "粉丝", "日历"):
            raise InputError("error.chart_which")
        lang = caller.lang
        if words[0].casefold() in ("calendar", "日历"):
            if len(words) > 1:
                raise InputError("error.chart_which")
            activity = await self.store.posts.activity(caller.user_id)
            rests = set(await self.store.rest_days.all(caller.user_id))
            labels = ChartLabels(
                title=t(lang, "chart.calendar_title"),
                weekdays=t(lang, "chart.weekdays").split(),
            )
            posted = {a.day: a.posts for a in activity}
            image = await asyncio.to_thread(
                lambda: png(calendar_figure(posted, rests, caller.today, labels))
            )
            await _photo(update, image, t(lang, "chart.calendar_caption"))
            return
        if len(words) > 2:
            raise InputError("error.chart_which")
        platform = parse_platform(words[1]).key if len(words) == 2 else None
        counts = await self.store.followers.history(caller.user_id)
        counts = [c for c in counts if platform is None or c.platform == platform]
        if not counts:
            raise InputError("chart.no_followers")
        tz = caller.zone.tz
        series: dict[str, list[tuple[datetime, int]]] = {}
        for c in counts:
            name = fmt.platform_name(lang, c.platform)
            series.setdefault(name, []).append((c.recorded_at.astimezone(tz), c.count))
        posts = await self.store.posts.scored_between(
            caller.user_id, counts[0].local_date, caller.today
        )
        posts = [p for p in posts if platform is None or p.post.platform == platform]
        labels = ChartLabels(
            title=t(lang, "chart.followers_title"),
            followers=t(lang, "chart.followers_axis"),
            posts=t(lang, "chart.posts_legend"),
            hits=t(lang, "chart.hits_legend"),
        )
        post_times = [p.post.logged_at.astimezone(tz) for p in posts]
        hit_times = [p.post.logged_at.astimezone(tz) for p in posts if p.post.hit_date]
        image = await asyncio.to_thread(
            lambda: png(followers_figure(series, post_times, hit_times, labels))
        )
        await _photo(update, image, t(lang, "chart.followers_caption"))

    # --- /insights ------------------------------------------------------------------------------

    async def insights(self, update: Update, caller: Caller, args: str) -> None:
        lang, uid, today = caller.lang, caller.user_id, caller.today
        profile = caller.profile
        counts = await self.store.followers.history(uid)
        scored = await self.store.posts.scored_between(uid, date.min, date.max)
        posts = [s.post for s in scored]
        activity = await self.store.posts.activity(uid)
        rests = await self.store.rest_days.all(uid)
        lines = [t(lang, "insights.heading"), "", t(lang, "insights.followers_heading")]
        lines += _attribution_lines(lang, attribute_followers(counts, posts))
        tags, platforms = hit_rates(posts)
        lines += ["", t(lang, "insights.hits_heading", threshold=profile.hit_threshold)]
        rates = [("#" + r.key, r) for r in tags[:LIST_LIMIT]]
        rates += [(fmt.platform_name(lang, r.key), r) for r in platforms[:LIST_LIMIT]]
        lines += [
            t(lang, "insights.hit_rate", name=name, hits=r.hits, posts=r.posts, percent=r.percent)
            for name, r in rates
        ] or [t(lang, "insights.too_little")]
        best = best_time(scored, caller.zone.tz)
        lines += ["", t(lang, "insights.time_heading")]
        if best.weekday is None and best.hour is None:
            lines.append(t(lang, "insights.too_little"))
        if best.weekday is not None:
            day_name = t(lang, "chart.weekdays").split()[best.weekday]
            lines.append(
                t(lang, "insights.best_day", day=day_name, saves=f"{best.weekday_saves:.1f}")
            )
        if best.hour is not None:
            lines.append(
                t(
                    lang,
                    "insights.best_hour",
                    hour=f"{best.hour:02d}:00",
                    saves=f"{best.hour_saves:.1f}",
                )
            )
        month = this_month(today)
        last = this_month(month.start - timedelta(days=1))
        now_share = niche_share((p for p in posts if p.local_date in month), profile.niche_tags)
        then_share = niche_share((p for p in posts if p.local_date in last), profile.niche_tags)
        lines += ["", t(lang, "insights.niche_heading")]
        if not profile.niche_tags:
            lines.append(t(lang, "review.niche_unset").removeprefix("• "))
        else:
            lines.append(
                t(lang, "insights.niche", now=_percent(now_share), then=_percent(then_share))
            )
        weeks = weekly_days((a.day for a in activity), today)
        start = min([a.day for a in activity] + [today])
        strength = habit_strength(
            (a.day for a in activity), rests, start, today, profile.posting_days_per_week
        )
        lines += [
            "",
            t(lang, "insights.consistency_heading"),
            t(lang, "insights.weeks", spark=_spark(weeks), days=" ".join(map(str, weeks))),
            t(lang, "insights.habit", score=strength),
        ]
        lines += ["", t(lang, "insights.projection_heading")]
        goals = goals_of(profile)
        readings = _total_readings(counts, goals.follower_platform)
        projection = project_followers(readings, goals.follower_target, today)
        if projection is None:
            lines.append(
                t(lang, "insights.no_projection", target=fmt.number(goals.follower_target))
            )
        else:
            lines.append(
                t(
                    lang,
                    "insights.projection",
                    current=fmt.number(projection.current),
                    target=fmt.number(projection.target),
                    pace=f"{projection.per_day:+.1f}",
                    earliest=projection.earliest,
                    latest=projection.latest,
                )
            )
        await answer(update, "\n".join(lines))

    async def room_insights(self, update: Update, room: Room, args: str) -> None:
        """The room's view, built only from what each member shares."""
        lang = room.lang
        today = room.today
        members = await self.store.rooms.members(room.chat_id)
        if not members:
            raise InputError("room.no_members")
        weeks = [0] * 8
        shared_posts = []
        shared_counts = []
        for member in members:
            profile = await self.store.users.get(member.user_id)
            if profile is None or not profile.sharing.posts:
                continue
            activity = await self.store.posts.activity(member.user_id)
            weeks = [
                a + b
                for a, b in zip(weeks, weekly_days((x.day for x in activity), today), strict=True)
            ]
            scored = await self.store.posts.scored_between(member.user_id, date.min, date.max)
            shared_posts += [s.post for s in scored]
            if profile.sharing.followers:
                shared_counts += await self.store.followers.history(member.user_id)
        _, platforms = hit_rates(shared_posts)
        lines = [
            t(lang, "insights.room_heading", title=room.group.title),
            t(lang, "insights.room_weeks", spark=_spark(weeks), days=" ".join(map(str, weeks))),
            "",
            t(lang, "insights.followers_heading"),
        ]
        lines += _attribution_lines(lang, attribute_followers(shared_counts, shared_posts))
        lines += ["", t(lang, "insights.room_hits_heading")]
        lines += [
            t(lang, "insights.hit_rate", name=fmt.platform_name(lang, r.key), hits=r.hits,
              posts=r.posts, percent=r.percent)
            for r in platforms[:LIST_LIMIT]
        ] or [t(lang, "insights.too_little")]  # fmt: skip
        lines += ["", t(lang, "insights.room_privacy")]
        await answer(update, "\n".join(lines))


async def _photo(update: Update, image: bytes, caption: str) -> None:
    message = update.effective_message
    assert message is not None
    await message.reply_photo(InputFile(image, filename="chart.png"), caption=caption)


def _attribution_lines(lang: Language, attribution: Attribution) -> list[str]:
    if not attribution.enough:
        return [t(lang, "insights.followers_too_little")]

    def line(name: str, gain: Gain) -> str:
        return t(
            lang, "insights.gain", name=name, per_post=f"{gain.per_post:+.1f}", posts=gain.posts
        )

    lines = [line("#" + g.key, g) for g in attribution.by_tag[:LIST_LIMIT]]
    lines += [line(fmt.platform_name(lang, g.key), g) for g in attribution.by_platform[:LIST_LIMIT]]
    return lines or [t(lang, "insights.followers_too_little")]


def _spark(values: list[int]) -> str:
    top = max(values) or 1
    return "".join(SPARKS[round(v / top * (len(SPARKS) - 1))] for v in values)


def _percent(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def _total_readings(counts: list[Any], platform: str | None) -> list[tuple[datetime, int]]:
    """Followers over time, total across platforms (each platform's latest count so far) or one
    platform's own counts."""
    latest: Counter[str] = Counter()
    readings = []
    for count in sorted(counts, key=lambda c: c.recorded_at):
        if platform is not None and count.platform != platform:
            continue
        latest[count.platform] = count.count
        readings.append((count.recorded_at, sum(latest.values())))
    return readings
