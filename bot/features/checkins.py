"""Check-ins: /post, /undo, /followers, /metrics — the inputs a creator logs every day."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.domain.errors import InputError
from bot.domain.models import Language, Metrics, Post, PostDraft
from bot.domain.parsing import (
    parse_followers,
    parse_metrics,
    parse_platform,
    parse_post,
    parse_quick_metrics,
    split_words,
)
from bot.domain.progress import follower_change
from bot.features.base import AnyHandler, Caller, answer, command, legacy_button, standing_of
from bot.render import format as fmt
from bot.render.keyboards import platform_picker, undo_confirm
from bot.services import Services
from bot.services.posting import PostLog
from bot.texts import h, t

UNDO_WINDOW = timedelta(hours=24)
YESTERDAY_WORDS = ("yesterday", "昨天", "y")


class Checkins:
    def __init__(self, services: Services, posts: PostLog) -> None:
        self.services = services
        self.store = services.store
        self.posts = posts

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "post", self.post, usage="post"),
            command(s, "undo", self.undo, usage="undo"),
            command(s, "followers", self.followers, usage="followers"),
            command(s, "metrics", self.metrics, usage="metrics"),
            legacy_button(s, "post", self.post_button),
            legacy_button(s, "undo", self.undo_button),
        ]

    async def post(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        if not words or (len(words) == 1 and words[0].casefold() in YESTERDAY_WORDS):
            await self._offer_platforms(update, caller, yesterday=bool(words))
            return
        await self._log(update, caller, parse_post(args))

    async def _offer_platforms(self, update: Update, caller: Caller, yesterday: bool) -> None:
        latest = await self.store.posts.latest(caller.user_id)
        # The buttons carry the latest post number they were offered after, so a double tap (or an
        # old picker tapped again) cannot log the same post twice.
        seen = latest.number if latest else 0
        keyboard = platform_picker(caller.lang, caller.profile.platforms, yesterday, seen)
        key = "post.pick_platform_yesterday" if yesterday else "post.pick_platform"
        await answer(update, t(caller.lang, key), keyboard)

    async def post_button(self, update: Update, caller: Caller, args: str) -> None:
        key, _, rest = args.partition("|")
        when, _, seen = rest.partition("|")
        if not key or when not in ("t", "y"):
            raise InputError("error.button_expired")
        latest = await self.store.posts.latest(caller.user_id)
        if seen != str(latest.number if latest else 0):
            raise InputError("post.picker_used")
        await self._log(update, caller, PostDraft(parse_platform(key).key, yesterday=when == "y"))

    async def _log(self, update: Update, caller: Caller, draft: PostDraft) -> None:
        post = await self.posts.log(caller.profile, draft, caller.now, caller.today)
        now = await standing_of(self.services, caller)
        lang = caller.lang
        await answer(
            update,
            t(
                lang,
                "post.logged_yesterday" if draft.yesterday else "post.logged",
                label=fmt.post_label(lang, post),
                tags=h(lang, "post.tags", tags=" ".join(f"#{tag}" for tag in post.tags))
                if post.tags
                else "",
                today=h(lang, "post.today_count", count=now.posts_today),
                streak=h(lang, "streak.days", count=now.streak.current),
                month=t(
                    lang,
                    "post.month_progress",
                    done=now.month_days_posted,
                    target=now.month_target_days,
                    bar=fmt.bar(now.month_days_posted, now.month_target_days),
                ),
            ),
        )

    async def undo(self, update: Update, caller: Caller, args: str) -> None:
        post = await self._undoable(caller)
        await answer(
            update,
            t(caller.lang, "undo.confirm", label=fmt.post_label(caller.lang, post)),
            undo_confirm(caller.lang, post.post_id),
        )

    async def _undoable(self, caller: Caller, post_id: int | None = None) -> Post:
        latest = await self.store.posts.latest(caller.user_id)
        if latest is None or caller.now - latest.logged_at > UNDO_WINDOW:
            raise InputError("undo.nothing")
        if post_id is not None and latest.post_id != post_id:
            raise InputError("undo.stale")
        return latest

    async def undo_button(self, update: Update, caller: Caller, args: str) -> None:
        if args == "keep":
            await answer(update, t(caller.lang, "undo.kept"))
            return
        if not (args.isascii() and args.isdigit()):
            raise InputError("error.button_expired")
        post = await self._undoable(caller, int(args))
        await self.store.posts.delete(caller.user_id, post.post_id)
        now = await standing_of(self.services, caller)
        await answer(
            update,
            t(
                caller.lang,
                "undo.done",
                label=fmt.post_label(caller.lang, post),
                streak=h(caller.lang, "streak.days", count=now.streak.current),
            ),
        )

    async def followers(self, update: Update, caller: Caller, args: str) -> None:
        reading = parse_followers(args)
        history = await self.store.followers.record(
            caller.user_id, reading.platform, reading.count, caller.now, caller.today
        )
        change = follower_change(history, reading.platform)
        lang = caller.lang
        lines = [
            t(
                lang,
                "followers.recorded",
                platform=fmt.platform_name(lang, change.platform),
                count=fmt.number(change.count),
            )
        ]
        if change.since_previous is None:
            lines.append(t(lang, "followers.first"))
        else:
            lines.append(
                t(
                    lang,
                    "followers.since_previous",
                    change=fmt.signed(change.since_previous),
                    date=str(change.previous_date),
                )
            )
            lines.append(
                t(
                    lang,
                    "followers.since_first",
                    change=fmt.signed(change.since_first or 0),
                    date=str(change.first_date),
                )
            )
        lines.append(
            t(
                lang,
                "followers.total",
                total=fmt.number(change.total),
                change=fmt.signed(change.total_since_first),
            )
        )
        await answer(update, "\n".join(lines))

    async def metrics(self, update: Update, caller: Caller, args: str) -> None:
        request = parse_metrics(args)
        if request.ref.number is None:
            post = await self.store.posts.latest(caller.user_id)
            if post is None:
                raise InputError("metrics.no_posts")
        else:
            post = await self.store.posts.by_number(caller.user_id, request.ref.number)
            if post is None:
                raise InputError("metrics.no_post", number=request.ref.number)
        await self._record_metrics(update, caller, post, request.metrics)

    async def metrics_answer(self, update: Update, caller: Caller, post_id: str, text: str) -> None:
        """The typed answer to a follow-up's "enter numbers": `12 80 1500` or `saves=12 …`."""
        post = (
            await self.store.posts.by_id(caller.user_id, int(post_id))
            if post_id.isdigit()
            else None
        )
        if post is None:
            raise InputError("followup.post_gone")
        await self._record_metrics(update, caller, post, parse_quick_metrics(text))

    async def _record_metrics(
        self, update: Update, caller: Caller, post: Post, reading: Metrics
    ) -> None:
        threshold = caller.profile.hit_threshold
        merged, became_hit = await self.store.posts.record_metrics(
            post, reading, threshold, caller.now, caller.today
        )
        lang = caller.lang
        lines = [
            t(lang, "metrics.recorded", label=fmt.post_label(lang, post)),
            _metrics_line(lang, merged),
        ]
        saves = merged.saves
        if became_hit:
            lines.append(t(lang, "metrics.hit", saves=saves, threshold=threshold))
        elif saves is not None and saves >= threshold:
            lines.append(t(lang, "metrics.still_hit"))
        elif saves is not None:
            lines.append(t(lang, "metrics.to_hit", count=threshold - saves, threshold=threshold))
        await answer(update, "\n".join(lines))


def _metrics_line(lang: Language, metrics: Metrics) -> str:
    return " · ".join(
        t(lang, f"metric.{name}", value=fmt.number(value))
        for name, value in metrics.given().items()
    )
