"""What check-ins say: the post picker, a logged post, a shared link, undo, a follower count, new
metrics.

Plain values in (a `Post`, a `Standing`, a `FollowerChange`, a `HitStanding`), text and keyboards
out. The buttons of the post picker and of undo are defined here, next to the keyboards that send
them; the check-in handlers import them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from enum import StrEnum
from typing import ClassVar, Self

from telegram import InlineKeyboardMarkup

from bot.domain.checkin_input import MAX_TITLE
from bot.domain.entries import Entry, EntryKind
from bot.domain.errors import InputError
from bot.domain.follower_checks import Jump
from bot.domain.hits import HitNews, HitStanding
from bot.domain.models import FollowerCount, Language, Metrics, Post, PostDraft
from bot.domain.parsing import MAX_COUNT
from bot.domain.platforms import PLATFORMS, platform
from bot.domain.progress import FollowerChange, Standing
from bot.domain.share_text import ShareChoice
from bot.render import format as fmt
from bot.render.callbacks import ButtonData, ButtonExpired, read_number
from bot.render.errors import refusal_text
from bot.render.keyboards import btn, markup, rows
from bot.texts import Html, h, t


class When(StrEnum):
    TODAY = "t"
    YESTERDAY = "y"


@dataclass(frozen=True)
class PostPick(ButtonData):
    """A platform button of the post picker.

    `seen` is the user's latest post number when the picker was offered, kept as the text it was
    sent as: a press logs only while that is still the latest, so a double tap or an old picker
    cannot log the same post twice, and any other token (forged, empty) is "already logged".
    """

    action: ClassVar[str] = "post"
    platform: str  # a platform key; an unknown one is refused like a typed one
    when: When
    seen: str

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        pressed = super().decode(args)
        if not pressed.platform:
            raise ButtonExpired(pressed.platform)
        return pressed

    @classmethod
    def offered(cls, key: str, yesterday: bool, latest_number: int) -> Self:
        return cls(key, When.YESTERDAY if yesterday else When.TODAY, str(latest_number))

    def still_fresh(self, latest_number: int) -> bool:
        return self.seen == str(latest_number)


KEEP = "keep"


@dataclass(frozen=True)
class UndoPress(ButtonData):
    """Yes or No under "Remove …?": the journal id of the entry it names, or `keep`.

    The id is kept as sent, so any number (up to `MAX_INT`) that is not the latest entry is out of
    date or already undone; anything that is not a number is expired.
    """

    action: ClassVar[str] = "undo"
    entry: str

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        pressed = super().decode(args)
        if pressed.entry != KEEP:
            read_number(pressed.entry)  # a journal id, in range, or the press is expired
        return pressed

    @property
    def keeps(self) -> bool:
        return self.entry == KEEP

    @property
    def entry_id(self) -> int:
        return int(self.entry)

    def is_for(self, entry: Entry) -> bool:
        return not self.keeps and self.entry_id == entry.entry_id


class CountChoice(StrEnum):
    STORE = "s"
    CANCEL = "c"


@dataclass(frozen=True)
class CountCheck(ButtonData):
    """A button under "Did you mean that?": store this count on this platform, or cancel."""

    action: ClassVar[str] = "fcount"
    platform: str  # a platform key; an unknown one is refused like a typed one
    count: int
    choice: CountChoice

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        pressed = super().decode(args)
        if pressed.count > MAX_COUNT:
            raise ButtonExpired(str(pressed.count))
        return pressed


@dataclass(frozen=True)
class ShareAnswer(ButtonData):
    """Log it / Yesterday / No under "Log this as today's … post?": the share it answers (the
    link itself is too long for a button, so it is kept in the store under this id)."""

    action: ClassVar[str] = "shared"
    share: int
    choice: ShareChoice


# --- /post ----------------------------------------------------------------------------------------


def pick_platform(lang: Language, yesterday: bool) -> str:
    return t(lang, "post.pick_platform_yesterday" if yesterday else "post.pick_platform")


def platform_picker(
    lang: Language, keys: Sequence[str], yesterday: bool, latest_number: int
) -> InlineKeyboardMarkup:
    """Buttons that log a post on one platform: the user's own platforms, or the common ones."""
    chosen = keys or [p.key for p in PLATFORMS if p.key != "other"]
    return markup(
        rows(
            (
                btn(platform(k).name(lang), PostPick.offered(k, yesterday, latest_number))
                for k in chosen
            ),
            3,
        )
    )


def post_logged(lang: Language, post: Post, draft: PostDraft, now: Standing) -> str:
    """The logged post and where the user stands; says so when a long caption was shortened."""
    logged = _post_logged(lang, post, draft.yesterday, now)
    if draft.title_shortened:
        return logged + "\n" + t(lang, "post.title_shortened", limit=MAX_TITLE, count=MAX_TITLE)
    return logged


def _post_logged(lang: Language, post: Post, yesterday: bool, now: Standing) -> str:
    return t(
        lang,
        "post.logged_yesterday" if yesterday else "post.logged",
        label=fmt.post_label(lang, post),
        tags=_tags(lang, post),
        today=h(lang, "post.today_count", count=now.posts_today),
        streak=h(lang, "streak.days", count=now.streak.current),
        month=_month_progress(lang, now),
    )


def post_corrected(lang: Language, post: Post) -> str:
    """An edit of the `/post` message corrected the post."""
    return t(lang, "post.corrected", label=fmt.post_label(lang, post), tags=_tags(lang, post))


def edit_refused(lang: Language, number: int, error: InputError, usage: str) -> str:
    """An edit of the `/post` message that can't be applied: why, and that the post stands."""
    refusal = refusal_text(lang, error, usage)
    return refusal + "\n\n" + t(lang, "post.edit_unchanged", number=number)


def _tags(lang: Language, post: Post) -> Html | str:
    tags = " ".join(f"#{tag}" for tag in post.tags)
    return h(lang, "post.tags", tags=tags) if post.tags else ""


def _month_progress(lang: Language, now: Standing) -> str:
    """`Program month 2: 5/26 days` while a program runs; `This month (2026-03): …` otherwise."""
    done, target = now.month_days_posted, now.month_target_days
    bar = fmt.bar(done, target)
    if now.month.program_month is not None:
        key, month = "post.program_month_progress", str(now.month.program_month)
    else:
        key, month = "post.month_progress", f"{now.month.period.start:%Y-%m}"
    return t(lang, key, month=month, done=done, target=target, bar=bar, count=target)


# --- a link sent as a message ---------------------------------------------------------------------


def share_question(
    lang: Language, share_id: int, draft: PostDraft
) -> tuple[str, InlineKeyboardMarkup]:
    """ "Log this as today's Douyin post?" with what would be logged, and the three answers."""
    what = (
        h(lang, "post.title_quoted", title=draft.title)
        if draft.title
        else fmt.short_link(draft.link or "")
    )
    text = t(lang, "post.share_ask", platform=fmt.platform_name(lang, draft.platform), what=what)
    labels = (
        ("btn.share_today", ShareChoice.TODAY),
        ("btn.share_yesterday", ShareChoice.YESTERDAY),
        ("btn.share_no", ShareChoice.NO),
    )
    return text, markup([[btn(t(lang, key), ShareAnswer(share_id, c)) for key, c in labels]])


def share_declined(lang: Language) -> str:
    return t(lang, "post.share_declined")


# --- /undo ----------------------------------------------------------------------------------------


def undo_question(lang: Language, entry: Entry, tz: tzinfo, today: date) -> str:
    """ "Remove the follower count TikTok 1,200 from 12:03?" — exactly what will go, and when it
    was entered (with the date when that was not today)."""
    local = entry.recorded_at.astimezone(tz)
    when = local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")
    return t(lang, "undo.confirm", what=_entry_name(lang, entry), time=when)


def _entry_name(lang: Language, entry: Entry) -> Html:
    match entry.kind:
        case EntryKind.POST:
            assert entry.post is not None
            return h(lang, "undo.what_post", label=fmt.post_label(lang, entry.post))
        case EntryKind.FOLLOWERS:
            assert entry.count is not None
            return h(
                lang,
                "undo.what_followers",
                platform=fmt.platform_name(lang, entry.count.platform),
                count=fmt.number(entry.count.count),
            )
        case EntryKind.METRICS:
            assert entry.post is not None
            assert entry.reading is not None
            return h(
                lang,
                "undo.what_metrics",
                numbers=metrics_line(lang, entry.reading),
                label=fmt.post_label(lang, entry.post),
            )
        case EntryKind.REST:
            return h(lang, "undo.what_rest", date=str(entry.rest_day))


def undo_confirm(lang: Language, entry: Entry) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                btn(t(lang, "btn.undo_yes"), UndoPress(str(entry.entry_id))),
                btn(t(lang, "btn.undo_no"), UndoPress(KEEP)),
            ]
        ]
    )


def undo_kept(lang: Language) -> str:
    return t(lang, "undo.kept")


def undo_done(lang: Language, entry: Entry, streak: int) -> str:
    """The streak is told when it may have changed: after taking back a post or a rest day."""
    what = _entry_name(lang, entry)
    if entry.kind in (EntryKind.POST, EntryKind.REST):
        return t(lang, "undo.done_streak", what=what, streak=h(lang, "streak.days", count=streak))
    return t(lang, "undo.done", what=what)


# --- /followers and /metrics ----------------------------------------------------------------------


def followers_recorded(
    lang: Language, change: FollowerChange, replaced: FollowerCount | None = None
) -> str:
    """The new count and its story; `replaced` is the same-day count it corrected, if any."""
    lines = [
        t(
            lang,
            "followers.recorded",
            platform=fmt.platform_name(lang, change.platform),
            number=fmt.number(change.count),
            count=change.count,
        )
    ]
    if replaced is not None:
        lines.append(t(lang, "followers.replaced", count=fmt.number(replaced.count)))
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
    return "\n".join(lines)


def count_check(lang: Language, key: str, jump: Jump) -> tuple[str, InlineKeyboardMarkup]:
    """ "Did you mean that?" with Store / I meant (when a slip is obvious) / Cancel."""
    text = t(
        lang,
        "followers.jump_up" if jump.change > 0 else "followers.jump_down",
        platform=fmt.platform_name(lang, key),
        previous=fmt.number(jump.previous),
        count=fmt.number(jump.count),
        change=fmt.signed(jump.change),
    )
    buttons = [
        btn(
            t(lang, "btn.count_store", count=fmt.number(jump.count)),
            CountCheck(key, jump.count, CountChoice.STORE),
        )
    ]
    if jump.likely is not None:
        buttons.append(
            btn(
                t(lang, "btn.count_meant", count=fmt.number(jump.likely)),
                CountCheck(key, jump.likely, CountChoice.STORE),
            )
        )
    buttons.append(
        btn(t(lang, "btn.count_cancel"), CountCheck(key, jump.count, CountChoice.CANCEL))
    )
    return text, markup([buttons])


def count_not_stored(lang: Language) -> str:
    return t(lang, "followers.not_stored")


def metrics_recorded(lang: Language, post: Post, metrics: Metrics, hit: HitStanding) -> str:
    lines = [
        t(lang, "metrics.recorded", label=fmt.post_label(lang, post)),
        metrics_line(lang, metrics),
    ]
    if hit.news is HitNews.BECAME:
        lines.append(
            t(lang, "metrics.hit", saves=hit.saves, threshold=hit.threshold, count=hit.saves)
        )
    elif hit.news is HitNews.STILL:
        lines.append(t(lang, "metrics.still_hit"))
    elif hit.news is HitNews.SHORT:
        lines.append(t(lang, "metrics.to_hit", count=hit.saves_to_go, threshold=hit.threshold))
    return "\n".join(lines)


def metrics_line(lang: Language, metrics: Metrics) -> str:
    """`saves 12 · likes 80`: the numbers a reading gave."""
    return " · ".join(
        t(lang, f"metric.{name}", value=fmt.number(value), count=value)
        for name, value in metrics.given().items()
    )
