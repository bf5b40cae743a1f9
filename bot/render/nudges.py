"""What reminders say: the daily nudge and last call, metrics follow-ups, the reminder settings,
a rest day and a snooze. Their buttons are defined here, next to the keyboards that send them.

Which wording a nudge gets is chosen here too: the catalog has several, picked by day and user so
the text is never the same two days running, and a snoozed nudge comes back in other words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar, Self

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.backoff import NudgeBackoff
from bot.domain.deliveries import DeliveryKind
from bot.domain.models import Language, Post, Profile
from bot.domain.rooms import BuddyDay
from bot.domain.schedule import variant
from bot.render import format as fmt
from bot.render.callbacks import ButtonData, Callback
from bot.render.keyboards import btn, markup
from bot.texts import h, t

NUDGE_VARIANTS = 7  # nudge.v0 … v6 in the catalogs
LAST_CALL_VARIANTS = 3  # last_call.v0 … v2


class NudgeChoice(StrEnum):
    POSTED = "posted"
    SNOOZE = "snooze"
    REST = "rest"


@dataclass(frozen=True)
class NudgePress(ButtonData):
    """A nudge's buttons. `day` is the nudge's day as sent: Posted and Rest act on it while it is
    today or yesterday, Snooze only today (any other text, forged or old, is "that reminder was
    for another day": `bot.domain.rest.nudge_day`)."""

    action: ClassVar[str] = "nudge"
    choice: NudgeChoice
    day: str

    @classmethod
    def on(cls, choice: NudgeChoice, day: date) -> Self:
        return cls(choice, day.isoformat())


class KeepChoice(StrEnum):
    YES = "yes"
    WEEKLY = "weekly"
    STOP = "stop"


@dataclass(frozen=True)
class KeepPress(ButtonData):
    """ "Keep reminding me?": daily again, weekly, or no nudges."""

    action: ClassVar[str] = "keep"
    choice: KeepChoice


class Switch(StrEnum):
    """The reminder switches, as typed after /nudge and sent by the settings' toggles."""

    NUDGES = "nudges"
    LAST_CALL = "lastcall"
    FOLLOWUPS = "followups"


@dataclass(frozen=True)
class RemindToggle(ButtonData):
    action: ClassVar[str] = "remind"
    switch: Switch


class FollowupChoice(StrEnum):
    ENTER = "enter"
    OFF = "off"


@dataclass(frozen=True)
class FollowupPress(ButtonData):
    """A follow-up's buttons: enter numbers for a post, or stop follow-ups (sent as `off` alone)."""

    action: ClassVar[str] = "followup"
    choice: FollowupChoice
    post_id: int = 0  # unused by OFF

    @classmethod
    def enter(cls, post_id: int) -> Self:
        return cls(FollowupChoice.ENTER, post_id)

    def encode(self) -> str:
        if self.choice is FollowupChoice.OFF:
            return Callback(self.action, (self.choice.value,)).encode()
        return super().encode()

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        if args == (FollowupChoice.OFF.value,):
            return cls(FollowupChoice.OFF)
        return super().decode(args)


# --- the nudge --------------------------------------------------------------------------------


def nudge_text(
    lang: Language,
    kind: DeliveryKind,
    profile: Profile,
    day: date,
    streak: int,
    buddies: Sequence[BuddyDay],
) -> str:
    """A nudge, a snoozed nudge or a last call: the greeting, the streak, each buddy's day."""
    if kind is DeliveryKind.LAST_CALL:
        key = f"last_call.v{variant(day, profile.user_id, LAST_CALL_VARIANTS)}"
    else:
        shift = 1 if kind is DeliveryKind.SNOOZE else 0
        key = f"nudge.v{(variant(day, profile.user_id, NUDGE_VARIANTS) + shift) % NUDGE_VARIANTS}"
    text = t(lang, key, name=profile.first_name)
    if streak:
        text += "\n" + t(lang, "nudge.streak_line", streak=h(lang, "streak.days", count=streak))
    return "\n".join((text, *(_buddy_line(lang, buddy) for buddy in buddies)))


def _buddy_line(lang: Language, buddy: BuddyDay) -> str:
    if buddy.posted is None:
        return t(lang, "buddy.nudge_private", name=buddy.name)
    key = "buddy.nudge_posted" if buddy.posted else "buddy.nudge_waiting"
    return t(lang, key, name=buddy.name)


def nudge_buttons(lang: Language, day: date) -> InlineKeyboardMarkup:
    return markup(
        [
            [btn(t(lang, "btn.nudge_posted"), NudgePress.on(NudgeChoice.POSTED, day))],
            [
                btn(t(lang, "btn.nudge_snooze"), NudgePress.on(NudgeChoice.SNOOZE, day)),
                btn(t(lang, "btn.nudge_rest"), NudgePress.on(NudgeChoice.REST, day)),
            ],
        ]
    )


def keep_asking(lang: Language, ignored: int) -> tuple[str, InlineKeyboardMarkup]:
    keyboard = markup(
        [
            [
                btn(t(lang, f"btn.keep_{choice}"), KeepPress(choice))
                for choice in (KeepChoice.YES, KeepChoice.WEEKLY, KeepChoice.STOP)
            ]
        ]
    )
    return t(lang, "keep.ask", count=ignored), keyboard


def kept(lang: Language, choice: KeepChoice) -> str:
    return t(lang, f"keep.{choice}")


def snoozed(lang: Language, until: datetime) -> str:
    """`until` in the user's own time."""
    return t(lang, "nudge.snoozed", time=f"{until:%H:%M}")


def rest_taken(lang: Language, streak: int, left: int) -> str:
    return t(
        lang,
        "rest.taken",
        streak=h(lang, "streak.days", count=streak),
        left=h(lang, "rest.left", count=left),
    )


def rest_used(lang: Language, streak: int) -> str:
    """The morning after a missed day the week's rest allowance covered."""
    return t(lang, "rest.used_yesterday", streak=h(lang, "streak.days", count=streak))


def rest_taken_on(lang: Language, day: date, streak: int, left: int) -> str:
    """/rest yesterday: the day named, so nobody wonders which one it was."""
    return t(
        lang,
        "rest.taken_yesterday",
        date=day.isoformat(),
        streak=h(lang, "streak.days", count=streak),
        left=h(lang, "rest.left", count=left),
    )


def rest_undone(lang: Language, day: date) -> str:
    return t(lang, "rest.undone", date=day.isoformat())


# --- follow-ups -------------------------------------------------------------------------------


def followup_text(lang: Language, stage: int, post: Post, last_saves: int | None) -> str:
    text = t(
        lang, "followup.day1" if stage == 1 else "followup.day3", label=fmt.post_label(lang, post)
    )
    if last_saves is not None:
        text += "\n" + t(
            lang, "followup.last_saves", saves=fmt.number(last_saves), count=last_saves
        )
    return text


def followups_text(lang: Language, asked: Sequence[tuple[Post, int, int | None]]) -> str:
    """The day's follow-up about several posts: one line each (its stage, its last saves) and
    how to answer by typing."""
    lines = [t(lang, "followup.many")]
    for post, stage, saves in asked:
        key = "followup.line_day1" if stage == 1 else "followup.line_day3"
        line = t(lang, key, label=fmt.post_label(lang, post))
        if saves is not None:
            line += t(lang, "followup.line_saves", count=saves)
        lines.append(line)
    lines.append(t(lang, "followup.many_how", number=asked[0][0].number))
    return "\n".join(lines)


def followups_buttons(lang: Language, posts: Sequence[Post]) -> InlineKeyboardMarkup:
    """A button per post (three to a row), then "Stop asking"."""
    enter = [
        btn(t(lang, "btn.followup_post", number=post.number), FollowupPress.enter(post.post_id))
        for post in posts
    ]
    rows = [enter[i : i + 3] for i in range(0, len(enter), 3)]
    return markup([*rows, [btn(t(lang, "btn.followup_off"), FollowupPress(FollowupChoice.OFF))]])


def followup_buttons(lang: Language, post_id: int) -> InlineKeyboardMarkup:
    return markup(
        [
            [btn(t(lang, "btn.followup_enter"), FollowupPress(FollowupChoice.ENTER, post_id))],
            [btn(t(lang, "btn.followup_off"), FollowupPress(FollowupChoice.OFF))],
        ]
    )


def followup_ask(lang: Language, post: Post) -> str:
    return t(lang, "followup.ask", label=fmt.post_label(lang, post))


# --- the settings -----------------------------------------------------------------------------


def settings_view(
    lang: Language,
    profile: Profile,
    paused_until: date | None,
    next_nudge: datetime | None,
    backoff: NudgeBackoff,
    saved: bool = False,
) -> str:
    """/nudge's view. `paused_until` only while paused; `next_nudge` in the user's own time;
    how nudges are backing off, when they are."""
    p = profile
    on, off = t(lang, "word.on"), t(lang, "word.off")
    text = t(
        lang,
        "remind.settings",
        nudge=f"{p.nudge_time:%H:%M}" if p.nudges_on else off,
        last_call=on if p.last_call_on else off,
        followups=on if p.followups_on else off,
        quiet=str(p.quiet_hours) if p.quiet_hours else off,
        paused=h(lang, "remind.paused_until", date=paused_until.isoformat())
        if paused_until
        else off,
        zone=p.timezone,
    )
    if next_nudge is not None:
        text += "\n" + t(lang, "remind.next", when=f"{next_nudge:%Y-%m-%d %H:%M}")
    if p.nudges_on and backoff.cadence != "daily":
        text += "\n" + _backoff_line(lang, backoff)
    if saved:
        text = t(lang, "saved") + "\n\n" + text
    return text


def _backoff_line(lang: Language, backoff: NudgeBackoff) -> str:
    if backoff.mode == "weekly":
        return t(lang, "remind.weekly_chosen")
    if backoff.mode == "asked":
        return t(lang, "remind.weekly_unanswered")
    return t(lang, "remind.every_other_day", count=backoff.ignored)


def toggles(lang: Language, profile: Profile) -> InlineKeyboardMarkup:
    def toggle(switch: Switch, on: bool) -> list[InlineKeyboardButton]:
        label = t(lang, f"btn.toggle_{switch}", state=t(lang, "word.on" if on else "word.off"))
        return [btn(label, RemindToggle(switch))]

    return markup(
        [
            toggle(Switch.NUDGES, profile.nudges_on),
            toggle(Switch.LAST_CALL, profile.last_call_on),
            toggle(Switch.FOLLOWUPS, profile.followups_on),
        ]
    )
