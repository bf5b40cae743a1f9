"""Keeping each user's schedule, and the sweeps that find what is due.

`reschedule` recomputes a user's next nudge and next review after anything that moves them
(timezone, nudge time, day start, quiet hours, pause, program start or stop, unblocking). The
sweeps read what is due from the indexed columns, decide with the pure rules in
`bot.domain.schedule`, claim each message (a unique delivery row, written with the schedule's next
step in one transaction) and hand it to the outbound queue.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from bot.domain.backoff import NudgeBackoff, NudgeStep
from bot.domain.deliveries import (
    DayPeriod,
    DeliveryKind,
    KeyPeriod,
    PeriodCodec,
    SnoozePeriod,
)
from bot.domain.models import Profile
from bot.domain.program import Program
from bot.domain.rest import week_already_done
from bot.domain.review import (
    ReviewPeriod,
    calendar_review,
    parse_review_key,
    program_review,
    review_after,
    review_due_at,
    review_period_for,
)
from bot.domain.schedule import (
    MAX_FOLLOWUP_POSTS,
    Reminder,
    ReminderKind,
    ReminderPlan,
    at_local,
    followup_at,
    followups_gathered_until,
    late_send_at,
    next_followup_day,
    next_reminder,
    out_of_quiet_hours,
    plan_of,
)
from bot.domain.streaks import covered_yesterday, morning_notice_time
from bot.outbound import Outbox
from bot.services import Services
from bot.store.reminders import Advance, Due, DueFollowup, NextFollowup, NextNudge, NextReview
from bot.sweeps import Sweep

log = logging.getLogger(__name__)

BATCH = 500
T = TypeVar("T")
LATE_ENOUGH_TO_LOG = timedelta(minutes=2)
_KINDS: tuple[ReminderKind, ...] = ("nudge", "snooze", "last_call")
RECENT_ACTIVITY = timedelta(days=14)  # a streak a frozen day can save has a post this recent
NOTICE_GAP = timedelta(hours=20)  # one rest-day notice a morning at most
MAX_PROACTIVE_A_DAY = 3


def nudge_period(reminder: Reminder) -> DayPeriod | SnoozePeriod:
    """The delivery key of a reminder: one nudge and one last call per day; each snooze its own."""
    if reminder.kind == "snooze":
        return SnoozePeriod(reminder.day, reminder.at.astimezone(UTC).time())
    return DayPeriod(reminder.day)


DELIVERY_OF: dict[ReminderKind, DeliveryKind] = {
    "nudge": DeliveryKind.NUDGE,
    "snooze": DeliveryKind.SNOOZE,
    "last_call": DeliveryKind.LAST_CALL,
}


class Planner:
    def __init__(self, services: Services, outbox: Outbox) -> None:
        self.services = services
        self.store = services.store
        self.clock = services.clock
        self.outbox = outbox

    def sweeps(self) -> dict[str, Sweep]:
        return {
            "nudges": self.sweep_nudges,
            "followups": self.sweep_followups,
            "reviews": self.sweep_reviews,
            "rest_notices": self.sweep_rest_notices,
        }

    # --- keeping the schedule -----------------------------------------------------------------

    async def reschedule(self, user_id: int) -> None:
        profile = await self.store.users.get(user_id)
        if profile is None:
            return
        now = self.clock.now()
        program = await self.store.programs.current(user_id)
        await self.store.reminders.reschedule(
            user_id, self._next_nudge(profile, now), await self._next_review(profile, program, now)
        )

    async def snooze(self, profile: Profile, until: datetime) -> None:
        await self.store.reminders.reschedule(profile.user_id, NextNudge(until, "snooze"))

    @staticmethod
    def _next_nudge(profile: Profile, after: datetime) -> NextNudge:
        following = next_reminder(after, plan_of(profile))
        return NextNudge(following.at, following.kind) if following else NextNudge(None, None)

    async def _next_review(
        self, profile: Profile, program: Program | None, now: datetime
    ) -> NextReview:
        current = await self.store.reminders.next_review(profile.user_id)
        if current.at is not None and current.at <= now:
            return current  # due already: a missed review is always sent, late if need be
        plan = plan_of(profile)
        today = plan.day_of(now)
        scheduled = await self.review_period(profile.user_id, current.period or "")
        if scheduled is None or scheduled.period.end >= today:
            # Nothing waiting on a finished period: review the one we are in.
            scheduled = review_period_for(program, today)
        return NextReview(review_due_at(scheduled, profile.nudge_time, plan), scheduled.key)

    async def schedule_newcomers(self) -> int:
        """Users from before reminders existed get their schedule once, at start-up."""
        users = await self.store.reminders.unscheduled()
        for user_id in users:
            await self.reschedule(user_id)
        return len(users)

    async def review_period(self, user_id: int, key: str) -> ReviewPeriod | None:
        parsed = parse_review_key(key)
        if parsed is None:
            return None
        first, month = parsed
        if isinstance(first, date):
            return calendar_review(first)
        if month is None:
            return None
        program = await self.store.programs.by_id(user_id, first)
        return program_review(program, month) if program else None

    # --- the sweeps -----------------------------------------------------------------------------

    async def sweep_nudges(self) -> int:
        return await self._sweep(self.store.reminders.due_nudges, self._nudge)

    async def sweep_reviews(self) -> int:
        return await self._sweep(self.store.reminders.due_reviews, self._review)

    async def sweep_followups(self) -> int:
        return await self._sweep(self.store.reminders.followup_users_due, self._followups)

    async def _sweep(
        self,
        find: Callable[[datetime, int], Awaitable[Sequence[T]]],
        handle: Callable[[T, datetime], Awaitable[int]],
    ) -> int:
        """Work through everything due in batches; each item moves its schedule past `now`, so
        the loop ends."""
        now = self.clock.now()
        queued = 0
        while True:
            due = await find(now, BATCH)
            for item in due:
                if self.outbox.closing:
                    return queued  # shutting down: the rest is still due at the next start
                queued += await handle(item, now)
            if len(due) < BATCH:
                return queued
            await asyncio.sleep(0)  # let check-ins in between batches

    async def _nudge(self, item: Due, now: datetime) -> int:
        profile = await self.store.users.get(item.user_id)
        assert profile is not None
        plan = plan_of(profile)
        kind: ReminderKind = next((k for k in _KINDS if k == item.what), "nudge")
        due = Reminder(item.at, kind, plan.day_of(item.at))
        if late_send_at(due, now, plan) is None:
            due = self._catch_up(due, now, plan)
            kind = due.kind
        following = self._next_nudge(profile, now)
        send_at = late_send_at(due, now, plan)
        if send_at is None:
            if now - item.at > LATE_ENOUGH_TO_LOG:
                log.info(
                    "a %s for %s fell due at %s and its day is over: missed", kind, due.day, item.at
                )
            await self.store.reminders.reschedule(item.user_id, following)
            return 0
        if send_at > now:  # inside quiet hours: later the same day
            await self.store.reminders.reschedule(item.user_id, NextNudge(send_at, kind))
            return 0
        if not await self.nudge_wanted(profile, due.day):
            await self.store.reminders.reschedule(item.user_id, following)
            return 0
        if due.kind == "snooze":  # asked for by a press: never backed off
            return await self._claim(
                item.user_id, DeliveryKind.SNOOZE, nudge_period(due), now, following
            )
        return await self._backed_off(item.user_id, due, now, following)

    async def _backed_off(
        self, user_id: int, due: Reminder, now: datetime, following: NextNudge
    ) -> int:
        """The day's nudge, the every-other-day or weekly one, or "Keep reminding me?" instead; a
        last call only while nudges are daily."""
        backoff = await self._backoff(user_id, due.day)
        if due.kind == "last_call":
            step: NudgeStep = "nudge" if backoff.cadence == "daily" else "skip"
        else:
            step = backoff.step(due.day)
        if step == "skip":
            await self.store.reminders.reschedule(user_id, following, backoff)
            return 0
        then: list[Advance] = [following]
        if due.kind == "nudge":
            then.append(backoff.sent(due.day, step))
        kind = DeliveryKind.KEEP_ASKING if step == "ask" else DELIVERY_OF[due.kind]
        return await self._claim(user_id, kind, nudge_period(due), now, then)

    async def _backoff(self, user_id: int, today: date) -> NudgeBackoff:
        """The back-off state, with the last nudge counted once its day is over."""
        backoff = await self.store.reminders.backoff(user_id)
        day = backoff.unanswered
        if day is None or day >= today:
            return backoff
        answered = await self.store.posts.posted_on(user_id, day) or await self.store.rest_days.on(
            user_id, day
        )
        return backoff.counted(today, answered)

    @staticmethod
    def _catch_up(stale: Reminder, now: datetime, plan: ReminderPlan) -> Reminder:
        """After downtime the stored reminder's day may be over while today's has fallen due
        meanwhile: that one is the one to consider."""
        latest = stale
        candidate = next_reminder(stale.at, plan)
        while candidate is not None and candidate.at <= now:
            latest = candidate
            candidate = next_reminder(candidate.at, plan)
        return latest

    async def nudge_wanted(self, profile: Profile, day: date) -> bool:
        """No nudge on a day already logged or rested, once the week's posting target is met,
        while paused, or with nudges off."""
        plan = plan_of(profile)
        if plan.nudge_time is None or plan.paused_on(day) or profile.blocked:
            return False
        if await self.store.posts.posted_on(profile.user_id, day):
            return False
        if await self.store.rest_days.on(profile.user_id, day):
            return False
        posted = (a.day for a in await self.store.posts.activity(profile.user_id))
        return not week_already_done(posted, day, profile.posting_days_per_week)

    async def _followups(self, user_id: int, now: datetime) -> int:
        """One message a day at most, about every post due by the end of the day's asking hours;
        each post keeps its own stages. A post that finds today's message sent waits for
        tomorrow's."""
        profile = await self.store.users.get(user_id)
        assert profile is not None
        plan = plan_of(profile)
        due = await self.store.reminders.followups_of(
            user_id, followups_gathered_until(now, plan), MAX_FOLLOWUP_POSTS
        )
        if not profile.followups_on:
            off = [NextFollowup(item.post_id, None, item.stage - 1) for item in due]
            await self.store.reminders.reschedule(user_id, *off)
            return 0
        if plan.in_quiet_hours(now):
            later = out_of_quiet_hours(now, plan)
            await self.store.reminders.reschedule(
                user_id, *(NextFollowup(item.post_id, later, item.stage - 1) for item in due)
            )
            return 0
        today = plan.day_of(now)
        asked: list[Advance] = [self._asked(item, now, plan, today) for item in due]
        queued = await self._claim(user_id, DeliveryKind.FOLLOWUP, DayPeriod(today), now, asked)
        if not queued:  # today's message has gone out already
            tomorrow = next_followup_day(now, plan)
            await self.store.reminders.reschedule(
                user_id, *(NextFollowup(item.post_id, tomorrow, item.stage - 1) for item in due)
            )
        return queued

    @staticmethod
    def _asked(item: DueFollowup, now: datetime, plan: ReminderPlan, today: date) -> NextFollowup:
        following = followup_at(item.logged_at, item.stage + 1, plan)
        # After downtime both stages may be due: ask once, for the latest.
        if following is not None and following <= now:
            following = out_of_quiet_hours(now + timedelta(hours=24), plan)
        return NextFollowup(item.post_id, following, item.stage, today)

    async def _review(self, item: Due, now: datetime) -> int:
        profile = await self.store.users.get(item.user_id)
        assert profile is not None
        plan = plan_of(profile)
        if plan.in_quiet_hours(now):
            later = NextReview(out_of_quiet_hours(now, plan), item.what)
            await self.store.reminders.reschedule(item.user_id, later)
            return 0
        review = await self.review_period(item.user_id, item.what)
        if review is None:
            log.warning("unknown review period %r for a user: rescheduled", item.what)
            await self.store.reminders.reschedule(item.user_id, NextReview(None, None))
            await self.reschedule(item.user_id)
            return 0
        program = await self.store.programs.current(item.user_id)
        own = program is not None and program.program_id == review.program_id
        if own and review.is_final and program is not None:
            await self.store.programs.end(item.user_id, program.program_id, "completed", now)
            program, own = None, False
        # The same program's next month follows (even if it is due already: missed reviews are
        # sent); otherwise — a calendar month, a stopped or finished program, a program started
        # since — the review of the period we are in now.
        after = (
            review_after(review, program) if own else review_period_for(program, plan.day_of(now))
        )
        then = NextReview(review_due_at(after, profile.nudge_time, plan), after.key)
        return await self._claim(
            item.user_id, DeliveryKind.REVIEW, KeyPeriod(review.key), now, then
        )

    async def sweep_rest_notices(self) -> int:
        """The morning after a missed day the week's rest allowance covered, tell the user once:
        "Yesterday used your rest day — streak safe" (claimed per frozen day)."""
        now = self.clock.now()
        since = (now - RECENT_ACTIVITY).date()
        queued = 0
        for user_id in await self.store.rest_days.notice_candidates(since, now - NOTICE_GAP):
            if self.outbox.closing:
                break
            queued += await self._rest_notice(user_id, now)
        return queued

    async def _rest_notice(self, user_id: int, now: datetime) -> int:
        profile = await self.store.users.get(user_id)
        if profile is None or not profile.nudges_on:
            return 0
        plan = plan_of(profile)
        today = plan.day_of(now)
        local = now.astimezone(plan.tz)
        if plan.in_quiet_hours(now) or plan.paused_on(today) or not morning_notice_time(local):
            return 0
        posted = [a.day for a in await self.store.posts.activity(user_id)]
        rests = await self.store.rest_days.all(user_id)
        if covered_yesterday(posted, rests, profile.rest_days_per_week, today) is None:
            return 0
        day_began = at_local(today, plan.day_start, plan.tz)
        if await self.store.deliveries.proactive_since(user_id, day_began) >= MAX_PROACTIVE_A_DAY:
            return 0  # the day's messages are spent: the notice is the one to go
        yesterday = DayPeriod(today - timedelta(days=1))
        delivery = await self.store.deliveries.claim(
            user_id, DeliveryKind.REST_USED, yesterday, now
        )
        if delivery is None:
            return 0
        self.outbox.put(delivery)
        return 1

    async def _claim(
        self,
        user_id: int,
        kind: DeliveryKind,
        about: PeriodCodec,
        now: datetime,
        then: Advance | Sequence[Advance],
    ) -> int:
        delivery = await self.store.deliveries.claim(user_id, kind, about, now, then)
        if delivery is None:
            return 0
        self.outbox.put(delivery)
        return 1
