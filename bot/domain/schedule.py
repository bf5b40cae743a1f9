"""When proactive messages are due: daily nudges, the last call, metrics follow-ups.

Everything here works in the user's wall-clock time and returns UTC instants. Two rules decide the
awkward cases and are tested at the edges (UTC+14, UTC−12, half-hour zones, both DST changes):

- A wall time that a DST jump skips lands just after the jump (02:30 → 03:30); a wall time that
  happens twice means its first occurrence. That is what `fold=0` gives, so it is written once here.
- A reminder belongs to one local day (the user's day, which may start as late as 04:00). It may be
  moved out of quiet hours, but never past the end of that day: then the day simply has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Literal

from bot.domain.days import local_date

if TYPE_CHECKING:  # models imports this module for QuietHours
    from bot.domain.models import Profile

ReminderKind = Literal["nudge", "snooze", "last_call"]

LAST_CALL_BEFORE_DAY_END = timedelta(minutes=90)
SNOOZE = timedelta(hours=1)
FOLLOWUP_DELAYS = (timedelta(hours=24), timedelta(hours=72))
# A follow-up question waits for a sensible local hour.
FOLLOWUP_EARLIEST = time(9, 0)
FOLLOWUP_LATEST = time(21, 0)
# One follow-up message lists at most this many posts (one button each); more wait a day.
MAX_FOLLOWUP_POSTS = 10
MAX_PAUSE_DAYS = 90


@dataclass(frozen=True)
class QuietHours:
    """A daily window with no proactive messages; `start > end` runs across midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @staticmethod
    def from_db(text: str | None) -> QuietHours | None:
        if not text:
            return None
        start, _, end = text.partition("-")
        return QuietHours(time.fromisoformat(start), time.fromisoformat(end))


@dataclass(frozen=True)
class ReminderPlan:
    """The settings that decide one user's reminders."""

    tz: tzinfo
    day_start: time
    nudge_time: time | None  # None: daily nudges are off
    last_call: bool
    quiet: QuietHours | None
    paused_until: date | None  # the last paused local date

    def day_of(self, instant: datetime) -> date:
        return local_date(instant, self.tz, self.day_start)

    def paused_on(self, day: date) -> bool:
        return self.paused_until is not None and day <= self.paused_until

    def in_quiet_hours(self, instant: datetime) -> bool:
        return self.quiet is not None and self.quiet.contains(
            instant.astimezone(self.tz).time().replace(tzinfo=None)
        )


@dataclass(frozen=True)
class Reminder:
    at: datetime  # UTC
    kind: ReminderKind
    day: date  # the user's local day it is about


def at_local(day: date, moment: time, tz: tzinfo) -> datetime:
    """The UTC instant of wall-clock `moment` on calendar `day` (see the DST rule above)."""
    return datetime.combine(day, moment, tzinfo=tz).astimezone(UTC)


def day_window(day: date, plan: ReminderPlan) -> tuple[datetime, datetime]:
    """The user's local day `day` as [start, end) in UTC."""
    return (
        at_local(day, plan.day_start, plan.tz),
        at_local(day + timedelta(days=1), plan.day_start, plan.tz),
    )


def wall_time_on(day: date, moment: time, plan: ReminderPlan) -> datetime:
    """`moment` during the user's day `day`: after midnight it is the next calendar date when the
    day starts later than `moment` (a 01:00 nudge for a day starting at 03:00)."""
    calendar_day = day if moment >= plan.day_start else day + timedelta(days=1)
    return at_local(calendar_day, moment, plan.tz)


def out_of_quiet_hours(instant: datetime, plan: ReminderPlan) -> datetime:
    """`instant`, or the end of the quiet hours it falls in."""
    if plan.quiet is None or not plan.in_quiet_hours(instant):
        return instant
    local = instant.astimezone(plan.tz)
    end_date = local.date() if local.time() < plan.quiet.end else local.date() + timedelta(days=1)
    return at_local(end_date, plan.quiet.end, plan.tz)


def within_day(instant: datetime, day: date, plan: ReminderPlan) -> datetime | None:
    """`instant` moved out of quiet hours, or None when that would leave the user's day."""
    moved = out_of_quiet_hours(instant, plan)
    start, end = day_window(day, plan)
    return moved if start <= moved < end else None


def reminders_on(day: date, plan: ReminderPlan) -> list[Reminder]:
    if plan.nudge_time is None or plan.paused_on(day):
        return []
    found: list[Reminder] = []
    nudge = within_day(wall_time_on(day, plan.nudge_time, plan), day, plan)
    if nudge is not None:
        found.append(Reminder(nudge, "nudge", day))
    if plan.last_call:
        last = within_day(day_window(day, plan)[1] - LAST_CALL_BEFORE_DAY_END, day, plan)
        # A last call only makes sense after the day's nudge.
        if last is not None and (nudge is None or last > nudge):
            found.append(Reminder(last, "last_call", day))
    return found


def next_reminder(after: datetime, plan: ReminderPlan) -> Reminder | None:
    """The first reminder strictly after `after`; None when nudges are off (or quiet hours swallow
    every nudge)."""
    if plan.nudge_time is None:
        return None
    first = plan.day_of(after)
    if plan.paused_on(first):
        assert plan.paused_until is not None
        first = plan.paused_until + timedelta(days=1)
    for offset in range(3):
        for reminder in reminders_on(first + timedelta(days=offset), plan):
            if reminder.at > after:
                return reminder
    return None


def next_reminder_after_day(day: date, plan: ReminderPlan) -> Reminder | None:
    """The first reminder of a later day: what comes next once `day` is logged or rested (its
    own reminders are not sent then)."""
    return next_reminder(day_window(day, plan)[1] - timedelta(microseconds=1), plan)


def late_send_at(due: Reminder, now: datetime, plan: ReminderPlan) -> datetime | None:
    """When a reminder that fell due (maybe during downtime) may still go out: now, or when the
    quiet hours end — as long as it is still the reminder's day. None: it is missed."""
    if plan.day_of(now) != due.day:
        return None
    return within_day(now, due.day, plan)


def snooze_until(now: datetime, plan: ReminderPlan) -> datetime | None:
    """An hour from now, out of quiet hours, still today; None when today has no room left."""
    return within_day(now + SNOOZE, plan.day_of(now), plan)


def followup_at(logged_at: datetime, stage: int, plan: ReminderPlan) -> datetime | None:
    """Stage 1 asks ~24 h after the post was logged, stage 2 ~72 h; at a sensible local hour and
    never in quiet hours. None after the last stage."""
    if not 1 <= stage <= len(FOLLOWUP_DELAYS):
        return None
    target = logged_at + FOLLOWUP_DELAYS[stage - 1]
    local = target.astimezone(plan.tz)
    if local.time() < FOLLOWUP_EARLIEST:
        target = at_local(local.date(), FOLLOWUP_EARLIEST, plan.tz)
    elif local.time() >= FOLLOWUP_LATEST:
        target = at_local(local.date() + timedelta(days=1), FOLLOWUP_EARLIEST, plan.tz)
    return out_of_quiet_hours(target, plan)


def followups_gathered_until(now: datetime, plan: ReminderPlan) -> datetime:
    """A day's one follow-up message asks about every post due by the end of that day's asking
    hours, so posts logged a few hours apart are asked about together rather than a day late."""
    local = now.astimezone(plan.tz)
    return max(now, at_local(local.date(), FOLLOWUP_LATEST, plan.tz))


def next_followup_day(now: datetime, plan: ReminderPlan) -> datetime:
    """When a post that missed today's follow-up message is asked about: tomorrow's first
    sensible hour, out of quiet hours."""
    tomorrow = now.astimezone(plan.tz).date() + timedelta(days=1)
    return out_of_quiet_hours(at_local(tomorrow, FOLLOWUP_EARLIEST, plan.tz), plan)


def variant(day: date, user_id: int, count: int) -> int:
    """Which of `count` texts to use on `day`: consecutive days always differ (for count ≥ 2),
    and different users don't all get the same line on the same day."""
    return (day.toordinal() + user_id) % count


def plan_of(profile: Profile) -> ReminderPlan:
    """The reminder rules of one user, from their settings."""
    return ReminderPlan(
        tz=profile.zone.tz,
        day_start=profile.day_start,
        nudge_time=profile.nudge_time if profile.nudges_on else None,
        last_call=profile.last_call_on,
        quiet=profile.quiet_hours,
        paused_until=profile.paused_until,
    )
