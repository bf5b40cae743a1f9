"""A room's own messages on hand-made members: the day's digest (who posted, the longest streak,
hits and milestones, who is still to post), a period's summary (totals, the most consistent
member, the biggest grower, the goal, follows), when they are due, and cheers by post."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.deliveries import DayPeriod, DeliveryKind, MonthPeriod
from bot.domain.digests import (
    CheeredPost,
    cheered_posts,
    digest_time_for,
    due_sends,
    next_digest_at,
    room_day,
    room_period,
    summary_period,
)
from bot.domain.models import DayActivity, FollowerCount, Post, Sharing
from bot.domain.progress import Period
from bot.domain.rooms import CheerNotice, Group, RoomMember
from bot.domain.timezones import zone

MONDAY = date(2026, 3, 9)
WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))
EVERYTHING = Sharing(streaks=True, posts=True, followers=True, handles=True)
NOTHING = Sharing(streaks=False, posts=False, followers=False, handles=False)
DEFAULT = Sharing()  # streaks and posts, no counts or handles


def group(**changes: object) -> Group:
    plain = Group(
        chat_id=-100,
        title="Room",
        language=None,
        zone=zone("UTC"),
        digest_time="21:00",
        mention_missing=False,
        board_metric="days",
        topic_id=None,
        buddies_on=False,
        goal_kind=None,
        goal_value=None,
        active=True,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    return replace(plain, **changes)  # type: ignore[arg-type]


def member(
    user_id: int,
    name: str,
    posted: Iterable[date] = (),
    sharing: Sharing = DEFAULT,
    hits: Iterable[Post] = (),
    counts: Iterable[tuple[date, int]] = (),
) -> RoomMember:
    return RoomMember(
        user_id=user_id,
        name=name,
        username=None,
        sharing=sharing,
        activity=[DayActivity(day, 1) for day in sorted(posted)],
        hits=list(hits),
        follower_counts=[
            FollowerCount("tiktok", n, datetime(d.year, d.month, d.day, 12, tzinfo=UTC), d)
            for d, n in counts
        ],
    )


def hit(number: int, day: date) -> Post:
    logged = datetime(2026, 3, 1, tzinfo=UTC)
    return Post(number, 1, number, "xhs", None, None, (), logged, day - timedelta(1), day)


def days_before(day: date, count: int) -> list[date]:
    """`count` days in a row, ending on `day`."""
    return [day - timedelta(days=n) for n in range(count)]


# --- the day's digest ----------------------------------------------------------------------------


def test_who_posted_and_the_longest_streak_with_a_tie_to_the_earlier_member() -> None:
    members = [
        member(1, "Maya", days_before(MONDAY, 1)),
        member(2, "Jo", days_before(MONDAY, 3)),
        member(3, "Kim", days_before(MONDAY - timedelta(days=1), 3)),
        member(4, "Lee"),
    ]
    digest = room_day(members, MONDAY, mention_missing=False)
    assert digest is not None
    assert (digest.posted, digest.members) == (("Maya", "Jo"), 4)
    assert digest.longest is not None
    assert (digest.longest.name, digest.longest.streak) == ("Jo", 3)  # Kim has 3 too: Jo is first
    assert digest.waiting == ()


def test_nobody_posted_and_nobody_has_a_streak() -> None:
    digest = room_day([member(1, "Maya"), member(2, "Jo")], MONDAY, mention_missing=True)
    assert digest is not None
    assert (digest.posted, digest.longest, digest.news) == ((), None, ())
    assert digest.waiting == ("Maya", "Jo")


def test_a_member_who_shares_nothing_is_not_named_as_posted_or_waiting() -> None:
    members = [member(1, "Maya", [MONDAY], sharing=NOTHING), member(2, "Jo")]
    digest = room_day(members, MONDAY, mention_missing=True)
    assert digest is not None
    assert (digest.posted, digest.waiting, digest.longest) == ((), ("Jo",), None)


def test_hits_of_the_day_and_milestones_crossed_in_the_rooms_order() -> None:
    yesterday = MONDAY - timedelta(days=1)
    maya = member(1, "Maya", sharing=EVERYTHING, counts=[(yesterday, 90), (MONDAY, 120)])
    jo = member(2, "Jo", hits=[hit(1, yesterday), hit(2, MONDAY), hit(3, MONDAY)])
    kim = member(3, "Kim", counts=[(yesterday, 450), (MONDAY, 520)])  # Kim keeps counts to herself
    lee = member(4, "Lee", sharing=NOTHING, hits=[hit(1, MONDAY)])  # and Lee his posts
    digest = room_day([maya, jo, kim, lee], MONDAY, mention_missing=False)
    assert digest is not None
    assert [(n.name, [p.number for p in n.hits], n.milestone) for n in digest.news] == [
        ("Maya", [], 100),
        ("Jo", [2, 3], None),
    ]


def test_a_first_follower_count_passes_no_milestone() -> None:
    maya = member(1, "Maya", sharing=EVERYTHING, counts=[(MONDAY, 5000)])
    digest = room_day([maya], MONDAY, mention_missing=False)
    assert digest is not None
    assert digest.news == ()


def test_no_digest_for_a_room_without_members() -> None:
    assert room_day([], MONDAY, mention_missing=True) is None


# --- the weekly summary and monthly review -------------------------------------------------------


def test_totals_count_only_members_who_share_posts() -> None:
    members = [
        member(1, "Maya", [date(2026, 3, 3), date(2026, 3, 4)]),
        member(2, "Jo", [date(2026, 3, 3)]),
        member(3, "Lee", [date(2026, 3, 3)], sharing=NOTHING),
    ]
    summary = room_period(group(), members, WEEK, weekly=True)
    assert summary is not None
    assert (summary.posts, summary.days, len(summary.members)) == (3, 3, 3)
    assert summary.consistent is not None
    assert (summary.consistent.name, summary.consistent.days) == ("Maya", 2)


def test_the_most_consistent_member_a_tie_and_nobody() -> None:
    tied = [member(1, "Maya", [date(2026, 3, 3)]), member(2, "Jo", [date(2026, 3, 4)])]
    summary = room_period(group(), tied, WEEK, weekly=True)
    assert summary is not None
    assert summary.consistent is not None
    assert summary.consistent.name == "Maya"  # equal days: the earlier member
    idle = room_period(group(), [member(1, "Maya"), member(2, "Jo")], WEEK, weekly=True)
    assert idle is not None
    assert idle.consistent is None


def test_the_longest_streak_at_the_weeks_end_among_members_who_share_it() -> None:
    sunday = WEEK.end
    members = [
        member(1, "Maya", days_before(sunday, 3)),
        member(2, "Jo", days_before(sunday, 9)),  # began before the week: counts in full
        member(3, "Kim", days_before(sunday, 9)),  # as long, later in the room: Jo wins the tie
        member(4, "Lee", days_before(sunday, 20), sharing=NOTHING),  # longer, but private
    ]
    summary = room_period(group(), members, WEEK, weekly=True)
    assert summary is not None
    assert summary.longest is not None
    assert (summary.longest.name, summary.longest.streak) == ("Jo", 9)
    idle = room_period(group(), [member(1, "Maya"), members[3]], WEEK, weekly=True)
    assert idle is not None
    assert idle.longest is None


def test_the_week_ranked_by_days_with_private_members_last() -> None:
    members = [
        member(1, "Lee", [date(2026, 3, 3), date(2026, 3, 4)], sharing=NOTHING),
        member(2, "Maya", [date(2026, 3, 3)]),
        member(3, "Jo", [date(2026, 3, 3), date(2026, 3, 4)]),
        member(4, "Kim"),
        member(5, "Ann", [date(2026, 3, 5)]),  # as many days as Maya: by name
    ]
    summary = room_period(group(), members, WEEK, weekly=True)
    assert summary is not None
    assert [v.name for v in summary.ranked_by_days()] == ["Jo", "Ann", "Maya", "Kim", "Lee"]
    assert summary.posters == 3  # Lee posted too, but keeps it to himself


def test_the_biggest_grower_by_share_even_without_counts_shown() -> None:
    before, end = date(2026, 3, 1), date(2026, 3, 8)
    members = [
        member(1, "Maya", sharing=EVERYTHING, counts=[(before, 1000), (end, 1100)]),  # +10%
        member(2, "Jo", counts=[(before, 100), (end, 150)]),  # +50%, count kept private
        member(3, "Kim", sharing=EVERYTHING, counts=[(before, 100), (end, 90)]),  # shrank
    ]
    summary = room_period(group(), members, WEEK, weekly=True)
    assert summary is not None
    assert summary.grower is not None
    assert summary.grower.name == "Jo"
    assert summary.grower.followers is None  # the room sees his +50%, not his count


def test_growers_tied_on_share_and_nobody_growing() -> None:
    before, end = date(2026, 3, 1), date(2026, 3, 8)
    members = [
        member(1, "Maya", counts=[(before, 100), (end, 120)]),
        member(2, "Jo", counts=[(before, 200), (end, 240)]),
    ]
    summary = room_period(group(), members, WEEK, weekly=True)
    assert summary is not None
    assert summary.grower is not None
    assert summary.grower.name == "Maya"  # both +20%: the earlier member
    flat = [member(1, "Maya", counts=[(before, 100), (end, 100)])]
    still = room_period(group(), flat, WEEK, weekly=True)
    assert still is not None
    assert still.grower is None


@pytest.mark.parametrize(
    ("kind", "value", "weekly", "target", "done", "of"),
    [
        ("days", 2, True, 2, 1, 2),  # Maya made 2 days, Jo 1
        ("days", 2, False, 9, 0, 2),  # a 31-day month asks 2 × 31 / 7 ≈ 9 days
        ("posts", 3, True, 3, 3, 3),  # together
    ],
)
def test_the_group_goal_over_a_week_and_a_month(
    kind: str, value: int, weekly: bool, target: int, done: int, of: int
) -> None:
    members = [
        member(1, "Maya", [date(2026, 3, 3), date(2026, 3, 4)]),
        member(2, "Jo", [date(2026, 3, 3)]),
        member(3, "Lee", [date(2026, 3, 3)], sharing=NOTHING),  # not counted
    ]
    period = WEEK if weekly else Period(date(2026, 3, 1), date(2026, 3, 31))
    summary = room_period(group(goal_kind=kind, goal_value=value), members, period, weekly)
    assert summary is not None
    assert summary.goal is not None
    assert (summary.goal.target, summary.goal.done, summary.goal.of) == (target, done, of)


def test_follows_are_counted_weekly_only_and_among_members() -> None:
    members = [member(1, "Maya"), member(2, "Jo"), member(3, "Kim")]
    follows = [(1, 2), (2, 1), (1, 3), (1, 99)]  # 99 left the room
    weekly = room_period(group(), members, WEEK, weekly=True, follows=follows)
    assert weekly is not None
    assert weekly.follows is not None
    assert (weekly.follows.mutual_pairs, weekly.follows.pairs) == (1, 2)
    monthly = room_period(group(), members, WEEK, weekly=False, follows=follows)
    assert monthly is not None
    assert (monthly.follows, monthly.goal) == (None, None)


def test_no_summary_before_the_room_existed_or_without_members() -> None:
    new = group(created_at=datetime(2026, 3, 9, 8, tzinfo=UTC))
    assert room_period(new, [member(1, "Maya")], WEEK, weekly=True) is None
    assert room_period(group(), [], WEEK, weekly=True) is None


def test_the_period_a_summary_is_about() -> None:
    assert summary_period(DeliveryKind.WEEKLY, "2026-03-02") == WEEK
    march = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert summary_period(DeliveryKind.MONTHLY, MonthPeriod(date(2026, 3, 1)).encode()) == march
    assert summary_period(DeliveryKind.WEEKLY, "last week") is None
    assert summary_period(DeliveryKind.MONTHLY, "2026-13") is None


# --- when a room's messages are due --------------------------------------------------------------


def test_the_next_digest_today_or_tomorrow_in_the_rooms_zone() -> None:
    shanghai = group(zone=zone("Asia/Shanghai"))  # 21:00 there is 13:00 UTC
    before = datetime(2026, 3, 9, 12, 59, tzinfo=UTC)
    assert next_digest_at(shanghai, before) == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
    at = datetime(2026, 3, 9, 13, 0, tzinfo=UTC)
    assert next_digest_at(shanghai, at) == datetime(2026, 3, 10, 13, 0, tzinfo=UTC)


def test_a_monday_brings_the_weekly_summary_first_and_pairs_buddies() -> None:
    now = datetime(2026, 3, 9, 21, 0, tzinfo=UTC)
    due = due_sends(group(buddies_on=True), now, now)
    assert due.claims == (
        (DeliveryKind.WEEKLY, DayPeriod(date(2026, 3, 2))),
        (DeliveryKind.DIGEST, DayPeriod(MONDAY)),
    )
    assert due.pair_week == MONDAY
    assert due_sends(group(), now, now).pair_week is None  # buddies off


def test_before_the_digest_time_nothing_is_due() -> None:
    now = datetime(2026, 3, 9, 20, 59, tzinfo=UTC)
    assert due_sends(group(), now, now).claims == ()


def test_after_downtime_missed_summaries_are_sent_oldest_first_and_missed_digests_dropped() -> None:
    since = datetime(2026, 2, 27, 21, 0, tzinfo=UTC)  # down from a Friday to a Tuesday
    now = datetime(2026, 3, 3, 21, 0, tzinfo=UTC)
    due = due_sends(group(buddies_on=True), since, now)
    assert due.claims == (
        (DeliveryKind.MONTHLY, MonthPeriod(date(2026, 2, 1))),
        (DeliveryKind.WEEKLY, DayPeriod(date(2026, 2, 23))),
        (DeliveryKind.DIGEST, DayPeriod(date(2026, 3, 3))),
    )
    assert due.pair_week is None  # Monday's pairs were for a day already gone


def test_catching_up_stops_forty_days_back() -> None:
    since = datetime(2025, 12, 1, 21, 0, tzinfo=UTC)
    now = datetime(2026, 3, 3, 21, 0, tzinfo=UTC)
    kinds = [(kind, about) for kind, about in due_sends(group(), since, now).claims]
    assert kinds[0] == (DeliveryKind.WEEKLY, DayPeriod(date(2026, 1, 19)))  # Monday Jan 26
    assert (DeliveryKind.MONTHLY, MonthPeriod(date(2026, 1, 1))) in kinds  # Feb 1
    assert (DeliveryKind.MONTHLY, MonthPeriod(date(2025, 12, 1))) not in kinds  # Jan 1: too old


# --- cheers, told in private ---------------------------------------------------------------------


def test_cheers_are_told_a_line_per_post_and_room_in_the_order_they_came() -> None:
    cheers = [
        CheerNotice("Jo", 1, "Room"),
        CheerNotice("Kim", 2, "Room"),
        CheerNotice("Lee", 1, "Room"),
        CheerNotice("Ada", 1, "Other room"),
    ]
    assert cheered_posts(cheers) == [
        CheeredPost(1, "Room", ("Jo", "Lee")),
        CheeredPost(2, "Room", ("Kim",)),
        CheeredPost(1, "Other room", ("Ada",)),
    ]


@pytest.mark.parametrize(
    ("nudge", "day_start", "digest"),
    [
        (time(9, 0), time(0), time(21, 0)),  # a morning reminder: the evening
        (time(19, 30), time(0), time(21, 0)),
        (time(20, 15), time(0), time(21, 15)),  # an hour after the reminder
        (time(22, 30), time(0), time(23, 30)),
        (time(23, 0), time(0), time(23, 30)),  # never past 23:30
        (time(23, 59), time(0), time(23, 30)),
        (time(1, 0), time(3, 0), time(23, 30)),  # a night owl's reminder after midnight
    ],
)
def test_a_room_added_by_a_creator_gets_its_digest_in_their_evening(
    nudge: time, day_start: time, digest: time
) -> None:
    assert digest_time_for(nudge, day_start) == digest
