"""The 3-month program through the real scheduler: /plan, /goals, every phase, every review."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar, cast

import pytest

from bot.domain.review import program_review
from bot.fakeapi import Exchange, Person, Session, StoredMessage
from bot.features.cards import final_card_png, month_card_png
from bot.store import Store
from tests.helpers import reviews, rows, unthrottled, utc

T = TypeVar("T")


async def day(session: Session, person: Person, month: int, dom: int, *texts: str) -> None:
    session.clock.set(utc(2026, month, dom, 12, 0))
    for text in texts:
        await session.send(person, text)


OFFER = (
    "🗓 The 3-month program, one goal a month:\n"
    "Month 1 — the habit: post on your posting days.\n"
    "Month 2 — a hit: a post people save.\n"
    "Month 3 — growth: more followers. A review closes each month.\n"
    "Tap Start to begin today, or /plan start 2026-03-09 to pick the day."
)


async def test_plan_without_a_program_explains_it_and_offers_a_start_button(
    session: Session, maya: Person
) -> None:
    offer = await session.send(maya, "/plan")
    assert offer.text == OFFER
    assert [label for label, _ in offer.last.buttons] == ["🚀 Start"]
    assert rows(session, "SELECT COUNT(*) FROM programs") == [(0,)]
    started = await session.press(maya, offer.last, "🚀 Start")
    assert started.last.text.startswith("🚀 Cycle 1 is on. It runs until 2026-05-30.")
    assert rows(session, "SELECT cycle, start_date FROM programs") == [(1, "2026-03-02")]
    again = await session.press(maya, offer.last, "🚀 Start")
    assert again.alerts == ["Already done."]
    assert again.messages == []
    assert rows(session, "SELECT COUNT(*) FROM programs") == [(1,)]


async def test_plan_starts_today_and_shows_the_first_phase(session: Session, maya: Person) -> None:
    started = await session.send(maya, "/plan start")
    assert started.text == (
        "🚀 Cycle 1 is on. It runs until 2026-05-30.\n\n"
        "🗓 Cycle 1 · month 1 of 3\n"
        "Goal: post on 26 of 30 days\n"
        "Day 1 of 30 · 29 days left · 2026-03-02 → 2026-05-30\n\n"
        "Days posted: 0 of 26 ▱▱▱▱▱▱▱▱▱▱"
    )
    assert rows(session, "SELECT cycle, start_date, ended_at FROM programs") == [
        (1, "2026-03-02", None)
    ]
    again = await session.send(maya, "/plan start")
    assert again.text == (
        "Your program is already running (since 2026-03-02). /plan shows it; /plan stop ends it."
    )


async def test_plan_start_dates(session: Session, maya: Person) -> None:
    past = await session.send(maya, "/plan start 2025-12-01")
    assert past.text.startswith("A program can start at most 89 days ago.")
    future = await session.send(maya, "/plan start 2026-06-01")
    assert future.text.startswith("A program can start at most 30 days ahead.")
    later = await session.send(maya, "/plan start 2026-03-10")
    assert later.text.endswith("Your program starts on 2026-03-10, in 8 days.")
    await session.send(maya, "/plan stop")
    backdated = await session.send(maya, "/plan")  # the stop wasn't confirmed: still running
    assert backdated.text == "Your program starts on 2026-03-10, in 8 days."


async def test_plan_stop_asks_first(session: Session, maya: Person) -> None:
    await session.send(maya, "/plan start")
    confirm = await session.send(maya, "/plan stop")
    assert confirm.text.startswith("End your program?")
    kept = await session.press(maya, confirm.last, "Keep going")
    assert kept.last.text == "Good: the program goes on."
    confirm = await session.send(maya, "/plan stop")
    stopped = await session.press(maya, confirm.last, "End it")
    assert stopped.last.text == "Program ended. Start a new one any time with /plan."
    twice = await session.press(maya, confirm.last, "End it")
    assert twice.alerts == ["Already done."]
    assert rows(session, "SELECT outcome FROM programs") == [("stopped",)]
    stale = await session.press(maya, confirm.last, data="1|plan|stop|999")
    assert stale.alerts == ["That button is out of date. /plan shows where you are."]
    assert (await session.send(maya, "/plan stop")).text.startswith("You have no program running.")


async def test_goals_show_and_change(session: Session, maya: Person) -> None:
    shown = await session.send(maya, "/goals")
    assert shown.text.startswith(
        "🎯 Your targets\n"
        "Posting: 6 days a week (26 in a 30-day month)\n"
        "Hit: a post saved by 5+ people\n"
        "Followers: gain 100 followers in total during the program\n"
        "Rest: 1 day a week, streak kept"
    )
    five = await session.send(maya, "/goals days 5")  # one setting: 2 days off a week
    assert "Posting: 5 days a week (21 in a 30-day month)" in five.text
    assert "Rest: 2 days a week, streak kept" in five.text
    await session.send(maya, "/goals hit 10")
    await session.send(maya, "/goals rest 0")  # and back: 7 posting days
    changed = await session.send(maya, "/goals followers 1.2k xhs")
    assert changed.text == (
        "Saved.\n\n🎯 Your targets\n"
        "Posting: 7 days a week (30 in a 30-day month)\n"
        "Hit: a post saved by 10+ people\n"
        "Followers: reach 1,200 followers on Xiaohongshu\n"
        "Rest: 0 days a week, streak kept"
    )
    total = await session.send(maya, "/goals followers 300 total")
    assert "Followers: reach 300 followers in total" in total.text
    assert (await session.send(maya, "/goals days 8")).text.startswith(
        "That target must be between 1 and 7."
    )
    assert (await session.send(maya, "/rest")).text.startswith("Your targets have no rest days.")


class ProgramWalk:
    """Maya's first cycle, walked one stage at a time: each stage first walks the ones before it
    (once), so a test goes exactly as far as the behaviour it checks."""

    def __init__(self, session: Session, maya: Person) -> None:
        self.session = session
        self.maya = maya
        self._done: dict[str, object] = {}

    async def _once(self, stage: str, walk: Callable[[], Awaitable[T]]) -> T:
        if stage not in self._done:
            self._done[stage] = await walk()
        return cast(T, self._done[stage])

    async def month_1(self) -> None:
        """March: 26 of 30 days posted at 6 a week, one hit, one rest day, followers 40 → 52."""

        async def walk() -> None:
            session, maya = self.session, self.maya
            await session.send(maya, "/nudge 20:00")
            await session.send(maya, "/niche Home cooking #food")
            await session.send(maya, "/goals days 6")  # 26 of 30 days
            await session.send(maya, "/followers tiktok 40")
            await session.send(maya, "/plan start")
            for n in range(26):  # March 2nd to 27th
                tag = " #food" if n < 20 else ""
                await day(session, maya, 3, 2 + n, f"/post tiktok dish{n}{tag}")
                if n == 8:
                    await session.send(maya, "/metrics 3 saves=4")
                    await session.send(maya, "/metrics 5 saves=7")  # a hit, in month 1
            await day(session, maya, 3, 28, "/rest")
            await day(session, maya, 3, 31, "/followers tiktok 52")

        await self._once("month_1", walk)

    async def month_1_review(self) -> list[StoredMessage]:
        async def walk() -> list[StoredMessage]:
            await self.month_1()
            return reviews(self.maya, await self.session.at(utc(2026, 4, 1, 20, 0)))

        return await self._once("month_1_review", walk)

    async def phase_2(self) -> Exchange:
        """/plan in month 2, after one post with 3 saves."""

        async def walk() -> Exchange:
            await self.month_1_review()
            await day(self.session, self.maya, 4, 5, "/post tiktok april")
            await self.session.send(self.maya, "/metrics last saves=3")
            return await self.session.send(self.maya, "/plan")

        return await self._once("phase_2", walk)

    async def month_2_review(self) -> list[StoredMessage]:
        async def walk() -> list[StoredMessage]:
            await self.phase_2()
            return reviews(self.maya, await self.session.at(utc(2026, 5, 1, 20, 0)))

        return await self._once("month_2_review", walk)

    async def phase_3(self) -> Exchange:
        """/plan in month 3, once followers passed the target across two platforms."""

        async def walk() -> Exchange:
            await self.month_2_review()
            await day(self.session, self.maya, 5, 20, "/followers tiktok 140", "/followers xhs 15")
            return await self.session.send(self.maya, "/plan")

        return await self._once("phase_3", walk)

    async def final_review(self) -> list[StoredMessage]:
        async def walk() -> list[StoredMessage]:
            await self.phase_3()
            return reviews(self.maya, await self.session.at(utc(2026, 5, 31, 20, 0)))

        return await self._once("final_review", walk)

    async def next_cycle(self) -> Exchange:
        """Maya presses "Start cycle 2" under the final report, the next morning."""

        async def walk() -> Exchange:
            (final,) = await self.final_review()
            self.session.clock.set(utc(2026, 6, 1, 9, 0))
            return await self.session.press(self.maya, final, "Start cycle 2 🚀")

        return await self._once("next_cycle", walk)


@pytest.fixture
def program(session: Session, maya: Person) -> ProgramWalk:
    unthrottled(session)  # three months of check-ins in seconds
    return ProgramWalk(session, maya)


async def test_month_1_review(program: ProgramWalk) -> None:
    month_1 = await program.month_1_review()
    assert [m.text for m in month_1] == [
        "📅 Month 1 of 3 review · 2026-03-02 → 2026-03-31\n"
        "Goal: post on 26 of 30 days — ✅ met\n\n"
        "In your hands\n"
        "• Days posted: 26 of 26 ▰▰▰▰▰▰▰▰▰▰\n"
        "• Posts: 26 · rest days: 2\n"  # /rest on the 28th, the 30th covered by its week
        "• Niche focus: 77% of posts tagged #food\n\n"
        "Not in your hands\n"
        "• Followers: TikTok +12\n"
        "• Hits: 1\n"
        "• Best post: #5 · TikTok · “dish4” — 7 saves\n\n"
        "Next month: get one hit — a post saved by 5+ people."
    ]


async def test_month_2_plan_shows_the_hit_goal_the_best_saves_and_the_posting_habit(
    program: ProgramWalk,
) -> None:
    phase_2 = await program.phase_2()
    assert phase_2.text == (
        "🗓 Cycle 1 · month 2 of 3\n"
        "Goal: get one hit — a post saved by 5+ people\n"
        "Day 5 of 30 · 25 days left · 2026-03-02 → 2026-05-30\n\n"
        "Hits this month: 0 of 1 ▱▱▱▱▱▱▱▱▱▱\n"
        "Best post this month: 3 of 5 saves ▰▰▰▰▰▰▱▱▱▱\n"
        "Habit — posting this week: 1 of 6 days ▰▰▱▱▱▱▱▱▱▱"
    )


async def test_month_2_review(program: ProgramWalk) -> None:
    month_2 = await program.month_2_review()
    assert month_2[0].text.splitlines()[:2] == [
        "📅 Month 2 of 3 review · 2026-04-01 → 2026-04-30",
        "Goal: get one hit — a post saved by 5+ people — ❌ not met",
    ]
    assert month_2[0].text.endswith("Next month: gain 100 followers in total during the program.")


async def test_month_3_plan_shows_the_follower_goal_and_both_habits(
    program: ProgramWalk,
) -> None:
    phase_3 = await program.phase_3()
    assert phase_3.text.splitlines()[1:] == [
        "Goal: gain 100 followers in total during the program",
        "Day 20 of 30 · 10 days left · 2026-03-02 → 2026-05-30",
        "",
        "Followers gained: 100 of 100 ▰▰▰▰▰▰▰▰▰▰",
        "Habit — posting this week: 0 of 6 days ▱▱▱▱▱▱▱▱▱▱",
        "Habit — hits in this program: 1",
    ]


async def test_month_3_review_ends_with_the_final_report(
    session: Session, program: ProgramWalk
) -> None:
    final = await program.final_review()
    assert len(final) == 1
    assert final[0].text.split("\n\n")[-2:] == [
        "🏁 Cycle 1 complete\n"
        "Month 1 · post on 26 of 30 days: 26 of 26 ✅ met\n"
        "Month 2 · get one hit — a post saved by 5+ people: 0 of 1 ❌ not met\n"
        "Month 3 · gain 100 followers in total during the program: 100 of 100 ✅ met\n"
        "90 days: 27 days posted · 27 posts · hits: 1\n"
        "Followers: 55 → 155",
        "Next cycle — what you met goes up, what you missed comes again:\n"
        "• post on 26 of 30 days — kept\n"
        "• get one hit — a post saved by 5+ people — again\n"
        "• gain 150 followers in total during the program — raised\n"
        "Or ease what you missed: get one hit — a post saved by 3+ people.\n"
        "Ready?",
    ]
    assert [label for label, _ in final[0].buttons] == ["Start cycle 2 🚀", "Ease missed goals"]
    assert rows(session, "SELECT outcome FROM programs") == [("completed",)]


async def test_the_final_review_carries_the_90_day_card(
    session: Session, maya: Person, program: ProgramWalk
) -> None:
    await program.final_review()
    photos = [m for m in session.server.bot_messages(maya.user_id) if m.kind == "photo"]
    assert len(photos) == 3  # a card with each review; the last one covers the whole cycle
    store = await Store.open_reader(session.database_path)
    try:
        profile = await store.users.get(maya.user_id)
        cycle = await store.programs.latest(maya.user_id)
        assert profile is not None
        assert cycle is not None
        bot = "PostpactTestBot"
        whole = await final_card_png(store, profile, cycle, bot)
        month_3 = await month_card_png(store, profile, program_review(cycle, 3), None, bot)
    finally:
        await store.close()
    assert photos[-1].content == whole
    assert photos[-1].content != month_3


async def test_the_next_cycle_button_raises_only_what_was_met(
    session: Session, program: ProgramWalk
) -> None:
    cycle_2 = await program.next_cycle()
    assert cycle_2.last.text.startswith("🚀 Cycle 2 is on. It runs until 2026-08-29.")
    assert rows(
        session, "SELECT posting_days_per_week, hit_threshold, follower_target FROM users"
    ) == [(6, 5, 150)]


async def test_ease_missed_goals_starts_cycle_2_with_the_missed_goals_eased(
    session: Session, maya: Person, program: ProgramWalk
) -> None:
    (final,) = await program.final_review()
    session.clock.set(utc(2026, 6, 1, 9, 0))
    eased = await session.press(maya, final, "Ease missed goals")
    assert eased.last.text.startswith("🚀 Cycle 2 is on.")
    assert rows(
        session, "SELECT posting_days_per_week, hit_threshold, follower_target FROM users"
    ) == [(6, 3, 150)]
    # The report's other button would start the same cycle: it is done already, once.
    again = await session.press(maya, final, "Start cycle 2 🚀")
    assert again.alerts == ["Already done."]
    assert rows(session, "SELECT cycle FROM programs") == [(1,), (2,)]


async def test_the_next_cycle_button_works_once(
    session: Session, maya: Person, program: ProgramWalk
) -> None:
    (final,) = await program.final_review()
    await program.next_cycle()
    again = await session.press(maya, final, "Start cycle 2 🚀")
    assert again.alerts == ["Already done."]
    assert again.messages == []
    assert rows(session, "SELECT cycle FROM programs") == [(1,), (2,)]


async def test_calendar_review_on_the_first_for_users_without_a_program(
    session: Session, maya: Person
) -> None:
    quiet = session.person("Quiet")
    await session.send(maya, "/nudge 20:00")
    await session.send(quiet, "/nudge 20:00")
    for dom in (2, 3, 5):
        await day(session, maya, 3, dom, f"/post xhs note{dom}")
    sent = await session.at(utc(2026, 4, 1, 20, 0))
    assert reviews(quiet, sent) == []  # nothing logged all month: no review of zeros
    (review,) = reviews(maya, sent)
    assert review.text == (
        "📅 Monthly review · 2026-03-01 → 2026-03-31\n"
        "Goal: post on 27 of 31 days — ❌ not met\n\n"
        "In your hands\n"
        "• Days posted: 3 of 27 ▰▱▱▱▱▱▱▱▱▱\n"
        "• Posts: 3 · rest days: 5\n"  # a missed day a week, covered
        "• Niche focus: add tags to your niche with /niche to see it\n\n"
        "Not in your hands\n"
        "• Followers: nothing to compare yet — /followers records a count\n"
        "• Hits: 0\n"
        "• Best post: no saves recorded — /metrics last saves=N\n\n"
        "Next month: post on 26 of 30 days. For a 3-month plan: /plan"
    )


async def test_a_missed_review_is_sent_late(session: Session, maya: Person) -> None:
    await session.send(maya, "/nudge 20:00")
    await day(session, maya, 3, 3, "/post tiktok one")
    session.clock.set(utc(2026, 4, 3, 9, 0))  # the scheduler was not running on April 1st
    (review,) = reviews(maya, await session.tick())
    assert review.text.startswith("📅 Monthly review · 2026-03-01 → 2026-03-31")
    assert reviews(maya, await session.tick()) == []


async def test_review_on_demand(session: Session, maya: Person) -> None:
    await session.send(maya, "/plan start")
    await day(session, maya, 3, 4, "/post tiktok one")
    now = await session.send(maya, "/review")
    assert now.text.splitlines()[:3] == [
        "📅 Month 1 of 3 review · 2026-03-02 → 2026-03-31",
        "So far, through 2026-03-04.",
        "Goal: post on 26 of 30 days — ⏳ in progress",
    ]
    last = await session.send(maya, "/review last")
    assert last.text.startswith("📅 Monthly review · 2026-02-01 → 2026-02-28")
    assert "Goal: post on 24 of 28 days — ❌ not met" in last.text
    wrong = await session.send(maya, "/review yesterday")
    assert wrong.text.startswith("I didn't understand that.")


async def test_reviews_keep_time_with_walks(session: Session, maya: Person) -> None:
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/post tiktok one")
    sent = await session.walk(utc(2026, 4, 2, 0, 0), timedelta(hours=6))
    assert len(reviews(maya, sent)) == 1


async def test_a_program_started_while_a_calendar_review_was_due(
    session: Session, maya: Person
) -> None:
    await session.send(maya, "/nudge 20:00")
    await session.send(maya, "/post tiktok march")
    await day(session, maya, 4, 1, "/plan start")  # April 1st, the March review is due tonight
    session.clock.set(utc(2026, 4, 1, 20, 0))
    (review,) = reviews(maya, await session.tick())
    assert review.text.startswith("📅 Monthly review · 2026-03-01 → 2026-03-31")
    assert rows(session, "SELECT next_review_period, next_review_at FROM users") == [
        ("program:1:1", "2026-05-01T20:00:00.000000Z")
    ]
