"""What the coach says: /plan (the program's phases), /goals, the monthly review, the final report
of a cycle (the review's card is in `render.cards`).

Plain values in — a `PhaseView`, a `MonthReview`, a `ProgramReport`, `Goals` — text and keyboards
out. The /plan buttons (start, stop, keep, next cycle) are defined here, next to their keyboards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import ClassVar, Self

from telegram import InlineKeyboardMarkup

from bot.domain.models import Language
from bot.domain.phase import PhaseView
from bot.domain.program import (
    MONTHS,
    GoalKind,
    Goals,
    GoalStatus,
    NextCycle,
    Program,
    posting_target,
)
from bot.domain.review import MonthReview, ProgramReport, Verdict
from bot.render import format as fmt
from bot.render.callbacks import ButtonData, Callback, read_number
from bot.render.keyboards import btn, markup
from bot.texts import Html, h, t


class PlanChoice(StrEnum):
    STOP = "stop"
    KEEP = "keep"
    NEXT = "next"  # start the next cycle, from the final report
    EASE = "ease"  # start it with the missed goals eased


@dataclass(frozen=True)
class PlanPress(ButtonData):
    """ "End it" / "Keep going" under /plan stop, and "Start cycle N" under a final report.

    `program` is the id of the program the button was for, as sent (Keep is sent without one): a
    press acts only on that program, and any other value, stale or forged, is "out of date, /plan
    shows where you are".
    """

    action: ClassVar[str] = "plan"
    choice: PlanChoice
    program: str = ""

    @classmethod
    def about(cls, choice: PlanChoice, program: Program) -> Self:
        return cls(choice, str(program.program_id))

    def is_for(self, program: Program | None) -> bool:
        return program is not None and self.program == str(program.program_id)

    def encode(self) -> str:
        if not self.program:
            return Callback(self.action, (self.choice.value,)).encode()
        return super().encode()

    @classmethod
    def decode(cls, args: tuple[str, ...]) -> Self:
        pressed = super().decode((*args, "") if len(args) == 1 else args)
        if pressed.program:
            read_number(pressed.program)  # a program id in range, or the press is expired
        return pressed


@dataclass(frozen=True)
class StartPress(ButtonData):
    """ "Start" under the program's offer (the end of onboarding, /plan with none running).
    `cycle` is the cycle it starts: once that cycle exists the press is already done, so a second
    tap never starts another."""

    action: ClassVar[str] = "program"
    cycle: int


# --- goals ------------------------------------------------------------------------------------


def goal_text(lang: Language, kind: GoalKind, goals: Goals, days: int = 30) -> Html:
    """A month's goal in words: "post on 26 of 30 days", "get one hit — …", "reach 100 …"."""
    if kind == "posting":
        target = posting_target(goals.days_per_week, days)
        return h(lang, "goal.posting", target=target, days=days, count=days)
    if kind == "hit":
        return h(lang, "goal.hit", threshold=goals.hit_threshold)
    return h(
        lang,
        "goal.followers" if goals.follower_goal_kind == "total" else "goal.followers_gain",
        target=fmt.number(goals.follower_target),
        where=_where(lang, goals),
    )


def _where(lang: Language, goals: Goals) -> Html:
    if goals.follower_platform is None:
        return h(lang, "goal.total")
    return h(lang, "goal.on_platform", platform=fmt.platform_name(lang, goals.follower_platform))


def progress_line(lang: Language, key: str, done: int, target: int) -> str:
    """A "{done} of {target} {bar}" line: every progress bar the coach shows."""
    return t(
        lang,
        key,
        done=fmt.number(done),
        target=fmt.number(target),
        bar=fmt.bar(done, target),
        count=target,
    )


def goals_view(lang: Language, goals: Goals) -> str:
    return t(
        lang,
        "goals.show",
        days=goals.days_per_week,
        count=goals.days_per_week,
        month_days=posting_target(goals.days_per_week),
        threshold=goals.hit_threshold,
        followers=goal_text(lang, "followers", goals),
        rest=h(lang, "goals.rest", count=goals.rest_days_per_week),
    )


def goals_with_usage(lang: Language, goals: Goals) -> str:
    """/goals alone: the targets, then how to change them."""
    usage = t(lang, "usage.heading") + "\n" + t(lang, "usage.goals")
    return goals_view(lang, goals) + "\n\n" + usage


def goals_saved(lang: Language, goals: Goals) -> str:
    return t(lang, "saved") + "\n\n" + goals_view(lang, goals)


# --- /plan ------------------------------------------------------------------------------------


def plan_view(lang: Language, view: PhaseView) -> str:
    """The current month: its goal so far, and the habits of the months before."""
    program, where, goals = view.program, view.day, view.goals
    lines = [
        t(
            lang,
            "plan.header",
            cycle=program.cycle,
            month=where.month,
            goal=goal_text(lang, view.goal.kind, goals),
            day=where.day_in_month,
            left=h(lang, "plan.days_left", count=where.days_left_in_month),
            start=program.start_date.isoformat(),
            end=program.end_date.isoformat(),
        ),
        "",
        _goal_progress(lang, view.goal, goals),
    ]
    if view.best_saves is not None:
        lines.append(progress_line(lang, "plan.best_saves", view.best_saves, goals.hit_threshold))
    if view.posted_this_week is not None:
        lines.append(
            progress_line(lang, "plan.habit_posting", view.posted_this_week, goals.days_per_week)
        )
    if view.hits_in_program is not None:
        lines.append(t(lang, "plan.habit_hits", count=view.hits_in_program))
    return "\n".join(lines)


def _goal_progress(lang: Language, goal: GoalStatus, goals: Goals) -> str:
    """This month's goal so far; a growth goal with nothing to measure from asks for a count."""
    if not goal.measured:
        return t(lang, "plan.followers_unmeasured")
    key = f"plan.progress_{goal.kind}"
    if goal.kind == "followers" and goals.follower_goal_kind == "gain":
        key = "plan.progress_followers_gain"
    return progress_line(lang, key, goal.done, goal.target)


def plan_outside(lang: Language, program: Program, today: date) -> str:
    """/plan before the program's first day or after its last."""
    if today < program.start_date:
        return t(
            lang,
            "plan.not_started",
            start=program.start_date.isoformat(),
            count=(program.start_date - today).days,
        )
    return t(lang, "plan.finished", end=program.end_date.isoformat())


def plan_started(lang: Language, program: Program, view: str) -> str:
    """A new cycle, followed by `view` (what /plan shows now)."""
    started = t(lang, "plan.started", cycle=program.cycle, end=program.end_date.isoformat())
    return started + "\n\n" + view


def program_offer(lang: Language, today: date, cycle: int) -> tuple[str, InlineKeyboardMarkup]:
    """What the program is, in three lines, with a Start button (and how to pick another day:
    the next Monday, as an example)."""
    example = today + timedelta(days=7 - today.weekday())
    keyboard = markup([[btn(t(lang, "btn.plan_start"), StartPress(cycle))]])
    return t(lang, "plan.offer", example=example.isoformat()), keyboard


def plan_stop_question(lang: Language) -> str:
    return t(lang, "plan.stop_confirm")


def plan_stop_buttons(lang: Language, program: Program) -> InlineKeyboardMarkup:
    return markup(
        [
            [
                btn(t(lang, "btn.plan_stop"), PlanPress.about(PlanChoice.STOP, program)),
                btn(t(lang, "btn.plan_keep"), PlanPress(PlanChoice.KEEP)),
            ]
        ]
    )


def plan_kept(lang: Language) -> str:
    return t(lang, "plan.kept")


def plan_stopped(lang: Language) -> str:
    return t(lang, "plan.stopped")


# --- the monthly review and the final report ----------------------------------------------------

VERDICTS = {
    Verdict.MET: "verdict.met",
    Verdict.OPEN: "verdict.open",
    Verdict.NOT_MET: "verdict.not_met",
}


def month_review(
    lang: Language, data: MonthReview, goals: Goals, niche_tags: tuple[str, ...]
) -> str:
    """What was in the user's hands (days, posts, niche), then what was not (followers, hits)."""
    review, period = data.review, data.review.period
    heading = (
        t(lang, "review.heading_program", month=review.program_month, months=MONTHS)
        if review.program_month
        else t(lang, "review.heading_calendar")
    )
    lines = [heading + " · " + t(lang, "review.dates", start=period.start, end=period.end)]
    if data.upto is not None:
        lines.append(t(lang, "review.so_far", date=data.upto.isoformat()))
    goal = goal_text(lang, review.goal_kind(), goals, period.length)
    verdict = h(lang, VERDICTS[data.verdict])
    lines.append(t(lang, "review.goal", goal=goal, verdict=verdict))
    if not data.goal.measured:
        lines.append(t(lang, "plan.followers_unmeasured"))
    lines.append("")
    lines += [*_in_your_hands(lang, data, niche_tags), "", *_not_in_your_hands(lang, data)]
    if data.next_goal is not None:
        key = "review.next_program" if review.program_month else "review.next_calendar"
        lines += ["", t(lang, key, goal=goal_text(lang, data.next_goal, goals))]
    return "\n".join(lines)


def _in_your_hands(lang: Language, data: MonthReview, niche_tags: tuple[str, ...]) -> list[str]:
    return [
        t(lang, "review.certain"),
        progress_line(lang, "review.days", data.posting.done, data.posting.target),
        t(lang, "review.posts", posts=data.posts, rest=data.rest_days),
        t(
            lang,
            "review.niche",
            share=data.niche_share,
            tags=" ".join(f"#{x}" for x in niche_tags),
        )
        if data.niche_share is not None
        else t(lang, "review.niche_unset"),
    ]


def _not_in_your_hands(lang: Language, data: MonthReview) -> list[str]:
    return [
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
            count=data.best.saves or 0,
        )
        if data.best
        else t(lang, "review.best_none"),
    ]


def final_report(
    lang: Language, program: Program, report: ProgramReport, goals: Goals, proposal: NextCycle
) -> str:
    """The end of a cycle: each month's goal, the totals, and the next cycle's goals — what was
    met raised, what was missed again, and how the missed ones would be eased."""
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
        t(
            lang,
            "report.totals",
            days=fmt.counted(lang, "days", report.days_posted),
            posts=fmt.counted(lang, "posts", report.posts),
            hits=report.hits,
        ),
        t(
            lang,
            "report.followers",
            start=fmt.number(report.followers_start)
            if report.followers_start is not None
            else unknown,
            end=fmt.number(report.followers_end) if report.followers_end is not None else unknown,
        ),
        "",
        *_next_cycle(lang, proposal),
    ]
    return "\n".join(lines)


NEXT_GOALS: tuple[GoalKind, ...] = ("posting", "hit", "followers")


def _next_cycle(lang: Language, proposal: NextCycle) -> list[str]:
    lines = [t(lang, "report.next")]
    for kind, met in zip(NEXT_GOALS, proposal.met, strict=True):
        change = "report.kept" if kind == "posting" and met else "report.raised"
        lines.append(
            t(
                lang,
                "report.next_goal",
                goal=goal_text(lang, kind, proposal.again),
                change=h(lang, change if met else "report.again"),
            )
        )
    missed = [k for k, met in zip(NEXT_GOALS, proposal.met, strict=True) if not met]
    if missed:
        eased = Html(h(lang, "report.and").join(goal_text(lang, k, proposal.eased) for k in missed))
        lines.append(t(lang, "report.eased", goals=eased))
    lines.append(t(lang, "report.ready"))
    return lines


def next_cycle_buttons(
    lang: Language, program: Program, offer_ease: bool = False
) -> InlineKeyboardMarkup:
    """ "Start cycle N" (the proposal), and "Ease missed goals" when a goal was missed."""
    label = t(lang, "btn.next_cycle", cycle=program.cycle + 1)
    row = [btn(label, PlanPress.about(PlanChoice.NEXT, program))]
    if offer_ease:
        row.append(btn(t(lang, "btn.ease_cycle"), PlanPress.about(PlanChoice.EASE, program)))
    return markup([row])
