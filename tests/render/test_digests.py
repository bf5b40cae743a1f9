"""A room's own messages, written from plain values: the digest (its hits and milestones, a day
nobody posted), the weekly summary and monthly review, the cheers told in private, and the split
under Telegram's 4,096 characters."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.digests import CheeredPost, MemberNews, RoomDay, RoomPeriod
from bot.domain.models import Post
from bot.domain.progress import Period
from bot.domain.rooms import GroupGoalStatus, Growth, MemberView, Reciprocity
from bot.render.digests import cheers_messages, digest_messages, summary_messages

DAY = date(2026, 3, 2)
WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))


def seen(
    name: str, days: int | None, streak: int | None, growth: Growth | None = None
) -> MemberView:
    return MemberView(1, name, days, days, streak, None, days, growth, None)


SHARES_NOTHING = MemberView(2, "Lee", None, None, None, None, None, None, None)


def test_the_digest_with_news_and_who_is_still_to_post() -> None:
    hit = Post(5, 1, 1, "xiaohongshu", None, "Autumn", (), datetime(2026, 3, 1, tzinfo=UTC), DAY)
    digest = RoomDay(
        day=DAY,
        posted=("Maya", "Jo"),
        members=3,
        longest=seen("Maya", 1, 4),
        news=(MemberNews("Maya", (), 1000), MemberNews("Jo", (hit,), None)),
        waiting=("Kim",),
    )
    assert digest_messages("en", "Makers <3", digest) == [
        "📣 <b>Makers &lt;3</b> · 2026-03-02\n"
        "✅ Posted today (2 of 3): Maya, Jo\n"
        "🔥 Longest streak: Maya, 4 days\n"
        "🎉 Maya passed 1,000 followers\n"
        "🎯 New hit: Jo — #1 · Xiaohongshu · “Autumn”\n"
        "🌱 Still to post today: Kim. There's time."
    ]


def test_a_digest_of_a_day_nobody_posted_in_chinese() -> None:
    digest = RoomDay(DAY, (), 2, None, (), ())
    assert digest_messages("zh", "Room", digest) == [
        "📣 <b>Room</b> · 2026-03-02\n今天没有人发布。"
    ]


def test_a_long_digest_comes_in_parts_and_nobody_is_cut_off() -> None:
    names = tuple(f"Member{n:03d}" + "x" * 50 for n in range(120))
    digest = RoomDay(DAY, names, 120, None, (), ())
    parts = digest_messages("en", "Room", digest)
    assert len(parts) == 2
    assert all(len(part) <= 4096 for part in parts)
    assert all(name in "".join(parts) for name in names)


def test_the_weekly_summary_with_a_member_who_shares_nothing() -> None:
    summary = RoomPeriod(
        period=WEEK,
        weekly=True,
        posts=9,
        days=7,
        members=(seen("Maya", 5, 3, Growth(20, 10)), seen("Jo", 2, 0), SHARES_NOTHING),
        goal=GroupGoalStatus("days", 3, 1, 2),
        consistent=seen("Maya", 5, 3),
        grower=seen("Maya", 5, 3, Growth(20, 10)),
        follows=Reciprocity(1, 3),
    )
    assert summary_messages("en", "Room", summary)[0].splitlines() == [
        "📊 <b>Room · the week</b> 2026-03-02 → 2026-03-08",
        "Together: 9 posts on 7 member-days (3 members).",
        "🎯 Goal, 3 days each: 1 of 2 made it ❌ not met",
        "🏅 Most consistent: Maya, 5 days",
        "📈 Biggest grower: Maya, +10%",
        "🤝 Follows: 1 of 3 pairs are mutual",
        "",
        "• Maya: days 5 · posts 5 · 🔥 3 · +10%",
        "• Jo: days 2 · posts 2 · 🔥 0 · —",
        "• Lee: days — · posts — · 🔥 — · —",
    ]


def test_the_monthly_review_in_chinese_without_standouts() -> None:
    month = Period(date(2026, 3, 1), date(2026, 3, 31))
    summary = RoomPeriod(
        period=month,
        weekly=False,
        posts=40,
        days=30,
        members=(SHARES_NOTHING,),
        goal=GroupGoalStatus("posts", 30, 40, 30),
        consistent=None,
        grower=None,
        follows=None,
    )
    assert summary_messages("zh", "Room", summary)[0].splitlines() == [
        "📅 <b>Room · 本月</b> 2026-03-01 → 2026-03-31",
        "合计：发布 40 条，30 人·天（1 人）。",
        "🎯 目标一起 30 条：40/30 ✅ 达成",
        "",
        "• Lee：— 天 · — 条 · 🔥 — · —",
    ]


def test_cheers_told_in_private() -> None:
    posts = [CheeredPost(1, "Room", ("Jo", "Kim")), CheeredPost(4, "Other & co", ("Ada",))]
    assert cheers_messages("en", posts) == [
        "👏 Jo, Kim cheered your post #1 in Room.\n👏 Ada cheered your post #4 in Other &amp; co."
    ]
    assert cheers_messages("zh", posts[:1]) == ["👏 Jo, Kim 给你在 Room 的第 1 条发布点了赞。"]
