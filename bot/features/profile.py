"""The profile: onboarding (/start), /settings, and the direct commands for each setting.

Onboarding is a row of steps, each a message with buttons and each skippable. Steps that need typed
text (a timezone not in the list, a niche, a handle) record what we are waiting for in the user's
row, so the answer is understood even after a restart. Any command cancels the wait.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import MessageHandler, filters

from bot.domain.errors import InputError
from bot.domain.models import LANGUAGES, Language, Profile
from bot.domain.parsing import (
    parse_clock,
    parse_day_start,
    parse_handle,
    parse_handle_value,
    parse_niche,
    parse_platform,
)
from bot.domain.platforms import PLATFORMS, platform
from bot.domain.timezones import COMMON_ZONES, TimezoneError, parse_timezone, zone
from bot.features.base import (
    PRIVATE,
    AnyContext,
    AnyHandler,
    Caller,
    answer,
    caller_for,
    command,
    identify,
    legacy_button,
    refreshed,
)
from bot.planner import Planner
from bot.render import format as fmt
from bot.render.errors import error_text
from bot.render.keyboards import Row, legacy_btn, markup, rows
from bot.services import Services
from bot.texts import t

ONBOARDING = ("lang", "tz", "nudge", "niche", "platforms", "handles")
EDITABLE_STEPS = (*ONBOARDING[:3], "daystart", *ONBOARDING[3:])
NUDGE_CHOICES = ("08:00", "12:00", "18:00", "20:00", "21:00", "22:00")
DAY_START_CHOICES = ("00:00", "01:00", "02:00", "03:00", "04:00")
ONBOARD, EDIT = "o", "e"
# Steps that can be answered by typing (each has an `ask.<step>_type` question).
TYPED_STEPS = ("tz", "nudge", "niche")


def hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def utc_offset(zone_name: str, now: datetime) -> str:
    offset = now.astimezone(zone(zone_name).tz).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# Free-text answers other features ask for, by the step named in `awaiting` (e.g. "metrics:12").
Answer = Callable[[Update, Caller, str, str], Awaitable[None]]
# Settings that move the user's reminders and reviews.
SCHEDULE_FIELDS = frozenset({"timezone", "nudge_time", "day_start", "onboarded"})


class ProfileFeature:
    def __init__(
        self, services: Services, planner: Planner, answers: Mapping[str, Answer] | None = None
    ) -> None:
        self.services = services
        self.users = services.store.users
        self.planner = planner
        self.answers = dict(answers or {})

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "start", self.start),
            command(s, "settings", self.settings),
            command(s, "lang", self.lang, usage="lang"),
            command(s, "timezone", self.timezone, usage="timezone"),
            command(s, "niche", self.niche, usage="niche"),
            command(s, "handle", self.handle, usage="handle"),
            command(s, "daystart", self.daystart, usage="daystart"),
            command(s, "cancel", self.cancel),
            legacy_button(s, "set", self.set_button),
            MessageHandler(PRIVATE & filters.TEXT & ~filters.COMMAND, self.on_text),
        ]

    # --- commands ---------------------------------------------------------------------------

    async def start(self, update: Update, caller: Caller, args: str) -> None:
        if args.strip().startswith("g"):
            # Opened from a room's /join button: this chat is where nudges and cheers arrive.
            await answer(update, t(caller.lang, "room.connected"))
        if caller.profile.onboarded:
            await self.show_profile(update, caller, new_message=True)
            return
        text, keyboard = self.step_view(caller, "lang", ONBOARD)
        await self._reply(
            update, t(caller.lang, "onboarding.welcome") + "\n\n" + text, keyboard, True
        )

    async def settings(self, update: Update, caller: Caller, args: str) -> None:
        await self.show_profile(update, caller)

    async def lang(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await self._show_step(update, caller, "lang", with_usage="lang")
            return
        await self._save(update, caller, "lang", args.strip(), EDIT)

    async def timezone(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await self._show_step(update, caller, "tz", with_usage="timezone")
            return
        await self._save(update, caller, "tz", args, EDIT)

    async def niche(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            # A niche has no choices to show: ask for it, and take the next message as the answer.
            await self._ask_text(update, caller, "niche", EDIT)
            return
        await self._save(update, caller, "niche", args, EDIT)

    async def handle(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await self._show_step(update, caller, "handles", with_usage="handle")
            return
        request = parse_handle(args)
        profile = await self.users.set_handle(caller.user_id, request.platform, request.handle)
        name = fmt.platform_name(caller.lang, request.platform)
        if request.handle is None:
            await answer(update, t(caller.lang, "handle.removed", platform=name))
        else:
            await answer(
                update,
                t(
                    caller.lang,
                    "handle.set",
                    platform=name,
                    handle=profile.handles[request.platform],
                ),
            )

    async def daystart(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await self._show_step(update, caller, "daystart", with_usage="daystart")
            return
        await self._save(update, caller, "daystart", args, EDIT)

    async def cancel(self, update: Update, caller: Caller, args: str) -> None:
        # `command` has already cleared any question we were waiting on.
        await answer(update, t(caller.lang, "cancel.done"))

    async def _show_step(self, update: Update, caller: Caller, step: str, with_usage: str) -> None:
        text, keyboard = self.step_view(caller, step, EDIT)
        usage = t(caller.lang, "usage.heading") + "\n" + t(caller.lang, f"usage.{with_usage}")
        await answer(update, text + "\n\n" + usage, keyboard)

    # --- free-text answers --------------------------------------------------------------------

    async def on_text(self, update: Update, context: AnyContext) -> None:
        assert update.effective_user is not None
        assert update.effective_message is not None
        caller = await identify(self.services, update.effective_user)
        awaiting = caller.profile.awaiting
        if awaiting is None:
            await answer(update, t(caller.lang, "help.pointer"))
            return
        step, _, rest = awaiting.partition(":")
        if step in self.answers:
            try:
                await self.answers[step](update, caller, rest, update.effective_message.text or "")
            except InputError as error:
                await answer(
                    update, error_text(caller.lang, error) + "\n" + t(caller.lang, "ask.retry")
                )
                return
            await self.users.update(caller.user_id, caller.now, awaiting=None)
            return
        if step == "handle":
            key, _, mode = rest.partition(":")
            step, value = f"handle:{key}", update.effective_message.text or ""
        else:
            mode, value = rest, update.effective_message.text or ""
        try:
            await self._save(update, caller, step, value, mode, typed=True)
        except InputError as error:
            await answer(
                update, error_text(caller.lang, error) + "\n" + t(caller.lang, "ask.retry")
            )

    # --- buttons --------------------------------------------------------------------------------

    async def set_button(self, update: Update, caller: Caller, args: str) -> None:
        """`set|mode|step|value`: value is a choice, `open` (show the step), `type` (ask for
        text), `skip`, or `done`."""
        mode, _, rest = args.partition("|")
        step, _, value = rest.partition("|")
        if mode not in (ONBOARD, EDIT) or step not in (*EDITABLE_STEPS, "profile"):
            raise InputError("error.button_expired")
        if value == "type" and step not in TYPED_STEPS:
            raise InputError("error.button_expired")
        if caller.profile.awaiting is not None and value != "type":
            # A button press answers the question differently (skip, back, a choice).
            caller = caller_for(
                await self.users.update(caller.user_id, caller.now, awaiting=None), caller.now
            )
        if step == "profile":
            await self.show_profile(update, caller)
        elif value in ("open", ""):
            await self._edit_step(update, caller, step, mode)
        elif value == "skip" or (value == "done" and step in ("platforms", "handles")):
            await self._advance(update, caller, step, mode)
        elif value == "type":
            await self._ask_text(update, caller, step, mode)
        elif step == "platforms":
            await self.users.toggle_platform(caller.user_id, parse_platform(value).key)
            await self._edit_step(update, await refreshed(self.services, caller), step, mode)
        elif step == "handles":
            await self._ask_text(update, caller, f"handle:{parse_platform(value).key}", mode)
        elif step == "niche":
            raise InputError("error.button_expired")  # a niche is typed, never a button's value
        else:
            await self._save(update, caller, step, value, mode)

    async def _edit_step(self, update: Update, caller: Caller, step: str, mode: str) -> None:
        if step == "niche":
            await self._ask_text(update, caller, step, mode)
            return
        text, keyboard = self.step_view(caller, step, mode)
        await answer(update, text, keyboard)

    async def _ask_text(self, update: Update, caller: Caller, step: str, mode: str) -> None:
        await self.users.update(caller.user_id, caller.now, awaiting=f"{step}:{mode}")
        key = step.split(":")[0]
        params: dict[str, object] = {}
        if key == "handle":
            params["platform"] = fmt.platform_name(caller.lang, step.split(":")[1])
        if key == "niche":
            params["current"] = _niche_text(caller.profile) or t(caller.lang, "profile.unset")
        if key == "handle":
            back = legacy_btn(t(caller.lang, "btn.back"), "set", mode, "handles", "open")
        else:
            back = _back_or_skip(caller.lang, key, mode)
        buttons: list[Row] = [[back]]
        await answer(update, t(caller.lang, f"ask.{key}_type", **params), markup(buttons))

    # --- saving and moving on -----------------------------------------------------------------

    async def _save(
        self, update: Update, caller: Caller, step: str, value: str, mode: str, typed: bool = False
    ) -> None:
        """Validate and store one setting, then show the next step (onboarding) or the profile."""
        fields = self._parse(step, value)
        if step.startswith("handle:"):
            await self.users.set_handle(caller.user_id, step.split(":")[1], fields["handle"])  # type: ignore[arg-type]
            fields = {}
        if typed or fields:
            fields["awaiting"] = None
        if fields:
            await self.users.update(caller.user_id, caller.now, **fields)
            if SCHEDULE_FIELDS & set(fields):
                await self.planner.reschedule(caller.user_id)
        caller = await refreshed(self.services, caller)
        if mode == ONBOARD:
            following = "handles" if step.startswith("handle:") else step
            if step.startswith("handle:"):
                await self._send_step(update, caller, following, mode, typed)
            else:
                await self._advance(update, caller, following, mode, typed)
            return
        if typed or update.callback_query is not None:
            await self.show_profile(update, caller, new_message=typed)
        else:
            await answer(update, self._confirmation(caller, step))

    def _parse(self, step: str, value: str) -> dict[str, object]:
        if step == "lang":
            lang = value.strip().casefold()
            lang = {"中文": "zh", "chinese": "zh", "english": "en", "cn": "zh"}.get(lang, lang)
            if lang not in LANGUAGES:
                raise InputError("error.lang")
            return {"language": lang}
        if step == "tz":
            try:
                return {"timezone": parse_timezone(value).name}
            except TimezoneError:
                raise InputError("error.timezone", given=value.strip()[:64]) from None
        if step == "nudge":
            return {"nudge_time": parse_clock(value)}
        if step == "daystart":
            return {"day_start": parse_day_start(value)}
        if step == "niche":
            niche = parse_niche(value)
            return {"niche": niche.sentence, "niche_tags": niche.tags}
        if step.startswith("handle:"):
            return {"handle": parse_handle_value(value)}
        raise InputError("error.button_expired")

    def _confirmation(self, caller: Caller, step: str) -> str:
        p, lang = caller.profile, caller.lang
        if step == "lang":
            return t(lang, "lang.set")
        if step == "tz":
            return t(
                lang,
                "timezone.set",
                zone=p.timezone,
                offset=utc_offset(p.timezone, caller.now),
                local=caller.now.astimezone(caller.zone.tz).strftime("%Y-%m-%d %H:%M"),
            )
        if step == "daystart":
            return t(lang, "daystart.set", time=hhmm(p.day_start))
        if step == "niche":
            return t(lang, "niche.set", niche=_niche_text(p))
        return t(lang, "saved")

    async def _advance(
        self, update: Update, caller: Caller, step: str, mode: str, new_message: bool = False
    ) -> None:
        if mode == EDIT:
            await self.show_profile(update, caller, new_message=new_message)
            return
        index = ONBOARDING.index(step)
        if index + 1 < len(ONBOARDING):
            await self._send_step(update, caller, ONBOARDING[index + 1], mode, new_message)
            return
        profile = await self.users.update(caller.user_id, caller.now, onboarded=True, awaiting=None)
        await self.planner.reschedule(caller.user_id)
        done = caller_for(profile, caller.now)
        text = t(done.lang, "onboarding.done") + "\n\n" + self.profile_text(done)
        await self._reply(update, text, None, new_message)

    async def _send_step(
        self, update: Update, caller: Caller, step: str, mode: str, new_message: bool
    ) -> None:
        if step == "niche":
            await self._ask_text(update, caller, step, mode)
            return
        text, keyboard = self.step_view(caller, step, mode)
        await self._reply(update, text, keyboard, new_message)

    @staticmethod
    async def _reply(
        update: Update, text: str, keyboard: InlineKeyboardMarkup | None, new_message: bool
    ) -> None:
        if new_message and update.effective_message is not None:
            await update.effective_message.reply_text(text, reply_markup=keyboard)
        else:
            await answer(update, text, keyboard)

    # --- views ----------------------------------------------------------------------------------

    async def show_profile(self, update: Update, caller: Caller, new_message: bool = False) -> None:
        lang = caller.lang
        keyboard = markup(
            rows(
                (
                    legacy_btn(t(lang, f"btn.edit_{step}"), "set", EDIT, step, "open")
                    for step in EDITABLE_STEPS
                ),
                2,
            )
        )
        await self._reply(update, self.profile_text(caller), keyboard, new_message)

    def profile_text(self, caller: Caller) -> str:
        p, lang = caller.profile, caller.lang
        unset = t(lang, "profile.unset")
        platforms = (
            ", ".join(
                fmt.platform_name(lang, k) + (f" ({p.handles[k]})" if k in p.handles else "")
                for k in p.platforms
            )
            or unset
        )
        return t(
            lang,
            "profile.view",
            language=t(lang, f"lang.name_{lang}"),
            zone=p.timezone,
            offset=utc_offset(p.timezone, caller.now),
            nudge=hhmm(p.nudge_time),
            daystart=hhmm(p.day_start),
            niche=_niche_text(p) or unset,
            platforms=platforms,
        )

    def step_view(self, caller: Caller, step: str, mode: str) -> tuple[str, InlineKeyboardMarkup]:
        lang, p = caller.lang, caller.profile
        last: Row = [_back_or_skip(lang, step, mode)]
        if step == "lang":
            choices = [
                legacy_btn(t(lang, f"lang.name_{code}"), "set", mode, "lang", code)
                for code in LANGUAGES
            ]
            return t(lang, "ask.lang"), markup([choices, last])
        if step == "tz":
            zones = (
                legacy_btn(
                    f"{name.rsplit('/', 1)[-1].replace('_', ' ')} ({utc_offset(name, caller.now)})",
                    "set",
                    mode,
                    "tz",
                    name,
                )
                for name in COMMON_ZONES
            )
            other = [legacy_btn(t(lang, "btn.type_other"), "set", mode, "tz", "type")]
            text = t(lang, "ask.tz", current=p.timezone)
            return text, markup(rows(zones, 2), [other, last])
        if step == "nudge":
            times = (legacy_btn(v, "set", mode, "nudge", v) for v in NUDGE_CHOICES)
            other = [legacy_btn(t(lang, "btn.type_other"), "set", mode, "nudge", "type")]
            return t(lang, "ask.nudge", current=hhmm(p.nudge_time)), markup(
                rows(times, 3), [other, last]
            )
        if step == "daystart":
            times = (legacy_btn(v, "set", mode, "daystart", v) for v in DAY_START_CHOICES)
            return t(lang, "ask.daystart", current=hhmm(p.day_start)), markup(
                rows(times, 5), [last]
            )
        if step == "platforms":
            toggles = (
                legacy_btn(
                    ("✅ " if k.key in p.platforms else "") + k.name(lang),
                    "set",
                    mode,
                    "platforms",
                    k.key,
                )
                for k in PLATFORMS
            )
            done = [legacy_btn(t(lang, "btn.done"), "set", mode, "platforms", "done")]
            return t(lang, "ask.platforms"), markup(rows(toggles, 3), [done])
        if step == "handles":
            handles = (
                legacy_btn(
                    f"{platform(k).name(lang)}: {p.handles.get(k) or t(lang, 'btn.add')}",
                    "set",
                    mode,
                    "handles",
                    k,
                )
                for k in p.platforms
            )
            done = [legacy_btn(t(lang, "btn.done"), "set", mode, "handles", "done")]
            key = "ask.handles" if p.platforms else "ask.handles_none"
            return t(lang, key), markup(rows(handles, 1), [done])
        raise InputError("error.button_expired")


def _back_or_skip(lang: Language, step: str, mode: str) -> InlineKeyboardButton:
    if mode == EDIT:
        return legacy_btn(t(lang, "btn.back"), "set", EDIT, "profile", "open")
    return legacy_btn(t(lang, "btn.skip"), "set", ONBOARD, step, "skip")


def _niche_text(profile: Profile) -> str:
    return " ".join([profile.niche, *(f"#{tag}" for tag in profile.niche_tags)]).strip()
