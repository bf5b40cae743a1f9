"""What insights say: plain values in, exact text out."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.insights import (
    Attribution,
    BestTime,
    Gain,
    PersonalInsights,
    Projection,
    Rate,
    RoomInsights,
)
from bot.domain.models import FollowerCount
from bot.render.charts import followers_chart
from bot.render.insights import personal_view, room_view

NOTHING = Attribution([], [], 0, 0)
FOUND = PersonalInsights(
    followers=Attribution([Gain("food", 2, 30.0)], [Gain("tiktok", 3, 34.0)], 3, 0),
    tag_rates=[Rate("food", 1, 2)],
    platform_rates=[Rate("xiaohongshu", 0, 3)],
    best=BestTime(weekday=2, hour=None, weekday_saves=7.5),
    niche_tags=("food",),
    niche_now=67,
    niche_then=None,
    weeks=[0, 0, 0, 0, 0, 0, 1, 7],
    habit=42,
    follower_target=1000,
    projection=Projection(134, 1000, 12.25, date(2026, 5, 1), date(2026, 6, 3)),
)


def test_personal_insights_with_every_figure() -> None:
    assert personal_view("en", FOUND, 5).splitlines() == [
        "🔎 <b>What works for you</b>",
        "",
        "<b>What brings followers</b> (per post, between two counts)",
        "• #food: +15.0 per post (2 posts)",
        "• TikTok: +11.3 per post (3 posts)",
        "",
        "<b>Hit rate</b> (saves ≥ 5)",
        "• #food: 1 of 2 (50%)",
        "• Xiaohongshu: 0 of 3 (0%)",
        "",
        "<b>Best time</b> (average saves)",
        "• Wed: 7.5 saves",
        "",
        "<b>Niche focus</b>",
        "This month 67% of posts on your niche tags; last month —.",
        "",
        "<b>Consistency</b> (days posted, last 8 weeks)",
        "▁▁▁▁▁▁▂█  0 0 0 0 0 0 1 7",
        "Habit strength: 42/100 (a missed day dents it, it doesn't reset it)",
        "",
        "<b>Followers target</b>",
        "134 of 1,000; at +12.2 a day you'd get there between 2026-05-01 and 2026-06-03.",
    ]


def test_personal_insights_with_too_little() -> None:
    little = PersonalInsights(
        NOTHING, [], [], BestTime(None, None), (), None, None, [0] * 8, 0, 100, None
    )
    text = personal_view("en", little, 5)
    assert text.count("Too little data") == 3
    assert "Niche focus: add tags to your niche with /niche to see it" in text
    assert text.endswith(
        "Not enough data to project 100: three or more counts over a week or more, going up."
    )


def test_room_insights() -> None:
    found = RoomInsights([0, 0, 0, 0, 0, 0, 0, 3], NOTHING, [Rate("xiaohongshu", 0, 3)])
    assert room_view("en", "Cooks <3", found).splitlines() == [
        "🔎 <b>Cooks &lt;3: what works here</b>",
        "Days posted together, last 8 weeks: ▁▁▁▁▁▁▁█  0 0 0 0 0 0 0 3",
        "",
        "<b>What brings followers</b> (per post, between two counts)",
        "Too little data to say: record follower counts before and after posting (/followers),"
        " on a few posts.",
        "",
        "<b>Hit rate by platform</b>",
        "• Xiaohongshu: 0 of 3 (0%)",
        "",
        "<i>Only from what members share (/share).</i>",
    ]


def test_follower_panels_are_named_per_platform_in_the_users_language() -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    counts = [
        FollowerCount("xiaohongshu", 10, at, at.date()),
        FollowerCount("tiktok", 5, at, at.date()),
    ]
    chart = followers_chart("zh", counts, [], None, UTC)
    assert [(p.name, list(p.points)) for p in chart.panels] == [
        ("小红书", [(at, 10)]),
        ("TikTok", [(at, 5)]),
    ]
