"""The coach: /plan (the 3-month program), /goals, and monthly reviews (/review and the sweep's)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from telegram import Update

from bot.domain.deliveries import DeliveryKind
from bot.domain.errors import InputError
from bot.domain.models import Language, Profile
from bot.domain.parsing import parse_goal_change, parse_iso_date, split_words
from bot.domain.program import (
    GOAL_OF_MONTH,
    MAX_BACKDATE_DAYS,
    MAX_FOLLOWER_TARGET,
    MAX_HIT_THRESHOLD,
    MAX_REST_DAYS,
    MAX_START_AHEAD_DAYS,
    MONTHS,
    GoalKind,
    Goals,
    Program,
    current_followers,
    goal_status,
    goals_of,
    posting_target,
    program_day,
    raised_goals,
)
from bot.domain.progress import Period, this_week
from bot.domain.review import (
    MonthReview,
    ReviewPeriod,
    build_program_report,
    build_review,
    calendar_review,
    program_review,
    review_period_for,
)
from bot.domain.streaks import compute_streak
from bot.features.base import (
    AnyHandler,
    Caller,
    answer,
    caller_for,
    command,
    legacy_button,
    refreshed,
)
from bot.outbound import Outgoing, Render
from bot.planner import Planner
from bot.render import format as fmt
from bot.render.charts import CardFigures, png, summary_card_figure
from bot.render.keyboards import legacy_btn, markup
from bot.services import Services
from bot.store.programs import ProgramRunningError
from bot.store.reminders import Delivery
from bot.texts import Html, h, t

START_WORDS = ("start", "开始")
STOP_WORDS = ("stop", "end", "结束", "停止")
LAST_WORDS = ("last", "previous", "上月", "上个月")


class Coaching:
    def __init__(self, services: Services, planner: Planner) -> None:
        self.services = services
        self.store = services.store
        self.planner = planner

    def renderers(self) -> dict[DeliveryKind, Render]:
        return {DeliveryKind.REVIEW: self.render_review}

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "plan", self.plan, usage="plan"),
            command(s, "goals", self.goals, usage="goals"),
            command(s, "review", self.review, usage="review"),
            legacy_button(s, "plan", self.plan_button),
        ]

    # --- /plan ------------------------------------------------------------------------------------

    async def plan(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        program = await self.store.programs.current(caller.user_id)
        if not words:
            if program is None:
                await self._start(update, caller, caller.today)
            else:
                await answer(update, await self.plan_text(caller, program))
            return
        action = words[0].casefold()
        if action in START_WORDS and len(words) <= 2:
            start = parse_iso_date(words[1]) if len(words) == 2 else caller.today
            if program is not None:
                raise InputError("plan.already_running", start=program.start_date.isoformat())
            if start < caller.today - timedelta(days=MAX_BACKDATE_DAYS):
                raise InputError("error.plan_start_past", days=MAX_BACKDATE_DAYS)
            if start > caller.today + timedelta(days=MAX_START_AHEAD_DAYS):
                raise InputError("error.plan_start_future", days=MAX_START_AHEAD_DAYS)
            await self._start(update, caller, start)
        elif action in STOP_WORDS and len(words) == 1:
            if program is None:
                raise InputError("plan.none")
            keyboard = markup(
                [
                    [
                        legacy_btn(
                            t(caller.lang, "btn.plan_stop"), "plan", "stop", str(program.program_id)
                        ),
                        legacy_btn(t(caller.lang, "btn.plan_keep"), "plan", "keep"),
                    ]
                ]
            )
            await answer(update, t(caller.lang, "plan.stop_confirm"), keyboard)
        else:
            raise InputError("error.plan_shape")

    async def _start(self, update: Update, caller: Caller, start: date) -> None:
        try:
            program = await self.store.programs.start(caller.user_id, start, caller.now)
        except ProgramRunningError:
            raise InputError("plan.already_running", start="") from None
        await self.planner.reschedule(caller.user_id)
        text = t(caller.lang, "plan.started", cycle=program.cycle, end=program.end_date.isoformat())
        await answer(update, text + "\n\n" + await self.plan_text(caller, program))

    async def plan_button(self, update: Update, caller: Caller, args: str) -> None:
        action, _, arg = args.partition("|")
        current = await self.store.programs.current(caller.user_id)
        if action == "keep":
            await answer(update, t(caller.lang, "plan.kept"))
        elif action == "stop":
            if current is None or str(current.program_id) != arg:
                raise InputError("plan.stale")
            await self.store.programs.end(caller.user_id, current.program_id, "stopped", caller.now)
            await self.planner.reschedule(caller.user_id)
            await answer(update, t(caller.lang, "plan.stopped"))
        elif action == "next":
            latest = await self.store.programs.latest(caller.user_id)
            if current is not None or latest is None or str(latest.program_id) != arg:
                raise InputError("plan.stale")
            counts = await self.store.followers.history(caller.user_id)
            goals = goals_of(caller.profile)
            raised = raised_goals(goals, current_followers(counts, goals.follower_platform))
            profile = await self.store.users.update(
                caller.user_id,
                caller.now,
                hit_threshold=raised.hit_threshold,
                follower_target=raised.follower_target,
            )
            await self._start(update, caller_for(profile, caller.now), caller.today)
        else:
            raise InputError("error.button_expired")

    async def plan_text(self, caller: Caller, program: Program) -> str:
        lang, today = caller.lang, caller.today
        where = program_day(program, today)
        if where is None:
            if today < program.start_date:
                return t(
                    lang,
                    "plan.not_started",
                    start=program.start_date.isoformat(),
                    count=(program.start_date - today).days,
                )
            return t(lang, "plan.finished", end=program.end_date.isoformat())
        goals = goals_of(caller.profile)
        month = program.month_period(where.month)
        activity = await self.store.posts.activity(caller.user_id)
        hits = await self.store.posts.hit_dates(caller.user_id)
        counts = await self.store.followers.history(caller.user_id)
        kind = GOAL_OF_MONTH[where.month]
        status = goal_status(kind, month, goals, activity, hits, counts, upto=today)
        lines = [
            t(
                lang,
                "plan.header",
                cycle=program.cycle,
                month=where.month,
                goal=goal_text(lang, kind, goals),
                day=where.day_in_month,
                left=h(lang, "plan.days_left", count=where.days_left_in_month),
                start=program.start_date.isoformat(),
                end=program.end_date.isoformat(),
            ),
            "",
            progress_line(lang, f"plan.progress_{status.kind}", status.done, status.target),
        ]
        if kind == "hit":
            scored = await self.store.posts.scored_between(caller.user_id, month.start, today)
            best = max((p.saves or 0 for p in scored), default=0)
            lines.append(progress_line(lang, "plan.best_saves", best, goals.hit_threshold))
        if where.month > 1:
            week = this_week(today)
            posted = sum(1 for a in activity if a.day in week)
            lines.append(progress_line(lang, "plan.habit_posting", posted, goals.days_per_week))
        if where.month > 2:
            whole = Period(program.start_date, today)
            lines.append(t(lang, "plan.habit_hits", count=sum(1 for d in hits if d in whole)))
        return "\n".join(lines)

    # --- /goals -----------------------------------------------------------------------------------

    async def goals(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            usage = t(caller.lang, "usage.heading") + "\n" + t(caller.lang, "usage.goals")
            await answer(update, self.goals_text(caller.lang, caller.profile) + "\n\n" + usage)
            return
        changes = parse_goal_change(args, MAX_HIT_THRESHOLD, MAX_FOLLOWER_TARGET, MAX_REST_DAYS)
        await self.store.users.update(
            caller.user_id, caller.now, **{c.field: c.value for c in changes}
        )
        caller = await refreshed(self.services, caller)
        text = t(caller.lang, "saved") + "\n\n" + self.goals_text(caller.lang, caller.profile)
        await answer(update, text)

    def goals_text(self, lang: Language, profile: Profile) -> str:
        goals = goals_of(profile)
        return t(
            lang,
            "goals.show",
            days=goals.days_per_week,
            month_days=posting_target(goals.days_per_week),
            threshold=goals.hit_threshold,
            followers=fmt.number(goals.follower_target),
            where=_where(lang, goals),
            rest=h(lang, "goals.rest", count=goals.rest_days_per_week),
        )

    # --- reviews ----------------------------------------------------------------------------------

    async def review(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        program = await self.store.programs.current(caller.user_id)
        current = review_period_for(program, caller.today)
        if not words:
            upto: date | None = caller.today if caller.today <= current.period.end else None
            await answer(update, await self.review_text(caller.profile, caller.lang, current, upto))
            return
        if len(words) > 1 or words[0].casefold() not in LAST_WORDS:
            raise InputError("error.review_shape")
        if program is not None and current.program_month and current.program_month > 1:
            previous = program_review(program, current.program_month - 1)
        else:
            previous = calendar_review(current.period.start.replace(day=1) - timedelta(days=1))
        await answer(update, await self.review_text(caller.profile, caller.lang, previous, None))

    async def render_review(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        review = await self.planner.review_period(delivery.chat_id, delivery.period)
        if profile is None or review is None:
            return None
        caller = caller_for(profile, self.services.clock.now())
        if review.program_id is None and not await self._has_activity(profile, review):
            return None  # nothing logged all month: a review of zeros helps nobody
        data = await self.month_review(profile, review, None)
        text = await self.review_text(profile, caller.lang, review, None, data)
        activity = await self.store.posts.activity(profile.user_id)
        rests = await self.store.rest_days.all(profile.user_id)
        streak = compute_streak((a.day for a in activity), review.period.end, rests).current
        card = await self.review_card(caller.lang, data, streak)
        keyboard = None
        if review.is_final and review.program_id is not None:
            program = await self.store.programs.by_id(profile.user_id, review.program_id)
            assert program is not None
            text += "\n\n" + await self.final_report(profile, caller.lang, program)
            keyboard = markup(
                [
                    [
                        legacy_btn(
                            t(caller.lang, "btn.next_cycle", cycle=program.cycle + 1),
                            "plan",
                            "next",
                            str(program.program_id),
                        )
                    ]
                ]
            )
        return Outgoing(profile.user_id, text, keyboard, photo=card)

    async def _has_activity(self, profile: Profile, review: ReviewPeriod) -> bool:
        period = review.period
        activity = await self.store.posts.activity(profile.user_id)
        counts = await self.store.followers.history(profile.user_id)
        return any(a.day in period for a in activity) or any(c.local_date in period for c in counts)

    async def month_review(
        self, profile: Profile, review: ReviewPeriod, upto: date | None
    ) -> MonthReview:
        uid, period = profile.user_id, review.period
        return build_review(
            review,
            goals_of(profile),
            profile.niche_tags,
            await self.store.posts.scored_between(uid, period.start, period.end),
            await self.store.posts.activity(uid),
            await self.store.rest_days.all(uid),
            await self.store.posts.hit_dates(uid),
            await self.store.followers.history(uid),
            upto,
        )

    async def review_text(
        self,
        profile: Profile,
        lang: Language,
        review: ReviewPeriod,
        upto: date | None,
        data: MonthReview | None = None,
    ) -> str:
        data = data or await self.month_review(profile, review, upto)
        goals = goals_of(profile)
        period = review.period
        heading = (
            t(lang, "review.heading_program", month=review.program_month, months=MONTHS)
            if review.program_month
            else t(lang, "review.heading_calendar")
        )
        lines = [
            heading + " · " + t(lang, "review.dates", start=period.start, end=period.end),
        ]
        if upto is not None:
            lines.append(t(lang, "review.so_far", date=upto.isoformat()))
        kind = review.goal_kind()
        verdict = (
            "verdict.met" if data.goal.met else ("verdict.open" if upto else "verdict.not_met")
        )
        lines += [
            t(
                lang,
                "review.goal",
                goal=goal_text(lang, kind, goals, period.length),
                verdict=h(lang, verdict),
            ),
            "",
            t(lang, "review.certain"),
            progress_line(lang, "review.days", data.posting.done, data.posting.target),
            t(lang, "review.posts", posts=data.posts, rest=data.rest_days),
            t(
                lang,
                "review.niche",
                share=data.niche_share,
                tags=" ".join(f"#{x}" for x in profile.niche_tags),
            )
            if data.niche_share is not None
            else t(lang, "review.niche_unset"),
            "",
            t(lang, "review.uncertain"),
            t(
                lang,
                "review.followers",
                changes=", ".join(
                    f"{fmt.platform_name(lang, k)} {fmt.signed(v)}"
                    for k, v in data.follower_changes.items()
                ),
            )
            if data.follower_changes
            else t(lang, "review.followers_none"),
            t(lang, "review.hits", count=data.hits),
            t(
                lang,
                "review.best",
                label=fmt.post_label(lang, data.best.post),
                saves=fmt.number(data.best.saves or 0),
            )
            if data.best
            else t(lang, "review.best_none"),
        ]
        following = review.next_goal_kind()
        if following is not None and upto is None:
            key = "review.next_program" if review.program_month else "review.next_calendar"
            lines += ["", t(lang, key, goal=goal_text(lang, following, goals))]
        return "\n".join(lines)

    async def review_card(self, lang: Language, data: MonthReview, streak: int) -> bytes:
        """The monthly review's one-image summary."""
        change = sum(data.follower_changes.values()) if data.follower_changes else None
        card = CardFigures(
            title=t(lang, "card.title", start=data.review.period.start, end=data.review.period.end),
            tiles=(
                (str(streak), t(lang, "card.streak")),
                (f"{data.posting.done}/{data.posting.target}", t(lang, "card.days")),
                ("—" if change is None else fmt.signed(change), t(lang, "card.followers")),
                (str(data.hits), t(lang, "card.hits")),
            ),
        )
        return await asyncio.to_thread(lambda: png(summary_card_figure(card)))

    async def final_report(self, profile: Profile, lang: Language, program: Program) -> str:
        uid = profile.user_id
        goals = goals_of(profile)
        counts = await self.store.followers.history(uid)
        report = build_program_report(
            program,
            goals,
            await self.store.posts.activity(uid),
            await self.store.posts.hit_dates(uid),
            counts,
        )
        raised = raised_goals(goals, current_followers(counts, goals.follower_platform))
        unknown = t(lang, "report.unknown")
        lines = [t(lang, "report.heading", cycle=program.cycle)]
        lines += [
            t(
                lang,
                "report.month",
                month=month,
                goal=goal_text(lang, status.kind, goals),
                done=fmt.number(status.done),
                target=fmt.number(status.target),
                verdict=h(lang, "verdict.met" if status.met else "verdict.not_met"),
            )
            for month, status in enumerate(report.months, start=1)
        ]
        lines += [
            t(lang, "report.totals", days=report.days_posted, posts=report.posts, hits=report.hits),
            t(
                lang,
                "report.followers",
                start=fmt.number(report.followers_start)
                if report.followers_start is not None
                else unknown,
                end=fmt.number(report.followers_end)
                if report.followers_end is not None
                else unknown,
            ),
            "",
            t(
                lang,
                "report.next",
                threshold=raised.hit_threshold,
                followers=fmt.number(raised.follower_target),
                where=_where(lang, raised),
            ),
        ]
        return "\n".join(lines)


def _where(lang: Language, goals: Goals) -> Html:
    if goals.follower_platform is None:
        return h(lang, "goal.total")
    return h(lang, "goal.on_platform", platform=fmt.platform_name(lang, goals.follower_platform))


def goal_text(lang: Language, kind: GoalKind, goals: Goals, days: int = 30) -> Html:
    if kind == "posting":
        return h(lang, "goal.posting", target=posting_target(goals.days_per_week, days), days=days)
    if kind == "hit":
        return h(lang, "goal.hit", threshold=goals.hit_threshold)
    return h(
        lang,
        "goal.followers",
        target=fmt.number(goals.follower_target),
        where=_where(lang, goals),
    )


def progress_line(lang: Language, key: str, done: int, target: int) -> str:
    """A "{done} of {target} {bar}" line: every progress bar the coach shows."""
    return t(lang, key, done=fmt.number(done), target=fmt.number(target), bar=fmt.bar(done, target))
