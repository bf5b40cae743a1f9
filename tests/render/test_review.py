"""What the coach says: plain values in, exact text and buttons out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from telegram import InlineKeyboardMarkup

from bot.domain.cards import History, month_card
from bot.domain.models import Post
from bot.domain.phase import PhaseView
from bot.domain.program import Goals, GoalStatus, Program, ProgramDay, next_cycle
from bot.domain.review import MonthReview, ProgramReport, ScoredPost, program_review
from bot.pictures.cards import Tile
from bot.render.callbacks import MAX_BYTES, MAX_INT, Callback
from bot.render.cards import review_card
from bot.render.review import (
    PlanChoice,
    PlanPress,
    final_report,
    goals_view,
    month_review,
    next_cycle_buttons,
    plan_outside,
    plan_stop_buttons,
    plan_view,
)

PROGRAM = Program(program_id=7, cycle=1, start_date=date(2026, 3, 2))
GOALS = Goals(
    days_per_week=6, hit_threshold=5, follower_target=1200, follower_platform="xiaohongshu",
    rest_days_per_week=0, follower_goal_kind="total",
)  # fmt: skip
AT = datetime(2026, 3, 6, 12, tzinfo=UTC)
BEST = ScoredPost(Post(9, 1, 5, "tiktok", None, "dish4", (), AT, date(2026, 3, 6)), 1234)


def data(keyboard: InlineKeyboardMarkup) -> list[list[str]]:
    return [[str(b.callback_data) for b in row] for row in keyboard.inline_keyboard]


def review_of(month: int, upto: date | None = None, **changes: object) -> MonthReview:
    review = program_review(PROGRAM, month)
    values: dict[str, object] = {
        "review": review,
        "goal": GoalStatus("posting", 26, 26),
        "posting": GoalStatus("posting", 26, 26),
        "posts": 27,
        "rest_days": 1,
        "niche_share": 77,
        "follower_changes": {"tiktok": 12, "xiaohongshu": -3},
        "hits": 1,
        "best": BEST,
        "upto": upto,
    }
    return MonthReview(**(values | changes))  # type: ignore[arg-type]


def test_the_plan_of_month_two() -> None:
    view = PhaseView(PROGRAM, ProgramDay(35, 2, 5), GOALS, GoalStatus("hit", 0, 1), 3, 1, None)
    assert plan_view("en", view) == (
        "🗓 <b>Cycle 1 · month 2 of 3</b>\n"
        "Goal: get one hit — a post saved by 5+ people\n"
        "Day 5 of 30 · 25 days left · 2026-03-02 → 2026-05-30\n\n"
        "Hits this month: 0 of 1 ▱▱▱▱▱▱▱▱▱▱\n"
        "Best post this month: 3 of 5 saves ▰▰▰▰▰▰▱▱▱▱\n"
        "Habit — posting this week: 1 of 6 days ▰▰▱▱▱▱▱▱▱▱"
    )


def test_the_plan_before_and_after_the_program() -> None:
    assert plan_outside("en", PROGRAM, date(2026, 3, 1)) == (
        "Your program starts on 2026-03-02, tomorrow."
    )
    assert plan_outside("en", PROGRAM, date(2026, 6, 1)).startswith(
        "Your program ended on 2026-05-30."
    )


def test_the_goals_on_one_platform() -> None:
    assert goals_view("en", GOALS) == (
        "🎯 <b>Your targets</b>\n"
        "Posting: 6 days a week (26 in a 30-day month)\n"
        "Hit: a post saved by 5+ people\n"
        "Followers: reach 1,200 followers on Xiaohongshu\n"
        "Rest: 0 days a week, streak kept"
    )


def test_a_month_review_in_both_languages() -> None:
    assert month_review("en", review_of(1), GOALS, ("food",)) == (
        "📅 <b>Month 1 of 3 review</b> · 2026-03-02 → 2026-03-31\n"
        "Goal: post on 26 of 30 days — ✅ met\n\n"
        "<b>In your hands</b>\n"
        "• Days posted: 26 of 26 ▰▰▰▰▰▰▰▰▰▰\n"
        "• Posts: 27 · rest days: 1\n"
        "• Niche focus: 77% of posts tagged #food\n\n"
        "<b>Not in your hands</b>\n"
        "• Followers: TikTok +12, Xiaohongshu −3\n"
        "• Hits: 1\n"
        "• Best post: #5 · TikTok · “dish4” — 1,234 saves\n\n"
        "<b>Next month:</b> get one hit — a post saved by 5+ people."
    )
    zh = month_review("zh", review_of(1, follower_changes={}, best=None), GOALS, ())
    assert zh.splitlines()[:2] == [
        "📅 <b>第 1/3 个月复盘</b> · 2026-03-02 → 2026-03-31",
        "目标：30 天里发布 26 天 — ✅ 达成",
    ]
    assert "• 粉丝：还没有可比较的记录 — 用 /followers 记录" in zh
    assert "• 最佳作品：还没有收藏数据 — /metrics last 收藏=N" in zh


def test_a_review_so_far_is_open_and_announces_nothing() -> None:
    open_goal = GoalStatus("hit", 0, 1)
    text = month_review("en", review_of(2, date(2026, 4, 10), goal=open_goal), GOALS, ())
    assert text.splitlines()[1:3] == [
        "So far, through 2026-04-10.",
        "Goal: get one hit — a post saved by 5+ people — ⏳ in progress",
    ]
    assert "• Niche focus: 77% of posts tagged " in text
    assert "Next month" not in text


def test_the_final_report_and_its_button() -> None:
    report = ProgramReport(
        (
            GoalStatus("posting", 26, 26),
            GoalStatus("hit", 0, 1),
            GoalStatus("followers", 1300, 1200),
        ),
        27,
        27,
        1,
        None,
        1300,
    )
    proposal = next_cycle(GOALS, report.months, report.followers_start)
    assert final_report("en", PROGRAM, report, GOALS, proposal) == (
        "🏁 <b>Cycle 1 complete</b>\n"
        "Month 1 · post on 26 of 30 days: 26 of 26 ✅ met\n"
        "Month 2 · get one hit — a post saved by 5+ people: 0 of 1 ❌ not met\n"
        "Month 3 · reach 1,200 followers on Xiaohongshu: 1,300 of 1,200 ✅ met\n"
        "90 days: 27 days posted · 27 posts · hits: 1\n"
        "Followers: ? → 1,300\n\n"
        "<b>Next cycle</b> — what you met goes up, what you missed comes again:\n"
        "• post on 26 of 30 days — kept\n"
        "• get one hit — a post saved by 5+ people — again\n"
        "• reach 1,400 followers on Xiaohongshu — raised\n"
        "Or ease what you missed: get one hit — a post saved by 3+ people.\n"
        "Ready?"
    )
    assert data(next_cycle_buttons("en", PROGRAM)) == [["1|plan|next|7"]]
    assert data(next_cycle_buttons("en", PROGRAM, offer_ease=True)) == [
        ["1|plan|next|7", "1|plan|ease|7"]
    ]
    all_met = next_cycle(GOALS, [GoalStatus("posting", 26, 26)] * 3, None)
    zh = final_report("zh", PROGRAM, report, GOALS, all_met)
    assert "或者" not in zh
    assert zh.endswith("准备好了吗？")


def test_the_summary_card_figures() -> None:
    """The card's numbers carry what they mean: a met target and a hit in their colours, a
    zero or an unknown quiet."""
    posted = History([], [], [], [])
    facts = month_card(review_of(1, follower_changes={}), GOALS, posted)
    card = review_card("en", facts, GOALS, "Maya", None)
    assert card.period == "Month 1 of 3 · Mar 2 – Mar 31"
    assert card.footer == "Postpact"
    assert tuple(card.tiles) == (
        Tile("0", "day streak", "muted"),
        Tile("26/26", "days posted", "achieved"),
        Tile("—", "followers", "muted"),
        Tile("1", "hit", "hit"),
    )
    grown = review_card("en", month_card(review_of(1), GOALS, posted), GOALS, "Maya", "PBot")
    assert grown.tiles[2] == Tile("+9", "followers", "achieved")
    assert grown.footer == "Postpact · @PBot"


def test_plan_buttons_act_only_on_their_program() -> None:
    assert data(plan_stop_buttons("en", PROGRAM)) == [["1|plan|stop|7", "1|plan|keep"]]
    stop = PlanPress.about(PlanChoice.STOP, PROGRAM)
    assert stop.is_for(PROGRAM)
    assert not stop.is_for(None)
    assert not PlanPress(PlanChoice.NEXT, "").is_for(PROGRAM)
    assert PlanPress.decode(("keep",)) == PlanPress(PlanChoice.KEEP)
    assert PlanPress.decode(("next",)) == PlanPress(PlanChoice.NEXT, "")


@pytest.mark.parametrize(
    "button",
    [
        PlanPress(PlanChoice.STOP, str(MAX_INT)),
        PlanPress(PlanChoice.NEXT, str(MAX_INT)),
        PlanPress(PlanChoice.KEEP),
    ],
)
def test_the_largest_buttons_fit_and_read_back(button: PlanPress) -> None:
    encoded = button.encode()
    assert len(encoded.encode()) <= MAX_BYTES
    decoded = Callback.decode(encoded)
    assert decoded is not None
    assert PlanPress.decode(decoded.args) == button
