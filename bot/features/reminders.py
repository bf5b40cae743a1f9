"""Reminders: the daily nudge and its buttons, metrics follow-ups, and the settings that shape them
(/nudge, /quiet, /pause, /resume, /rest)."""

from __future__ import annotations

from datetime import date, timedelta

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ChatMemberHandler

from bot.domain.deliveries import DayPeriod, DeliveryKind, FollowupPeriod, SnoozePeriod
from bot.domain.errors import InputError
from bot.domain.models import Language, Profile
from bot.domain.parsing import (
    OFF_WORDS,
    ON_WORDS,
    parse_clock,
    parse_days,
    parse_quiet_hours,
    parse_switch,
    split_words,
)
from bot.domain.progress import this_week
from bot.domain.rooms import BuddyDay
from bot.domain.schedule import MAX_PAUSE_DAYS, plan_of, snooze_until, variant
from bot.domain.streaks import compute_streak
from bot.features.base import (
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
from bot.outbound import Outgoing, Render
from bot.planner import Planner
from bot.render import format as fmt
from bot.render.checkins import platform_picker
from bot.render.keyboards import legacy_btn, markup
from bot.services import Services
from bot.services.buddies import Buddies
from bot.store.reminders import Delivery
from bot.texts import h, language_for, t

NUDGE_VARIANTS = 7
LAST_CALL_VARIANTS = 3
# A follow-up is not worth sending when the user entered the post's numbers this recently.
FOLLOWUP_FRESH = timedelta(hours=12)
TOGGLES = {"nudges": "nudges_on", "lastcall": "last_call_on", "followups": "followups_on"}


class Reminders:
    def __init__(self, services: Services, planner: Planner, buddies: Buddies) -> None:
        self.services = services
        self.store = services.store
        self.planner = planner
        self.buddies = buddies

    def renderers(self) -> dict[DeliveryKind, Render]:
        return {
            DeliveryKind.NUDGE: self.render_nudge,
            DeliveryKind.SNOOZE: self.render_nudge,
            DeliveryKind.LAST_CALL: self.render_nudge,
            DeliveryKind.FOLLOWUP: self.render_followup,
        }

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "nudge", self.nudge, usage="nudge"),
            command(s, "quiet", self.quiet, usage="quiet"),
            command(s, "pause", self.pause, usage="pause"),
            command(s, "resume", self.resume),
            command(s, "rest", self.rest),
            legacy_button(s, "nudge", self.nudge_button),
            legacy_button(s, "remind", self.toggle_button),
            legacy_button(s, "followup", self.followup_button),
            ChatMemberHandler(self.member_changed, ChatMemberHandler.MY_CHAT_MEMBER),
        ]

    async def member_changed(self, update: Update, context: AnyContext) -> None:
        """A user blocking the bot stops everything proactive; unblocking brings it back."""
        change = update.my_chat_member
        if change is None or change.chat.type != ChatType.PRIVATE:
            return  # groups are the rooms' business
        if change.new_chat_member.status == ChatMemberStatus.BANNED:
            await self.store.reminders.mark_blocked(change.from_user.id, self.services.clock.now())
            return
        await identify(self.services, change.from_user)  # contact again: no longer blocked
        await self.planner.reschedule(change.from_user.id)

    # --- settings -------------------------------------------------------------------------------

    async def nudge(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        if not words:
            await self._show_settings(update, caller)
            return
        first = words[0].casefold()
        if first in TOGGLES and first != "nudges":
            if len(words) != 2:
                raise InputError("error.switch_missing", what=first)
            await self._save(update, caller, **{TOGGLES[first]: parse_switch(words[1])})
            return
        if len(words) != 1:
            raise InputError("error.nudge_shape")
        if first in ON_WORDS or first in OFF_WORDS:
            await self._save(update, caller, nudges_on=parse_switch(first))
        else:
            await self._save(update, caller, nudge_time=parse_clock(first), nudges_on=True)

    async def quiet(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            raise InputError("error.quiet_missing")
        await self._save(update, caller, quiet_hours=parse_quiet_hours(args))

    async def pause(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            raise InputError("error.pause_missing")
        days = parse_days(args, MAX_PAUSE_DAYS)
        await self._save(update, caller, paused_until=caller.today + timedelta(days=days - 1))

    async def resume(self, update: Update, caller: Caller, args: str) -> None:
        paused = caller.profile.paused_until
        if paused is None or paused < caller.today:
            raise InputError("resume.not_paused")
        await self._save(update, caller, paused_until=None)

    async def _save(self, update: Update, caller: Caller, **fields: object) -> None:
        await self.store.users.update(caller.user_id, caller.now, **fields)
        if fields.get("followups_on") is False:
            await self.store.reminders.stop_followups(caller.user_id)
        await self.planner.reschedule(caller.user_id)
        await self._show_settings(update, await refreshed(self.services, caller), saved=True)

    async def _show_settings(self, update: Update, caller: Caller, saved: bool = False) -> None:
        text = self.settings_text(caller)
        upcoming = await self.store.reminders.next_nudge(caller.user_id)
        if upcoming.at is not None:
            local = upcoming.at.astimezone(caller.zone.tz)
            text += "\n" + t(caller.lang, "remind.next", when=f"{local:%Y-%m-%d %H:%M}")
        if saved:
            text = t(caller.lang, "saved") + "\n\n" + text
        await answer(update, text, _toggles(caller.lang, caller.profile))

    def settings_text(self, caller: Caller) -> str:
        p, lang = caller.profile, caller.lang
        on, off = t(lang, "word.on"), t(lang, "word.off")
        paused = p.paused_until is not None and p.paused_until >= caller.today
        return t(
            lang,
            "remind.settings",
            nudge=f"{p.nudge_time:%H:%M}" if p.nudges_on else off,
            last_call=on if p.last_call_on else off,
            followups=on if p.followups_on else off,
            quiet=str(p.quiet_hours) if p.quiet_hours else off,
            paused=h(lang, "remind.paused_until", date=p.paused_until.isoformat())
            if paused and p.paused_until
            else off,
            zone=p.timezone,
        )

    async def toggle_button(self, update: Update, caller: Caller, args: str) -> None:
        column = TOGGLES.get(args)
        if column is None:
            raise InputError("error.button_expired")
        current = getattr(caller.profile, column)
        await self._save(update, caller, **{column: not current})

    # --- rest days ------------------------------------------------------------------------------

    async def rest(self, update: Update, caller: Caller, args: str) -> None:
        await answer(update, await self._take_rest(caller))

    async def _take_rest(self, caller: Caller) -> str:
        lang, allowance = caller.lang, caller.profile.rest_days_per_week
        if await self.store.posts.posted_on(caller.user_id, caller.today):
            raise InputError("rest.already_posted")
        week = this_week(caller.today)
        rests = await self.store.rest_days.all(caller.user_id)
        if caller.today in rests:
            raise InputError("rest.already")
        used = sum(1 for d in rests if d in week)
        if allowance == 0:
            raise InputError("rest.not_allowed")
        if used >= allowance:
            raise InputError("rest.none_left", count=allowance)
        await self.store.rest_days.add(caller.user_id, caller.today)
        activity = await self.store.posts.activity(caller.user_id)
        streak = compute_streak((a.day for a in activity), caller.today, [*rests, caller.today])
        return t(
            lang,
            "rest.taken",
            streak=h(lang, "streak.days", count=streak.current),
            left=h(lang, "rest.left", count=allowance - used - 1),
        )

    # --- the nudge and its buttons --------------------------------------------------------------

    async def render_nudge(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        if profile is None:
            return None
        now = self.services.clock.now()
        plan = plan_of(profile)
        about = (
            SnoozePeriod.decode(delivery.period)
            if delivery.kind is DeliveryKind.SNOOZE
            else DayPeriod.decode(delivery.period)
        )
        if about is None:
            return None
        day = about.day
        # Decided again at send time: the user may have posted while the message waited its turn.
        if plan.day_of(now) != day or plan.in_quiet_hours(now):
            return None
        if not await self.planner.nudge_wanted(profile, day):
            return None
        lang = language_for(profile.language, profile.telegram_language)
        activity = await self.store.posts.activity(profile.user_id)
        rests = await self.store.rest_days.all(profile.user_id)
        streak = compute_streak((a.day for a in activity), day, rests)
        if delivery.kind is DeliveryKind.LAST_CALL:
            key = f"last_call.v{variant(day, profile.user_id, LAST_CALL_VARIANTS)}"
        else:
            shift = 1 if delivery.kind is DeliveryKind.SNOOZE else 0
            key = (
                f"nudge.v{(variant(day, profile.user_id, NUDGE_VARIANTS) + shift) % NUDGE_VARIANTS}"
            )
        text = t(lang, key, name=profile.first_name)
        if streak.current:
            text += "\n" + t(
                lang, "nudge.streak_line", streak=h(lang, "streak.days", count=streak.current)
            )
        buddies = await self.buddies.days_of(profile, day)
        text = "\n".join((text, *(_buddy_line(lang, buddy) for buddy in buddies)))
        return Outgoing(profile.user_id, text, _nudge_buttons(lang, day))

    async def nudge_button(self, update: Update, caller: Caller, args: str) -> None:
        action, _, day = args.partition("|")
        if action not in ("posted", "snooze", "rest"):
            raise InputError("error.button_expired")
        if action == "posted":
            latest = await self.store.posts.latest(caller.user_id)
            keyboard = platform_picker(
                caller.lang, caller.profile.platforms, False, latest.number if latest else 0
            )
            await answer(update, t(caller.lang, "post.pick_platform"), keyboard)
            return
        if day != caller.today.isoformat():
            raise InputError("nudge.other_day")
        if action == "rest":
            await answer(update, await self._take_rest(caller))
            return
        until = snooze_until(caller.now, plan_of(caller.profile))
        if until is None:
            raise InputError("nudge.no_room")
        await self.planner.snooze(caller.profile, until)
        local = until.astimezone(caller.zone.tz)
        await answer(update, t(caller.lang, "nudge.snoozed", time=f"{local:%H:%M}"))

    # --- metrics follow-ups ---------------------------------------------------------------------

    async def render_followup(self, delivery: Delivery) -> Outgoing | None:
        about = FollowupPeriod.decode(delivery.period)
        profile = await self.store.users.get(delivery.chat_id)
        if profile is None or not profile.followups_on or about is None:
            return None
        post = await self.store.posts.by_id(profile.user_id, about.post_id)
        now = self.services.clock.now()
        if post is None or plan_of(profile).in_quiet_hours(now):
            return None
        updated = await self.store.posts.metrics_updated_at(post.post_id)
        if updated is not None and now - updated < FOLLOWUP_FRESH:
            return None
        lang = language_for(profile.language, profile.telegram_language)
        metrics = await self.store.posts.metrics(post.post_id)
        key = "followup.day1" if about.stage == 1 else "followup.day3"
        text = t(lang, key, label=fmt.post_label(lang, post))
        if metrics.saves is not None:
            text += "\n" + t(lang, "followup.last_saves", saves=fmt.number(metrics.saves))
        keyboard = markup(
            [
                [legacy_btn(t(lang, "btn.followup_enter"), "followup", "enter", str(post.post_id))],
                [legacy_btn(t(lang, "btn.followup_off"), "followup", "off")],
            ]
        )
        return Outgoing(profile.user_id, text, keyboard)

    async def followup_button(self, update: Update, caller: Caller, args: str) -> None:
        action, _, post_id = args.partition("|")
        if action == "off":
            await self._save(update, caller, followups_on=False)
            return
        if action != "enter" or not (post_id.isascii() and post_id.isdigit()):
            raise InputError("error.button_expired")
        post = await self.store.posts.by_id(caller.user_id, int(post_id))
        if post is None:
            raise InputError("followup.post_gone")
        profile = await self.store.users.update(
            caller.user_id, caller.now, awaiting=f"metrics:{post.post_id}"
        )
        caller = caller_for(profile, caller.now)
        await answer(
            update,
            t(caller.lang, "followup.ask", label=fmt.post_label(caller.lang, post)),
        )


def _nudge_buttons(lang: Language, day: date) -> InlineKeyboardMarkup:
    d = day.isoformat()
    return markup(
        [
            [legacy_btn(t(lang, "btn.nudge_posted"), "nudge", "posted", d)],
            [
                legacy_btn(t(lang, "btn.nudge_snooze"), "nudge", "snooze", d),
                legacy_btn(t(lang, "btn.nudge_rest"), "nudge", "rest", d),
            ],
        ]
    )


def _toggles(lang: Language, profile: Profile) -> InlineKeyboardMarkup:
    def label(name: str, on: bool) -> str:
        return t(lang, f"btn.toggle_{name}", state=t(lang, "word.on" if on else "word.off"))

    return markup(
        [
            [legacy_btn(label("nudges", profile.nudges_on), "remind", "nudges")],
            [legacy_btn(label("lastcall", profile.last_call_on), "remind", "lastcall")],
            [legacy_btn(label("followups", profile.followups_on), "remind", "followups")],
        ]
    )


def _buddy_line(lang: Language, buddy: BuddyDay) -> str:
    if buddy.posted is None:
        return t(lang, "buddy.nudge_private", name=buddy.name)
    key = "buddy.nudge_posted" if buddy.posted else "buddy.nudge_waiting"
    return t(lang, key, name=buddy.name)
