"""The profile's messages: the profile view, each step's question and buttons, the confirmations
after a setting changes, and the help texts.

Everything here takes plain values (a profile, its zone, the time, the language) and returns text
and keyboards; which step comes when is decided in `domain/onboarding.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from typing import ClassVar

from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.errors import InputError
from bot.domain.models import Language, Profile
from bot.domain.onboarding import (
    STEPS,
    TYPED_QUESTIONS,
    Asked,
    Awaiting,
    Mode,
    Press,
    Step,
    StepRule,
    choices_for,
    typed_rule,
)
from bot.domain.platforms import platform
from bot.domain.timezones import Zone, zone
from bot.render import format as fmt
from bot.render.callbacks import ButtonData
from bot.render.errors import error_text
from bot.render.keyboards import Row, btn, markup, rows
from bot.texts import t


@dataclass(frozen=True)
class SetButton(ButtonData):
    """`set|mode|step|value`: a button of a profile step. `value` is a choice (a language code, a
    zone, a time, a platform key) or a `Press`; empty means open the step."""

    action: ClassVar[str] = "set"
    mode: Mode
    step: Step
    value: str


Screen = tuple[str, InlineKeyboardMarkup]


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def utc_offset(place: Zone, now: datetime) -> str:
    """`UTC+8`, `UTC−3:30`: the zone's offset at `now` (summer time included)."""
    offset = now.astimezone(place.tz).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def niche_text(profile: Profile) -> str:
    return " ".join([profile.niche, *(f"#{tag}" for tag in profile.niche_tags)]).strip()


# --- the profile ------------------------------------------------------------------------------


def profile_text(lang: Language, profile: Profile, place: Zone, now: datetime) -> str:
    unset = t(lang, "profile.unset")
    platforms = (
        ", ".join(
            fmt.platform_name(lang, k)
            + (f" ({profile.handles[k]})" if k in profile.handles else "")
            for k in profile.platforms
        )
        or unset
    )
    return t(
        lang,
        "profile.view",
        language=t(lang, f"lang.name_{lang}"),
        zone=profile.timezone,
        offset=utc_offset(place, now),
        nudge=hhmm(profile.nudge_time),
        daystart=hhmm(profile.day_start),
        niche=niche_text(profile) or unset,
        platforms=platforms,
    )


def profile_view(lang: Language, profile: Profile, place: Zone, now: datetime) -> Screen:
    """The profile with a button to edit each step."""
    edits = (
        btn(t(lang, _LOOKS[step].edit), SetButton(Mode.EDITING, step, Press.OPEN)) for step in STEPS
    )
    return profile_text(lang, profile, place, now), markup(rows(edits, 2))


def onboarding_done(lang: Language, profile: Profile, place: Zone, now: datetime) -> str:
    return t(lang, "onboarding.done") + "\n\n" + profile_text(lang, profile, place, now)


def welcome(lang: Language, first_step: str) -> str:
    return t(lang, "onboarding.welcome") + "\n\n" + first_step


# --- the steps --------------------------------------------------------------------------------

Label = Callable[[Language, Profile, datetime, str], str]


def _as_is(lang: Language, profile: Profile, now: datetime, value: str) -> str:
    return value


def _language_label(lang: Language, profile: Profile, now: datetime, code: str) -> str:
    return t(lang, f"lang.name_{code}")


@dataclass(frozen=True)
class _Look:
    """How one step shows: its edit button, its choices' labels and layout."""

    edit: str  # the catalog key of its button in the profile
    per_row: int = 1
    label: Label = _as_is  # a choice's button text
    current: Callable[[Profile], str] | None = None  # the value the question shows


def _zone_label(lang: Language, profile: Profile, now: datetime, name: str) -> str:
    city = name.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} ({utc_offset(zone(name), now)})"


def _platform_label(lang: Language, profile: Profile, now: datetime, key: str) -> str:
    return ("✅ " if key in profile.platforms else "") + platform(key).name(lang)


def _handle_label(lang: Language, profile: Profile, now: datetime, key: str) -> str:
    return f"{platform(key).name(lang)}: {profile.handles.get(key) or t(lang, 'btn.add')}"


_LOOKS: Mapping[Step, _Look] = {
    Step.LANG: _Look("btn.edit_lang", 2, _language_label),
    Step.TIMEZONE: _Look("btn.edit_tz", 2, _zone_label, lambda p: p.timezone),
    Step.NUDGE: _Look("btn.edit_nudge", 3, current=lambda p: hhmm(p.nudge_time)),
    Step.DAY_START: _Look("btn.edit_daystart", 5, current=lambda p: hhmm(p.day_start)),
    Step.NICHE: _Look("btn.edit_niche"),
    Step.PLATFORMS: _Look("btn.edit_platforms", 3, _platform_label),
    Step.HANDLES: _Look("btn.edit_handles", 1, _handle_label),
}


def step_view(lang: Language, profile: Profile, step: Step, mode: Mode, now: datetime) -> Screen:
    """A step's question and its buttons: the choices, "Type another…" where a typed answer is
    taken, then Done (steps of many answers) or Skip (onboarding) / « Back (editing)."""
    rule, look = STEPS[step], _LOOKS[step]
    values = choices_for(rule, profile)
    choices = (btn(look.label(lang, profile, now, v), SetButton(mode, step, v)) for v in values)
    extra: list[Row] = []
    if rule.typed is not None:
        extra.append([btn(t(lang, "btn.type_other"), SetButton(mode, step, Press.TYPE))])
    if rule.done:
        extra.append([btn(t(lang, "btn.done"), SetButton(mode, step, Press.DONE))])
    else:
        extra.append([_back_or_skip(lang, step, mode)])
    question = rule.empty_question if rule.empty_question and not values else rule.question
    params = {"current": look.current(profile)} if look.current else {}
    return t(lang, question, **params), markup(rows(choices, look.per_row), extra)


def typed_question(lang: Language, profile: Profile, awaiting: Awaiting) -> Screen:
    """The question asking for typed text, with a way back (or Skip, in onboarding)."""
    params: dict[str, object] = {}
    if awaiting.asked is Asked.HANDLE:
        params["platform"] = fmt.platform_name(lang, awaiting.subject)
        back = btn(t(lang, "btn.back"), SetButton(awaiting.mode, Step.HANDLES, Press.OPEN))
    else:
        back = _back_or_skip(lang, typed_rule(awaiting.asked).step, awaiting.mode)
    if awaiting.asked is Asked.NICHE:
        params["current"] = niche_text(profile) or t(lang, "profile.unset")
    return t(lang, TYPED_QUESTIONS[awaiting.asked], **params), markup([[back]])


def _back_or_skip(lang: Language, step: Step, mode: Mode) -> InlineKeyboardButton:
    if mode is Mode.EDITING:
        return btn(t(lang, "btn.back"), SetButton(Mode.EDITING, Step.PROFILE, Press.OPEN))
    return btn(t(lang, "btn.skip"), SetButton(Mode.ONBOARDING, step, Press.SKIP))


def with_usage(lang: Language, text: str, command: str) -> str:
    """A step shown by a bare command, followed by how to use the command."""
    return text + "\n\n" + t(lang, "usage.heading") + "\n" + t(lang, f"usage.{command}")


def ask_again(lang: Language, refused: InputError) -> str:
    """A typed answer that could not be used: why, and that the question still stands."""
    return error_text(lang, refused) + "\n" + t(lang, "ask.retry")


# --- confirmations ----------------------------------------------------------------------------


def confirmation(
    lang: Language, rule: StepRule, profile: Profile, place: Zone, now: datetime
) -> str:
    """The reply to a setting changed by a command with its value (`/timezone Berlin`)."""
    if rule.step is Step.LANG:
        return t(lang, "lang.set")
    if rule.step is Step.TIMEZONE:
        return t(
            lang,
            "timezone.set",
            zone=profile.timezone,
            offset=utc_offset(place, now),
            local=now.astimezone(place.tz).strftime("%Y-%m-%d %H:%M"),
        )
    if rule.step is Step.DAY_START:
        return t(lang, "daystart.set", time=hhmm(profile.day_start))
    if rule.step is Step.NICHE:
        return t(lang, "niche.set", niche=niche_text(profile))
    return t(lang, "saved")


def handle_changed(lang: Language, key: str, handle: str | None) -> str:
    """After `/handle <platform> <handle>`; None: the handle was removed."""
    name = fmt.platform_name(lang, key)
    if handle is None:
        return t(lang, "handle.removed", platform=name)
    return t(lang, "handle.set", platform=name, handle=handle)


def room_connected(lang: Language) -> str:
    return t(lang, "room.connected")


def cancelled(lang: Language) -> str:
    return t(lang, "cancel.done")


# --- help -------------------------------------------------------------------------------------


def help_text(lang: Language) -> str:
    return t(lang, "help.text")


def pointer(lang: Language) -> str:
    """Free text when no question is pending."""
    return t(lang, "help.pointer")


def unknown_command(lang: Language) -> str:
    return t(lang, "help.unknown_command")


def unknown_room_command(lang: Language, bot_username: str) -> str:
    return t(lang, "room.unknown_command", bot=bot_username)


def button_expired(lang: Language) -> str:
    return t(lang, "error.button_expired")


def command_menu(lang: Language, entries: Iterable[tuple[str, str]]) -> list[BotCommand]:
    """A "/" menu: each command with its one-line description (the text key given with it)."""
    return [BotCommand(name, t(lang, key)) for name, key in entries]
