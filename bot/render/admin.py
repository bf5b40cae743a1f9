"""What the owner's commands say: `/admin stats`, a user's card for support, an announcement (as
every recipient sees it, and its preview with Send/Cancel), the fan-out's progress, and `/news`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from telegram import InlineKeyboardMarkup

from bot.domain.admin import BotNumbers, FanOut, UserFacts
from bot.domain.models import LANGUAGES, Language, Profile
from bot.domain.program import Program
from bot.render import format as fmt
from bot.render.callbacks import ButtonData
from bot.render.keyboards import btn, markup
from bot.texts import h, t

# The owner's text, rendered with the footer, must fit one message in every language.
MAX_ANNOUNCEMENT = fmt.MAX_MESSAGE


class AnnounceChoice(StrEnum):
    SEND = "send"
    CANCEL = "cancel"


@dataclass(frozen=True)
class AnnouncePress(ButtonData):
    """The preview's buttons: send (or cancel) this announcement draft."""

    action: ClassVar[str] = "announce"
    choice: AnnounceChoice
    announcement_id: int


# --- /admin stats and /admin user -------------------------------------------------------------


def stats_view(lang: Language, numbers: BotNumbers, uptime: float, version: str) -> str:
    n = fmt.number
    return t(
        lang,
        "admin.stats",
        users=n(numbers.users),
        active_today=n(numbers.active_today),
        active_week=n(numbers.active_week),
        rooms=n(numbers.rooms),
        posts_today=n(numbers.posts_today),
        sent_today=n(numbers.sent_today),
        failed_today=n(numbers.failed_today),
        queued=n(numbers.queued),
        size=_size(numbers.database_bytes),
        uptime=_duration(uptime),
        version=version,
    )


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _duration(seconds: float) -> str:
    minutes = int(seconds) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return f"{days}d {hours}h {minutes}m" if days else f"{hours}h {minutes}m"


def user_view(lang: Language, facts: UserFacts, program: Program | None) -> str:
    p = facts.profile
    return t(
        lang,
        "admin.user",
        user_id=p.user_id,
        username=f"@{p.username}" if p.username else "—",
        language=p.lang,
        timezone=p.timezone,
        joined=p.created_at.date().isoformat(),
        program=_program(lang, program),
        posts=fmt.number(facts.posts),
        counts=fmt.number(facts.follower_counts),
        rooms=fmt.number(facts.rooms),
        blocked=_yes_no(lang, p.blocked),
        news=_on_off(lang, p.news_on),
        nudges=_on_off(lang, p.nudges_on),
        private=_yes_no(lang, p.private_chat),
    )


def _program(lang: Language, program: Program | None) -> str:
    if program is None:
        return t(lang, "admin.no_program")
    return t(
        lang,
        "admin.program",
        cycle=program.cycle,
        start=program.start_date.isoformat(),
        end=program.end_date.isoformat(),
    )


def _yes_no(lang: Language, value: bool) -> str:
    return t(lang, "admin.yes" if value else "admin.no")


def _on_off(lang: Language, value: bool) -> str:
    return t(lang, "admin.on" if value else "admin.off")


# --- announcements ----------------------------------------------------------------------------


def announcement(lang: Language, text: str) -> str:
    """An announcement as its recipient sees it: the owner's words (escaped: shown as typed, never
    as markup) and how to stop them, in the recipient's language."""
    return t(lang, "announce.message", text=text)


def announcement_fits(text: str) -> bool:
    """True when the announcement fits one message in every language it goes out in."""
    return all(
        fmt.visible_length(announcement(lang, text)) <= fmt.MAX_MESSAGE for lang in LANGUAGES
    )


def too_long_over(text: str) -> int:
    """How many characters the owner must cut (the longest language's rendering counts)."""
    longest = max(fmt.visible_length(announcement(lang, text)) for lang in LANGUAGES)
    return longest - fmt.MAX_MESSAGE


def preview_heading(lang: Language, recipients: int) -> str:
    return t(lang, "announce.preview", count=recipients)


def preview_buttons(lang: Language, announcement_id: int, recipients: int) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                btn(
                    t(lang, "announce.send_button", count=recipients),
                    AnnouncePress(AnnounceChoice.SEND, announcement_id),
                ),
                btn(
                    t(lang, "announce.cancel_button"),
                    AnnouncePress(AnnounceChoice.CANCEL, announcement_id),
                ),
            ]
        ]
    )


def sending(lang: Language, recipients: int) -> str:
    return t(lang, "announce.sending", count=recipients)


def cancelled(lang: Language) -> str:
    return t(lang, "announce.cancelled")


def progress(lang: Language, fan_out: FanOut) -> str:
    return t(lang, "announce.progress", done=fmt.number(fan_out.done), count=fan_out.recipients)


def finished(lang: Language, fan_out: FanOut, at: datetime) -> str:
    return t(
        lang,
        "announce.finished",
        sent=fmt.number(fan_out.sent),
        count=fan_out.recipients,
        failed=fmt.number(fan_out.failed + fan_out.unknown),
        blocked=fmt.number(fan_out.blocked),
        skipped=fmt.number(fan_out.skipped),
        at=f"{at:%Y-%m-%d %H:%M} UTC",
    )


# --- /news ------------------------------------------------------------------------------------


def news_switched(lang: Language, on: bool) -> str:
    return t(lang, "news.on" if on else "news.off")


def news_status(lang: Language, profile: Profile) -> str:
    return t(lang, "news.status", state=h(lang, "admin.on" if profile.news_on else "admin.off"))
