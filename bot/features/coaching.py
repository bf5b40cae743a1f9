"""The coach: /plan (the 3-month program), /goals, and monthly reviews (/review and the sweep's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from telegram import InputFile, Update

from bot.domain.deliveries import DeliveryKind
from bot.domain.errors import InputError
from bot.domain.models import Profile
from bot.domain.parsing import parse_iso_date, split_words
from bot.domain.phase import PhaseView, phase_view
from bot.domain.program import (
    MAX_FOLLOWER_TARGET,
    MAX_HIT_THRESHOLD,
    MAX_REST_DAYS,
    NextCycle,
    Program,
    ProgramDay,
    goals_of,
    next_cycle,
    program_day,
    program_start,
)
from bot.domain.review import (
    MonthReview,
    ProgramReport,
    ReviewPeriod,
    build_program_report,
    build_review,
    last_review,
    review_period_for,
)
from bot.domain.schedule import plan_of
from bot.domain.settings_input import parse_goal_change
from bot.features.base import Caller, Feature, answer, button, caller_for, command, refreshed
from bot.features.cards import final_card_png, month_card_png
from bot.features.commands import AnyHandler
from bot.outbound import Compose, Outgoing
from bot.planner import Planner
from bot.render import cards as card_render
from bot.render import review as render
from bot.render.callbacks import read_number
from bot.render.review import PlanChoice, PlanPress, StartPress
from bot.services import Services
from bot.store.deliveries import Delivery
from bot.store.programs import ProgramRunningError

START_WORDS = ("start", "开始")
STOP_WORDS = ("stop", "end", "结束", "停止")
LAST_WORDS = ("last", "previous", "上月", "上个月")
T = TypeVar("T")


class Coaching(Feature):
    def __init__(
        self, services: Services, planner: Planner, bot_name: Callable[[], str | None] = str
    ) -> None:
        """`bot_name`: the bot's @username once known, for the card's footer."""
        super().__init__(services)
        self.planner = planner
        self.bot_name = bot_name

    def composers(self) -> dict[DeliveryKind, Compose]:
        return {DeliveryKind.REVIEW: self.compose_review}

    def handlers(self) -> list[AnyHandler]:
        s = self.services
        return [
            command(s, "plan", self.plan, usage="plan", menu="menu.plan"),
            command(s, "goals", self.goals, usage="goals", menu="menu.goals"),
            command(s, "review", self.review, usage="review", menu="menu.review"),
            command(s, "card", self.card, usage="card", menu="menu.card"),
            button(s, PlanPress, self.plan_button),
            button(s, StartPress, self.start_button),
        ]

    # --- /plan ------------------------------------------------------------------------------------

    async def plan(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        program = await self.store.programs.current(caller.user_id)
        action = words[0].casefold() if words else None
        if action is None and program is None:
            await self._offer(update, caller)
        elif action is None and program is not None:
            await answer(update, await self.plan_text(caller, program))
        elif action in START_WORDS and len(words) <= 2:
            start = parse_iso_date(words[1]) if len(words) == 2 else caller.today
            if program is not None:
                raise InputError("plan.already_running", start=program.start_date.isoformat())
            await self._start(update, caller, program_start(start, caller.today))
        elif action in STOP_WORDS and len(words) == 1:
            if program is None:
                raise InputError("plan.none")
            lang = caller.lang
            await answer(
                update, render.plan_stop_question(lang), render.plan_stop_buttons(lang, program)
            )
        else:
            raise InputError("error.plan_shape")

    async def _offer(self, update: Update, caller: Caller) -> None:
        """What the program is and a Start button: /plan alone never starts one silently."""
        latest = await self.store.programs.latest(caller.user_id)
        cycle = latest.cycle + 1 if latest else 1
        await answer(update, *render.program_offer(caller.lang, caller.today, cycle))

    async def start_button(self, update: Update, caller: Caller, pressed: StartPress) -> None:
        latest = await self.store.programs.latest(caller.user_id)
        due = latest.cycle + 1 if latest else 1
        if pressed.cycle < due:
            raise InputError("error.already_done")
        if pressed.cycle > due:
            raise InputError("error.button_expired")  # never offered: forged
        await self._start(update, caller, caller.today)

    async def _start(self, update: Update, caller: Caller, start: date) -> None:
        try:
            program = await self.store.programs.start(caller.user_id, start, caller.now)
        except ProgramRunningError:
            raise InputError("plan.already_running", start="") from None
        await self.planner.reschedule(caller.user_id)
        view = await self.plan_text(caller, program)
        await answer(update, render.plan_started(caller.lang, program, view))

    async def plan_button(self, update: Update, caller: Caller, pressed: PlanPress) -> None:
        current = await self.store.programs.current(caller.user_id)
        if pressed.choice is PlanChoice.KEEP:
            await answer(update, render.plan_kept(caller.lang))
        elif pressed.choice is PlanChoice.STOP:
            if current is None or not pressed.is_for(current):
                raise await self._refused(caller, pressed)
            await self.store.programs.end(caller.user_id, current.program_id, "stopped", caller.now)
            await self.planner.reschedule(caller.user_id)
            await answer(update, render.plan_stopped(caller.lang))
        else:
            latest = await self.store.programs.latest(caller.user_id)
            if current is not None or not pressed.is_for(latest):
                raise await self._refused(caller, pressed)
            await self._next_cycle(update, caller, latest, pressed.choice is PlanChoice.EASE)

    async def _refused(self, caller: Caller, pressed: PlanPress) -> InputError:
        """A press that can't act: "already done" when its program has since been ended (End it)
        or followed by a later cycle (Start cycle N); "out of date" for anything else."""
        pressed_id = read_number(pressed.program) if pressed.program else 0  # checked when read
        program = await self.store.programs.by_id(caller.user_id, pressed_id)
        if program is not None:
            current = await self.store.programs.current(caller.user_id)
            latest = await self.store.programs.latest(caller.user_id)
            assert latest is not None  # `program` is one of them
            ended = current is None or current.program_id != program.program_id
            followed = latest.program_id > program.program_id
            starts_next = pressed.choice in (PlanChoice.NEXT, PlanChoice.EASE)
            if followed if starts_next else ended:
                return InputError("error.already_done")
        return InputError("plan.stale")

    async def _next_cycle(
        self, update: Update, caller: Caller, done: Program | None, eased: bool
    ) -> None:
        """The next cycle starts today, with the goals the final report proposed: met goals
        raised, missed ones again (or eased, when the user chose so)."""
        assert done is not None  # `is_for` checked it
        _, proposal = await self._report(caller.profile, done)
        goals = proposal.eased if eased else proposal.again
        profile = await self.store.users.update(
            caller.user_id,
            caller.now,
            posting_days_per_week=goals.days_per_week,
            hit_threshold=goals.hit_threshold,
            follower_target=goals.follower_target,
        )
        await self._start(update, caller_for(profile, caller.now), caller.today)

    async def plan_text(self, caller: Caller, program: Program) -> str:
        where = program_day(program, caller.today)
        if where is None:
            return render.plan_outside(caller.lang, program, caller.today)
        return render.plan_view(caller.lang, await self._phase(caller, program, where))

    async def _phase(self, caller: Caller, program: Program, where: ProgramDay) -> PhaseView:
        uid, today = caller.user_id, caller.today
        return phase_view(
            program,
            where,
            today,
            goals_of(caller.profile),
            await self.store.posts.activity(uid),
            await self.store.posts.hit_dates(uid),
            await self.store.followers.history(uid),
            await self.store.posts.scored_between(
                uid, program.month_period(where.month).start, today
            ),
        )

    # --- /goals -----------------------------------------------------------------------------------

    async def goals(self, update: Update, caller: Caller, args: str) -> None:
        if not args.strip():
            await answer(update, render.goals_with_usage(caller.lang, goals_of(caller.profile)))
            return
        changes = parse_goal_change(args, MAX_HIT_THRESHOLD, MAX_FOLLOWER_TARGET, MAX_REST_DAYS)
        await self.store.users.update(
            caller.user_id, caller.now, **{c.field: c.value for c in changes}
        )
        caller = await refreshed(self.services, caller)
        await answer(update, render.goals_saved(caller.lang, goals_of(caller.profile)))

    # --- reviews ----------------------------------------------------------------------------------

    async def review(self, update: Update, caller: Caller, args: str) -> None:
        words = split_words(args)
        program = await self.store.programs.current(caller.user_id)
        current = review_period_for(program, caller.today)
        if not words:
            upto: date | None = caller.today if caller.today <= current.period.end else None
            data = await self.month_review(caller.profile, current, upto)
            await answer(update, self._review_text(caller.profile, data))
            return
        if len(words) > 1 or words[0].casefold() not in LAST_WORDS:
            raise InputError("error.review_shape")
        plan = plan_of(caller.profile)
        programs = [
            (p, plan.day_of(ended) if ended else None)
            for p, ended in await self.store.programs.recent(caller.user_id)
        ]
        data = await self.month_review(caller.profile, last_review(programs, caller.today), None)
        await answer(update, self._review_text(caller.profile, data))

    async def card(self, update: Update, caller: Caller, args: str) -> None:
        """This month's card so far (the period `/review` shows), as a photo to share."""
        if args.strip():
            raise InputError("error.card_shape")
        program = await self.store.programs.current(caller.user_id)
        current = review_period_for(program, caller.today)
        upto = caller.today if caller.today <= current.period.end else None
        bot = update.get_bot().username
        image = await self.in_worker(month_card_png, caller.profile, current, upto, bot)
        message = update.effective_message
        assert message is not None
        caption = card_render.card_caption(caller.lang)
        await message.reply_photo(InputFile(image, filename="card.png"), caption=caption)

    async def compose_review(self, delivery: Delivery) -> Outgoing | None:
        profile = await self.store.users.get(delivery.chat_id)
        review = await self.planner.review_period(delivery.chat_id, delivery.period)
        if profile is None or review is None:
            return None
        if review.program_id is None and not await self._has_activity(profile, review):
            return None  # nothing logged all month: a review of zeros helps nobody
        lang = profile.lang
        data = await self.month_review(profile, review, None)
        text = self._review_text(profile, data)
        if not (review.is_final and review.program_id is not None):
            card = await self.in_worker(month_card_png, profile, review, None, self.bot_name())
            return Outgoing(profile.user_id, text, None, photo=card)
        program = await self.store.programs.by_id(profile.user_id, review.program_id)
        assert program is not None
        card = await self.in_worker(final_card_png, profile, program, self.bot_name())
        report, proposal = await self._report(profile, program)
        text += "\n\n" + render.final_report(lang, program, report, goals_of(profile), proposal)
        buttons = render.next_cycle_buttons(lang, program, proposal.any_missed)
        return Outgoing(profile.user_id, text, buttons, photo=card)

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

    @staticmethod
    def _review_text(profile: Profile, data: MonthReview) -> str:
        lang = profile.lang
        return render.month_review(lang, data, goals_of(profile), profile.niche_tags)

    async def _report(self, profile: Profile, program: Program) -> tuple[ProgramReport, NextCycle]:
        """A finished cycle's report and its proposal for the next one (the final report shows
        both; its buttons start the proposal)."""
        uid, goals = profile.user_id, goals_of(profile)
        report = build_program_report(
            program,
            goals,
            await self.store.posts.activity(uid),
            await self.store.posts.hit_dates(uid),
            await self.store.followers.history(uid),
        )
        return report, next_cycle(goals, report.months, report.followers_start)
