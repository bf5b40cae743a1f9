"""Insights on hand-made histories, with the exact numbers expected."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.insights import (
    Gain,
    SharedHistory,
    attribute_followers,
    best_time,
    habit_strength,
    hit_rates,
    niche_share,
    personal_insights,
    project_followers,
    room_insights,
    total_readings,
    weekly_days,
)
from bot.domain.models import DayActivity, FollowerCount, Post, Profile
from bot.domain.review import ScoredPost

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def count(platform: str, value: int, hours: float) -> FollowerCount:
    return FollowerCount(platform, value, at(hours), at(hours).date())


def post(
    pid: int, platform: str, hours: float, tags: tuple[str, ...] = (), hit: bool = False
) -> Post:
    moment = at(hours)
    return Post(pid, 1, pid, platform, None, None, tags, moment, moment.date(),
                moment.date() if hit else None)  # fmt: skip


def test_attribution_shares_each_change_among_the_posts_in_between() -> None:
    counts = [
        count("tiktok", 100, 0),
        count("tiktok", 130, 48),  # +30 over posts 1 and 2
        count("tiktok", 140, 96),  # +10 over post 3
        count("tiktok", 135, 120),  # −5, no post in between: unattributed
        count("xhs", 20, 0),
        count("xhs", 32, 50),  # +12 over post 4
    ]
    posts = [
        post(1, "tiktok", 10, ("food",)),
        post(2, "tiktok", 20, ("food", "travel")),
        post(3, "tiktok", 60, ("travel",)),
        post(4, "xhs", 30, ("food",)),
        post(5, "tiktok", 130),  # after the last count: nothing to attribute yet
    ]
    result = attribute_followers(counts, posts)
    assert result.attributed_posts == 4
    assert result.unattributed == -5
    assert result.by_tag == [Gain("food", 3, 15 + 15 + 12), Gain("travel", 2, 15 + 10)]
    assert result.by_tag[0].per_post == 14.0
    assert result.by_tag[1].per_post == 12.5
    assert result.by_platform == [Gain("tiktok", 3, 40)]  # xhs has one post: not ranked
    assert result.enough


def test_too_little_to_attribute() -> None:
    counts = [count("tiktok", 100, 0), count("tiktok", 110, 10)]
    result = attribute_followers(counts, [post(1, "tiktok", 5)])
    assert not result.enough
    assert attribute_followers([], []).by_tag == []


def test_hit_rates_by_tag_and_platform() -> None:
    posts = [
        post(1, "tiktok", 1, ("food",), hit=True),
        post(2, "tiktok", 2, ("food",)),
        post(3, "xhs", 3, ("food",), hit=True),
        post(4, "xhs", 4, ("travel",), hit=True),
        post(5, "xhs", 5),
    ]
    tags, platforms = hit_rates(posts)
    assert [(r.key, r.hits, r.posts, r.percent) for r in tags] == [("food", 2, 3, 67)]
    assert [(r.key, r.hits, r.posts) for r in platforms] == [("xhs", 2, 3), ("tiktok", 1, 2)]


def test_best_weekday_and_hour_in_the_users_zone() -> None:
    shanghai = ZoneInfo("Asia/Shanghai")  # 09:00 UTC is 17:00 there
    scored = [
        ScoredPost(post(1, "tiktok", 0), 10),  # Monday 17:00
        ScoredPost(post(2, "tiktok", 168), 6),  # next Monday 17:00
        ScoredPost(post(3, "tiktok", 26), 2),  # Tuesday 19:00
        ScoredPost(post(4, "tiktok", 194), 4),  # next Tuesday 19:00
        ScoredPost(post(5, "tiktok", 50), None),  # no saves recorded: left out
    ]
    best = best_time(scored, shanghai)
    assert (best.weekday, best.weekday_saves) == (0, 8.0)
    assert (best.hour, best.hour_saves) == (17, 8.0)
    assert best_time(scored[:2], shanghai).weekday is None  # one weekday is no comparison


def test_niche_share_and_weekly_days() -> None:
    posts = [post(1, "x", 1, ("food",)), post(2, "x", 2, ("travel",)), post(3, "x", 3)]
    assert niche_share(posts, ("food", "travel")) == 67
    assert niche_share(posts, ()) is None
    assert niche_share([], ("food",)) is None
    today = date(2026, 3, 18)  # a Wednesday
    posted = [date(2026, 3, 16), date(2026, 3, 17), date(2026, 3, 9), date(2026, 1, 1)]
    assert weekly_days(posted, today, weeks=3) == [0, 1, 2]


def test_habit_strength_is_dented_not_wiped_by_a_missed_day() -> None:
    start, today = date(2026, 1, 1), date(2026, 3, 1)
    every_day = [start + timedelta(days=n) for n in range(60)]
    missed = date(2026, 2, 25)
    but_one = [d for d in every_day if d != missed]
    perfect = habit_strength(every_day, [], start, today, 7)
    one_missed = habit_strength(but_one, [], start, today, 7)
    rested = habit_strength(but_one, [missed], start, today, 7)
    assert perfect == 96  # two months of every day: nearly full
    assert 88 <= one_missed < perfect
    assert rested == perfect  # a rest day changes nothing
    assert habit_strength([], [], start, today, 7) == 0
    three_a_week = [d for d in every_day if d.weekday() in (0, 2, 4)]
    assert habit_strength(three_a_week, [], start, today, 3) >= 80  # on target reads as strong


def test_projection_with_a_range() -> None:
    readings = [(at(24 * d), 40 + 3 * d) for d in range(0, 15, 2)]  # +3 a day, 40 → 82
    projection = project_followers(readings, 100, date(2026, 3, 16))
    assert projection is not None
    assert (projection.current, projection.target) == (82, 100)
    assert round(projection.per_day, 2) == 3.0
    assert projection.earliest == projection.latest == date(2026, 3, 22)
    uneven = [(at(0), 40), (at(24 * 4), 44), (at(24 * 8), 60), (at(24 * 12), 76)]
    ranged = project_followers(uneven, 100, date(2026, 3, 14))
    assert ranged is not None
    assert ranged.earliest < ranged.latest
    assert project_followers(readings[:2], 100, date(2026, 3, 16)) is None  # too few readings
    assert (
        project_followers([(at(0), 50), (at(24), 60), (at(48), 70)], 100, date(2026, 3, 4)) is None
    )
    falling = [(at(24 * d), 90 - d) for d in range(10)]
    assert project_followers(falling, 100, date(2026, 3, 12)) is None
    assert project_followers(readings, 50, date(2026, 3, 16)) is None  # already reached


def test_total_readings_add_up_each_platforms_latest_count() -> None:
    counts = [count("xhs", 10, 2), count("tiktok", 100, 0), count("tiktok", 120, 5)]
    assert total_readings(counts, None) == [(at(0), 100), (at(2), 110), (at(5), 130)]
    assert total_readings(counts, "tiktok") == [(at(0), 100), (at(5), 120)]


def test_personal_insights_gather_every_figure() -> None:
    profile = Profile(
        user_id=1, first_name="Maya", language=None, telegram_language=None, timezone="UTC",
        nudge_time=time(20), day_start=time(0), niche="", niche_tags=("food",), platforms=(),
        handles={}, posting_days_per_week=7, hit_threshold=5, awaiting=None, onboarded=True,
        created_at=T0, follower_target=500,
    )  # fmt: skip
    scored = [ScoredPost(post(1, "tiktok", 0, ("food",)), 3), ScoredPost(post(2, "xhs", 30), 9)]
    activity = [DayActivity(T0.date(), 1), DayActivity(T0.date() + timedelta(days=1), 1)]
    today = T0.date() + timedelta(days=1)
    found = personal_insights(profile, today, UTC, [], scored, activity, [])
    assert (found.niche_tags, found.niche_now, found.niche_then) == (("food",), 50, None)
    assert found.weeks == [0, 0, 0, 0, 0, 0, 0, 2]
    assert found.habit == habit_strength([a.day for a in activity], [], T0.date(), today, 7)
    assert (found.follower_target, found.projection) == (None, None)  # no count to grow from
    counts = [count("tiktok", 2000, 0), count("tiktok", 2100, 24)]
    grown = personal_insights(profile, today, UTC, counts, scored, activity, [], T0.date())
    assert grown.follower_target == 2500  # a gain of 500 from the program's first count
    now = personal_insights(profile, today, UTC, counts, scored, activity, [])
    assert now.follower_target == 2600  # no program: a gain of 500 from today
    assert not found.followers.enough
    assert (found.tag_rates, found.platform_rates) == ([], [])  # one post each: too few


def test_room_insights_add_up_what_members_share() -> None:
    day = T0.date()
    jo = SharedHistory([DayActivity(day, 1)], [post(1, "tiktok", 0)], [])
    maya = SharedHistory(
        [DayActivity(day, 2), DayActivity(day + timedelta(days=1), 1)],
        [post(2, "tiktok", 1, hit=True), post(3, "xhs", 2)],
        [count("tiktok", 100, -1), count("tiktok", 130, 3)],
    )
    found = room_insights([jo, maya], day + timedelta(days=1))
    assert found.weeks == [0, 0, 0, 0, 0, 0, 0, 3]
    # Maya's gain is hers: Jo's TikTok post at the same time gets none of it.
    assert found.followers.attributed_posts == 1
    assert found.followers.unattributed == 0
    assert [(r.key, r.hits, r.posts) for r in found.platform_rates] == [("tiktok", 1, 2)]


def test_room_attribution_never_mixes_two_members_counts() -> None:
    """Kim has 50,000 followers and Maya 100: the room sees each one's own change."""
    kim = SharedHistory(
        [], [post(1, "tiktok", 1), post(2, "tiktok", 2)],
        [count("tiktok", 50_000, 0), count("tiktok", 50_010, 3)],
    )  # fmt: skip
    maya = SharedHistory(
        [], [post(3, "tiktok", 1.5), post(4, "tiktok", 2.5)],
        [count("tiktok", 100, 0.5), count("tiktok", 104, 3.5)],
    )  # fmt: skip
    found = room_insights([kim, maya], T0.date())
    assert found.followers.by_platform == [Gain("tiktok", 4, 14)]
    assert found.followers.unattributed == 0
