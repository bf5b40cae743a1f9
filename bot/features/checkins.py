"""Check-ins: /post (or a post link sent as a message), /undo, /followers, /metrics — the inputs
a creator logs every day."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, MessageHandler, filters

from bot.domain.checkin_input import (
    YESTERDAY_WORDS,
    parse_followers,
    parse_metrics,
    parse_post,
    parse_quick_metrics,
    parse_shared,
)
from bot.domain.errors import InputError
from bot.domain.follower_checks import implausible_jump
from bot.domain.hits import hit_standing
from bot.domain.models import Language, Metrics, Post, PostDraft
from bot.domain.parsing import parse_platform, split_words
from bot.domain.progress import follower_change, previous_count
from bot.domain.share_text import DECLINED, ShareChoice, days_back
from bot.features.base import (
    Caller,
    Feature,
    answer,
    button,
    command,
    enter_room,
    identify,
    source_of,
    standing_of,
    standing_on,
)
from bot.features.commands import AnyContext, AnyHandler, command_args, spoken_command
from bot.render import checkins as render
from bot.render.checkins import CountCheck, CountChoice, PostPick, ShareAnswer, UndoPress, When
from bot.services import Services
from bot.services.posting import PostLog
from bot.store.posts import MessageRef
from bot.store.usage import DailyCap, DailyKind, DailyLimitError


class Checkins(Feature):
    def __init__(self, services: Services, posts: PostLog) -> None:
        super().__init__(services)
        self.posts = posts

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "post", self.post, usage="post", menu="menu.post"),
            command(s, "undo", self.undo, usage="undo", menu="menu.undo"),
            command(s, "followers", self.followers, usage="followers", menu="menu.followers"),
            command(s, "metrics", self.metrics, usage="metrics", menu="menu.metrics"),
            button(s, PostPick, self.post_button),
            button(s, ShareAnswer, self.share_button),
            button(s, UndoPress, self.undo_button),
            button(s, CountCheck, self.count_button),
        ]

    async def post(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        if not words or (len(words) == 1 and words[0].casefold() in YESTERDAY_WORDS):
            await self._offer_platforms(update, caller, yesterday=bool(words))
            return
        await self._log(update, caller, parse_post(args), source_of(update))

    async def _offer_platforms(self, update: Update, caller: Caller, yesterday: bool) -> None:
        # The buttons carry the latest post number they were offered after, so a double tap (or an
        # old picker tapped again) cannot log the same post twice.
        seen = await self._latest_number(caller)
        keyboard = render.platform_picker(caller.lang, caller.profile.platforms, yesterday, seen)
        await answer(update, render.pick_platform(caller.lang, yesterday), keyboard)

    async def _latest_number(self, caller: Caller) -> int:
        latest = await self.store.posts.latest(caller.user_id)
        return latest.number if latest else 0

    async def post_button(self, update: Update, caller: Caller, pressed: PostPick) -> None:
        if not pressed.still_fresh(await self._latest_number(caller)):
            raise InputError("post.picker_used")
        draft = PostDraft(
            parse_platform(pressed.platform).key, yesterday=pressed.when is When.YESTERDAY
        )
        await self._log(update, caller, draft)

    async def _log(
        self, update: Update, caller: Caller, draft: PostDraft, source: MessageRef | None = None
    ) -> Post:
        post, footing = await self.posts.log(
            caller.profile, draft, caller.now, caller.today, source
        )
        now = standing_on(footing, caller)
        await answer(update, render.post_logged(caller.lang, post, draft, now))
        return post

    def edit_handler(self) -> AnyHandler:
        """Edited messages, before any other handler (see app.py): commands answer new messages
        only; an edit of a `/post` the bot logged corrects that post."""
        return MessageHandler(filters.UpdateType.EDITED_MESSAGE, self.edited)

    async def edited(self, update: Update, context: AnyContext) -> None:
        """The post logged from the edited message takes its new link, title and tags, and the
        reply says so (a refused edit says why and that the post stands). Any other edit is
        ignored: it was answered when it was new."""
        message, source = update.edited_message, source_of(update)
        editor = message.from_user if message is not None else None
        post = await self.store.posts.by_source(source) if source is not None else None
        if post is None or editor is None or post.user_id != editor.id:
            raise ApplicationHandlerStop
        lang, usage = await self._edit_language(update)
        try:
            if spoken_command(update)[0] != "post":
                raise InputError("error.post_missing_platform")
            corrected = await self.posts.correct(post, parse_post(command_args(update)))
        except InputError as error:
            await answer(update, render.edit_refused(lang, post.number, error, usage))
        else:
            await answer(update, render.post_corrected(lang, corrected))
        raise ApplicationHandlerStop

    async def _edit_language(self, update: Update) -> tuple[Language, str]:
        """Who answers an edit: the user in private, the room in a group; and the usage shown."""
        chat = update.effective_chat
        if chat is not None and chat.type == ChatType.PRIVATE:
            assert update.effective_user is not None
            return (await identify(self.services, update.effective_user)).lang, "post"
        return (await enter_room(self.services, update)).lang, "group_post"

    async def shared_link(self, update: Update, caller: Caller, text: str) -> bool:
        """A plain message with a post link (a share from the app): ask before logging it.
        False when the message is not one, so the caller answers it otherwise."""
        draft = parse_shared(text)
        if draft is None:
            return False
        share_id = await self.store.shared_links.add(caller.user_id, text, caller.today, caller.now)
        await answer(update, *render.share_question(caller.lang, share_id, draft))
        return True

    async def share_button(self, update: Update, caller: Caller, pressed: ShareAnswer) -> None:
        shared = await self.store.shared_links.get(caller.user_id, pressed.share)
        draft = None if shared is None else parse_shared(shared.text)
        if shared is None or draft is None:
            raise InputError("error.button_expired")
        if shared.answer == DECLINED:
            raise InputError("post.share_declined_before")
        if shared.answer is not None:
            raise InputError("post.share_already", number=shared.answer)
        if pressed.choice is ShareChoice.NO:
            await self.store.shared_links.answer(caller.user_id, shared.share_id, DECLINED)
            await answer(update, render.share_declined(caller.lang))
            return
        back = days_back(shared.shared_on, caller.today, pressed.choice)
        if back > 1:
            raise InputError("post.share_too_old", date=str(shared.shared_on))
        post = await self._log(update, caller, replace(draft, yesterday=back == 1))
        await self.store.shared_links.answer(caller.user_id, shared.share_id, str(post.number))

    async def undo(self, update: Update, caller: Caller, args: str) -> None:
        entry = await self.store.entries.latest(caller.user_id)
        if entry is None or not entry.undoable(caller.now):
            raise InputError("undo.nothing")
        await answer(
            update,
            render.undo_question(caller.lang, entry, caller.zone.tz, caller.today),
            render.undo_confirm(caller.lang, entry),
        )

    async def undo_button(self, update: Update, caller: Caller, pressed: UndoPress) -> None:
        if pressed.keeps:
            await answer(update, render.undo_kept(caller.lang))
            return
        latest = await self.store.entries.latest(caller.user_id)
        if latest is None or not pressed.is_for(latest):
            # Gone (a second press, or never this user's) or no longer the most recent entry.
            if not await self.store.entries.exists(caller.user_id, pressed.entry_id):
                raise InputError("undo.already")
            raise InputError("undo.nothing" if latest is None else "undo.stale")
        if not latest.undoable(caller.now):
            raise InputError("undo.nothing")
        await self.store.entries.undo(caller.user_id, latest)
        now = await standing_of(self.services, caller)
        await answer(update, render.undo_done(caller.lang, latest, now.streak.current))

    async def followers(self, update: Update, caller: Caller, args: str) -> None:
        reading = parse_followers(args)
        history = await self.store.followers.history(caller.user_id)
        previous = previous_count(history, reading.platform, caller.today)
        jump = implausible_jump(previous, reading.count)
        if jump is not None:  # nothing is stored until the user confirms
            await answer(update, *render.count_check(caller.lang, reading.platform, jump))
            return
        await self._store_count(update, caller, reading.platform, reading.count)

    async def count_button(self, update: Update, caller: Caller, pressed: CountCheck) -> None:
        key = parse_platform(pressed.platform).key
        if pressed.choice is CountChoice.CANCEL:
            await answer(update, render.count_not_stored(caller.lang))
            return
        history = await self.store.followers.history(caller.user_id)
        today = [c.count for c in history if c.platform == key and c.local_date == caller.today]
        if today == [pressed.count]:
            raise InputError("followers.already")  # a second press: it is stored
        await self._store_count(update, caller, key, pressed.count)

    async def _store_count(self, update: Update, caller: Caller, key: str, count: int) -> None:
        limit = self.services.settings.follower_counts_per_day
        cap = DailyCap(DailyKind.FOLLOWER_COUNTS, caller.today, limit)
        try:
            recorded = await self.store.followers.record(
                caller.user_id, key, count, caller.now, caller.today, cap
            )
        except DailyLimitError:
            day_start = f"{caller.profile.day_start:%H:%M}"
            raise InputError(
                "limit.counts_per_day", limit=limit, count=limit, day_start=day_start
            ) from None
        change = follower_change(recorded.history, key)
        await answer(update, render.followers_recorded(caller.lang, change, recorded.replaced))

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
        hit = hit_standing(merged.saves, threshold, became_hit)
        await answer(update, render.metrics_recorded(caller.lang, post, merged, hit))
