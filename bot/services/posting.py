"""Logging a post, the same from a private chat and from a room."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.domain.errors import InputError
from bot.domain.models import Post, PostDraft, Profile
from bot.domain.schedule import followup_at, plan_of
from bot.store import Store
from bot.store.checkins import Footing
from bot.store.posts import DuplicatePostError, MessageRef
from bot.store.usage import DailyCap, DailyKind, DailyLimitError


class PostLog:
    def __init__(self, store: Store, per_day: int) -> None:
        self.store = store
        self.per_day = per_day  # posts one user may log in their local day

    async def log(
        self,
        profile: Profile,
        draft: PostDraft,
        now: datetime,
        today: date,
        source: MessageRef | None = None,
    ) -> tuple[Post, Footing]:
        """Store a post on `today` (or the day before, for a draft marked yesterday); `source` is
        the `/post` message it came from (an edit of it corrects the post). Returns it with the
        user's footing after it, read in the same unit of work (and nudges go back to daily)."""
        day = today - timedelta(days=1) if draft.yesterday else today
        # Counted on the day it is logged (today, even for yesterday's post), with the post.
        cap = DailyCap(DailyKind.POSTS, today, self.per_day)
        # ~24 h later, ask how it is doing: that is how hits get noticed.
        # (Only where the bot can write to them: not to someone who has only used a room.)
        asking = profile.followups_on and profile.private_chat
        ask_at = followup_at(now, 1, plan_of(profile)) if asking else None
        try:
            logged = await self.store.checkins.post(
                profile.user_id, draft, now, day, ask_at, source, cap
            )
        except DuplicatePostError as duplicate:
            raise InputError("post.duplicate", number=duplicate.number) from None
        except DailyLimitError:
            raise InputError(
                "limit.posts_per_day",
                limit=self.per_day,
                count=self.per_day,
                day_start=f"{profile.day_start:%H:%M}",
            ) from None
        return logged

    async def correct(self, post: Post, draft: PostDraft) -> Post:
        """An edit of the `/post` message: new link, title and tags; the platform stays."""
        if draft.platform != post.platform:
            raise InputError("post.edit_platform", number=post.number)
        try:
            return await self.store.posts.correct(post, draft)
        except DuplicatePostError as duplicate:
            raise InputError("post.duplicate", number=duplicate.number) from None
