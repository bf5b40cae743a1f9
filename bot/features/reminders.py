"""Reminders: the daily nudge and its buttons, metrics follow-ups, and the settings that shape them
(/nudge, /quiet, /pause, /resume, /rest)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ChatMemberHandler

from bot.domain.backoff import NudgeBackoff
from bot.domain.deliveries import DayPeriod, DeliveryKind, SnoozePeriod
from bot.domain.errors import InputError
from bot.domain.models import Profile
from bot.domain.onboarding import Awaiting
from bot.domain.parsing import (
    OFF_WORDS,
    ON_WORDS,
    parse_clock,
    parse_days,
    parse_switch,
    split_words,
)
from bot.domain.rest import (
    RestChoice,
    nudge_day,
    parse_rest,
    rest_day,
    rest_days_left,
    rest_to_undo,
)
from bot.domain.schedule import (
    MAX_PAUSE_DAYS,
    next_reminder_after_day,
    plan_of,
    snooze_until,
)
from bot.domain.settings_input import parse_quiet_hours
from bot.domain.streaks import compute_streak, covered_yesterday
from bot.features.base import (
    Caller,
    Feature,
    answer,
    button,
    caller_for,
    command,
    identify,
    refreshed,
)
from bot.features.commands import AnyContext, AnyHandler
from bot.outbound import Compose, Outgoing
from bot.planner import Planner
from bot.render import checkins
from bot.render import nudges as render
from bot.render.nudges import (
    FollowupChoice,
    FollowupPress,
    KeepChoice,
    KeepPress,
    NudgeChoice,
    NudgePress,
    RemindToggle,
)
from bot.services import Services
from bot.services.buddies import Buddies
from bot.store.deliveries import Delivery

# A follow-up is not worth sending when the user entered the post's numbers this recently.
FOLLOWUP_FRESH = timedelta(hours=12)
# The profile setting behind each switch (typed after /nudge, or a settings toggle).
TOGGLES = {"nudges": "nudges_on", "lastcall": "last_call_on", "followups": "followups_on"}


class ReminderFeature(Feature):
    def __init__(self, services: Services, planner: Planner, buddies: Buddies) -> None:
        super().__init__(services)
        self.planner = planner
        self.buddies = buddies

    def composers(self) -> dict[DeliveryKind, Compose]:
        return {
            DeliveryKind.NUDGE: self.compose_nudge,
            DeliveryKind.SNOOZE: self.compose_nudge,
            DeliveryKind.LAST_CALL: self.compose_nudge,
            DeliveryKind.KEEP_ASKING: self.compose_keep_asking,
            DeliveryKind.FOLLOWUP: self.compose_followup,
            DeliveryKind.REST_USED: self.compose_rest_used,
        }

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "nudge", self.nudge, usage="nudge", menu="menu.nudge"),
            command(s, "quiet", self.quiet, usage="quiet"),
            command(s, "pause", self.pause, usage="pause"),
            command(s, "resume", self.resume),
            command(s, "rest", self.rest, usage="rest", menu="menu.rest"),
            button(s, NudgePress, self.nudge_button),
            button(s, KeepPress, self.keep_button),
            button(s, RemindToggle, self.toggle_button),
            button(s, FollowupPress, self.followup_button),
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
        # Contact again: no longer blocked, rescheduled from now (see `identify`).
        await identify(self.services, change.from_user)

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
            on = parse_switch(first)
        else:
            on, caller = True, caller_for(await self._nudge_time(caller, first), caller.now)
        if on:  # asking for nudges again: daily, whatever the back-off was
            await self.store.reminders.reschedule(caller.user_id, NudgeBackoff())
        await self._save(update, caller, nudges_on=on)

    async def _nudge_time(self, caller: Caller, typed: str) -> Profile:
        return await self.store.users.update(
            caller.user_id, caller.now, nudge_time=parse_clock(typed)
        )

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
        profile = caller.profile
        paused_until = profile.paused_until if plan_of(profile).paused_on(caller.today) else None
        upcoming = await self._next_reminder(caller)
        local = upcoming.astimezone(caller.zone.tz) if upcoming is not None else None
        backoff = await self.store.reminders.backoff(caller.user_id)
        text = render.settings_view(caller.lang, profile, paused_until, local, backoff, saved)
        await answer(update, text, render.toggles(caller.lang, profile))

    async def _next_reminder(self, caller: Caller) -> datetime | None:
        """The next reminder that will really go out: the one scheduled, unless it is today's
        and today is already logged or rested (the sweep skips it), then the next day's."""
        plan = plan_of(caller.profile)
        upcoming = (await self.store.reminders.next_nudge(caller.user_id)).at
        if upcoming is None or plan.day_of(upcoming) > caller.today:
            return upcoming
        if await self.planner.nudge_wanted(caller.profile, caller.today):
            return upcoming
        following = next_reminder_after_day(caller.today, plan)
        return following.at if following is not None else None

    async def toggle_button(self, update: Update, caller: Caller, pressed: RemindToggle) -> None:
        column = TOGGLES[pressed.switch]
        current = getattr(caller.profile, column)
        await self._save(update, caller, **{column: not current})

    # --- rest days ------------------------------------------------------------------------------

    async def rest(self, update: Update, caller: Caller, args: str) -> None:
        choice = parse_rest(args)
        if choice is RestChoice.UNDO:
            day = rest_to_undo(await self.store.rest_days.all(caller.user_id), caller.today)
            await self.store.rest_days.remove(caller.user_id, day)
            await answer(update, render.rest_undone(caller.lang, day))
            return
        await answer(update, await self._take_rest(caller, rest_day(choice, caller.today)))

    async def _take_rest(self, caller: Caller, day: date) -> str:
        posted = await self.store.posts.posted_on(caller.user_id, day)
        rests = await self.store.rest_days.all(caller.user_id) if not posted else []
        allowance = caller.profile.rest_days_per_week
        left = rest_days_left(day, posted, rests, allowance, caller.today)
        await self.store.rest_days.add(caller.user_id, day, caller.now)
        activity = await self.store.posts.activity(caller.user_id)
        streak = compute_streak((a.day for a in activity), caller.today, [*rests, day], allowance)
        if day == caller.today:
            return render.rest_taken(caller.lang, streak.current, left)
        return render.rest_taken_on(caller.lang, day, streak.current, left)

    async def compose_rest_used(self, delivery: Delivery) -> Outgoing | None:
        """Decided again at send time: a backfilled yesterday needs no notice."""
        profile = await self.store.users.get(delivery.chat_id)
        about = DayPeriod.decode(delivery.period)
        if profile is None or about is None:
            return None
        today = plan_of(profile).day_of(self.services.clock.now())
        if today != about.day + timedelta(days=1):
            return None
        posted = [a.day for a in await self.store.posts.activity(profile.user_id)]
        rests = await self.store.rest_days.all(profile.user_id)
        saved = covered_yesterday(posted, rests, profile.rest_days_per_week, today)
        if saved is None:
            return None
        lang = profile.lang
        return Outgoing(profile.user_id, render.rest_used(lang, saved.current))

    # --- the nudge and its buttons --------------------------------------------------------------

    async def compose_nudge(self, delivery: Delivery) -> Outgoing | None:
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
        lang = profile.lang
        activity = await self.store.posts.activity(profile.user_id)
        rests = await self.store.rest_days.all(profile.user_id)
        streak = compute_streak((a.day for a in activity), day, rests, profile.rest_days_per_week)
        buddies = await self.buddies.days_of(profile, day)
        text = render.nudge_text(lang, delivery.kind, profile, day, streak.current, buddies)
        return Outgoing(profile.user_id, text, render.nudge_buttons(lang, day))

    async def compose_keep_asking(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        about = DayPeriod.decode(delivery.period)
        if profile is None or about is None:
            return None
        now = self.services.clock.now()
        plan = plan_of(profile)
        if plan.day_of(now) != about.day or plan.in_quiet_hours(now):
            return None
        if not await self.planner.nudge_wanted(profile, about.day):
            return None
        lang = profile.lang
        backoff = await self.store.reminders.backoff(profile.user_id)
        return Outgoing(profile.user_id, *render.keep_asking(lang, backoff.ignored))

    async def keep_button(self, update: Update, caller: Caller, pressed: KeepPress) -> None:
        """The press itself has put nudges back to daily (see `button`); Weekly and Stop go on."""
        if pressed.choice is KeepChoice.WEEKLY:
            weekly = NudgeBackoff(last_sent=caller.today, mode="weekly")
            await self.store.reminders.reschedule(caller.user_id, weekly)
        if pressed.choice is KeepChoice.STOP:
            await self.store.users.update(caller.user_id, caller.now, nudges_on=False)
            await self.planner.reschedule(caller.user_id)
        elif pressed.choice is KeepChoice.YES:
            await self.store.reminders.reschedule(caller.user_id, NudgeBackoff())
        await answer(update, render.kept(caller.lang, pressed.choice))

    async def nudge_button(self, update: Update, caller: Caller, pressed: NudgePress) -> None:
        """Posted and Rest act on the nudge's day (yesterday's too, pressed the next morning);
        Snooze only on today's."""
        day = nudge_day(pressed.day, caller.today)
        if pressed.choice is NudgeChoice.POSTED:
            latest = await self.store.posts.latest(caller.user_id)
            yesterday = day != caller.today
            keyboard = checkins.platform_picker(
                caller.lang, caller.profile.platforms, yesterday, latest.number if latest else 0
            )
            await answer(update, checkins.pick_platform(caller.lang, yesterday), keyboard)
            return
        if pressed.choice is NudgeChoice.REST:
            await answer(update, await self._take_rest(caller, day))
            return
        if day != caller.today:
            raise InputError("nudge.other_day")
        until = snooze_until(caller.now, plan_of(caller.profile))
        if until is None:
            raise InputError("nudge.no_room")
        await self.planner.snooze(caller.profile, until)
        await answer(update, render.snoozed(caller.lang, until.astimezone(caller.zone.tz)))

    # --- metrics follow-ups ---------------------------------------------------------------------

    async def compose_followup(self, delivery: Delivery) -> Outgoing | None:
        about = DayPeriod.decode(delivery.period)
        profile = await self.store.users.get(delivery.chat_id)
        if profile is None or not profile.followups_on or about is None:
            return None
        now = self.services.clock.now()
        if plan_of(profile).in_quiet_hours(now):
            return None
        asked = []
        for item in await self.store.reminders.asked_on(profile.user_id, about.day):
            updated = await self.store.posts.metrics_updated_at(item.post.post_id)
            if updated is None or now - updated >= FOLLOWUP_FRESH:
                saves = (await self.store.posts.metrics(item.post.post_id)).saves
                asked.append((item.post, item.stage, saves))
        lang = profile.lang
        if len(asked) == 1:
            ((post, stage, saves),) = asked
            text = render.followup_text(lang, stage, post, saves)
            return Outgoing(profile.user_id, text, render.followup_buttons(lang, post.post_id))
        if not asked:
            return None
        posts = [post for post, _, _ in asked]
        return Outgoing(
            profile.user_id,
            render.followups_text(lang, asked),
            render.followups_buttons(lang, posts),
        )

    async def followup_button(self, update: Update, caller: Caller, pressed: FollowupPress) -> None:
        if pressed.choice is FollowupChoice.OFF:
            await self._save(update, caller, followups_on=False)
            return
        post = await self.store.posts.by_id(caller.user_id, pressed.post_id)
        if post is None:
            raise InputError("followup.post_gone")
        # The answer comes as text: ProfileFeature routes it to Checkins.metrics_answer.
        profile = await self.store.users.update(
            caller.user_id, caller.now, awaiting=Awaiting.metrics(post.post_id).encode()
        )
        caller = caller_for(profile, caller.now)
        await answer(update, render.followup_ask(caller.lang, post))
