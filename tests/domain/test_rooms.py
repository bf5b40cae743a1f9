"""Room logic on hand-made members: what is shared, board order and ties, message splitting,
milestones, buddies, reciprocity, growth, group goals, handles and follows, naming a member, and
a room's day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from bot.domain.models import DayActivity, FollowerCount, Post, Sharing
from bot.domain.progress import Period
from bot.domain.rooms import (
    FollowGaps,
    Group,
    Growth,
    MemberView,
    RoomMember,
    Shareable,
    SharedHandle,
    board,
    follow_gaps,
    group_goal_status,
    growth_over,
    member_named,
    milestone_crossed,
    pair_buddies,
    reciprocity,
    room_views,
    seen_by_room,
    shared_handles,
    view,
)
from bot.domain.timezones import zone

DEFAULT = Sharing()


def member(name: str, days: int | None, streak: int | None = 0, hits: int | None = 0) -> MemberView:
    return MemberView(0, name, days, days, streak, None, hits, None, None)


def test_view_hides_what_is_not_shared() -> None:
    growth = Growth(10, 20)

    def as_seen(sharing: Sharing) -> MemberView:
        return view(1, "A", sharing, days=3, posts=4, streak=5, posted_today=True, hits=1,
                    growth=growth, followers=60)  # fmt: skip

    private = as_seen(Sharing(False, False, False, False))
    assert (private.days, private.posts, private.streak, private.hits) == (None, None, None, None)
    assert private.followers is None
    assert private.growth == growth  # a percentage is all the room gets
    public = as_seen(Sharing(True, True, True, True))
    assert (public.days, public.streak, public.followers) == (3, 5, 60)


def test_board_order_ties_and_unshared_members() -> None:
    ranked = board(
        [member("bo", 3, 3), member("Al", 3, 3), member("Cy", 5, 1), member("Di", None, None)],
        "days",
    )
    assert [(r.rank, r.tied, r.member.name) for r in ranked] == [
        (1, False, "Cy"),
        (2, True, "Al"),
        (2, True, "bo"),
        (4, False, "Di"),
    ]
    by_streak = board([member("Al", 1, 9), member("Bo", 7, 2)], "streak")
    assert [r.member.name for r in by_streak] == ["Al", "Bo"]


def test_milestones() -> None:
    assert milestone_crossed(90, 120) == 100
    assert milestone_crossed(90, 1200) == 1_000
    assert milestone_crossed(120, 130) is None
    assert milestone_crossed(None, 5000) is None  # a first count passes nothing


def test_buddies_pair_everyone_and_a_trio_for_an_odd_one() -> None:
    pairs = pair_buddies([1, 2, 3, 4, 5], date(2026, 3, 2), -100)
    assert set(pairs) == {1, 2, 3, 4, 5}
    assert all(pairs[p] != p for p in pairs)
    assert pair_buddies([1, 2, 3, 4, 5], date(2026, 3, 2), -100) == pairs  # reproducible
    assert pair_buddies([1], date(2026, 3, 2), -100) == {}


def test_reciprocity() -> None:
    follows = [(1, 2), (2, 1), (1, 3), (3, 3), (4, 1)]
    assert reciprocity(follows, [1, 2, 3]) == reciprocity(follows, [3, 2, 1])
    result = reciprocity(follows, [1, 2, 3])
    assert (result.mutual_pairs, result.pairs) == (1, 2)


def test_growth_over_a_period() -> None:
    def c(day: int, value: int, platform: str = "tiktok") -> FollowerCount:
        moment = datetime.combine(date(2026, 3, day), time(12), UTC)
        return FollowerCount(platform, value, moment, date(2026, 3, day))

    week = Period(date(2026, 3, 2), date(2026, 3, 8))
    assert growth_over([c(1, 100), c(5, 120)], week) == Growth(20, 20)
    assert growth_over([c(3, 50), c(5, 40), c(4, 10, "xhs")], week) == Growth(-10, -20)
    assert growth_over([c(5, 40)], week) is None
    assert growth_over([c(1, 0), c(5, 40)], week) == Growth(40, None)


def test_group_goals() -> None:
    members = [member("A", 5), member("B", 2), member("C", None)]
    days = group_goal_status("days", 3, members)
    assert (days.done, days.of, days.met) == (1, 2, False)
    posts = group_goal_status("posts", 7, members)
    assert (posts.done, posts.of, posts.met) == (7, 7, True)


def room_member(
    user_id: int,
    name: str,
    username: str | None = None,
    sharing: Sharing = DEFAULT,
    **fields: Any,
) -> RoomMember:
    return RoomMember(user_id, name, username, sharing, **fields)


def test_a_member_as_the_room_sees_them_over_a_period() -> None:
    def post(number: int, hit: date) -> Post:
        logged = datetime(2026, 1, 1, tzinfo=UTC)
        return Post(number, 1, number, "tiktok", None, None, (), logged, date(2026, 1, 1), hit)

    maya = room_member(
        1,
        "Maya",
        activity=[DayActivity(date(2026, 3, d), n) for d, n in ((1, 1), (3, 2), (4, 1), (6, 3))],
        rest_days=[date(2026, 3, 5)],
        hits=[post(1, date(2026, 2, 28)), post(2, date(2026, 3, 1)), post(3, date(2026, 3, 31))],
    )
    week, friday = Period(date(2026, 3, 2), date(2026, 3, 8)), date(2026, 3, 6)
    seen = seen_by_room(maya, week, friday)
    assert (seen.days, seen.posts) == (3, 6)  # Mar 3, 4, 6: not Mar 1, before the week
    assert (seen.streak, seen.posted_today) == (3, True)  # the rest day on Mar 5 bridges
    assert seen.hits == 2  # this month's, whatever the period
    assert (seen.growth, seen.followers) == (None, None)
    private = replace(maya, sharing=Sharing(False, False, True, False))
    hidden = seen_by_room(private, week, friday)
    assert (hidden.days, hidden.posts, hidden.streak, hidden.hits) == (None, None, None, None)
    that_day = room_views([maya, private], Period(friday, friday), friday)
    assert [(v.name, v.days, v.posts) for v in that_day] == [("Maya", 1, 3), ("Maya", None, None)]


def test_shared_handles_by_platform_for_members_who_share_them() -> None:
    on = Sharing(handles=True)
    members = [
        room_member(1, "Maya", sharing=on, handles={"xhs": "小金", "tiktok": "@maya"}),
        room_member(2, "Jo", handles={"tiktok": "@jo.secret"}),  # doesn't share handles
        room_member(3, "Kim", sharing=on, handles={"tiktok": "kim"}),
        room_member(4, "Lee", sharing=on),  # shares, but has none
    ]
    assert shared_handles(members) == {
        "tiktok": [SharedHandle("Maya", "@maya"), SharedHandle("Kim", "kim")],
        "xhs": [SharedHandle("Maya", "小金")],
    }
    assert list(shared_handles(members)) == ["tiktok", "xhs"]
    assert shared_handles(members[1:2]) == {}


def test_follow_gaps_for_one_member() -> None:
    on = Sharing(handles=True)
    members = [
        room_member(1, "Maya", sharing=on, handles={"tiktok": "@maya"}),
        room_member(2, "Jo", sharing=on, handles={"tiktok": "@jo"}),
        room_member(3, "Kim", handles={"tiktok": "@kim"}),  # not shared: nobody is told to follow
        room_member(4, "Lee", sharing=on),  # no handle to follow
    ]
    follows = [(1, 3), (1, 4), (4, 1), (2, 1)]
    gaps = follow_gaps(1, members, follows)
    assert gaps == FollowGaps(not_followed=("Jo",), not_back=("Kim",))
    assert follow_gaps(3, members, follows) == FollowGaps(("Maya", "Jo"), ())


def test_a_member_named_by_username_first_then_by_a_unique_first_name() -> None:
    members = [
        room_member(1, "Jo", "jo_makes"),
        room_member(2, "Jo", None),
        room_member(3, "Maya", "maya"),
        room_member(4, "Kim", "JO"),
    ]
    assert member_named(members, "@JO_MAKES") == members[0]
    assert member_named(members, "jo") == members[3]  # a username wins over first names
    assert member_named(members, "MAYA") == members[2]
    assert member_named(members[:2], "Jo") is None  # two Jos: which one?
    assert member_named(members, "@nobody") is None


def test_what_a_member_shares_item_by_item() -> None:
    sharing = Sharing(streaks=True, posts=False, followers=True, handles=False)
    assert [item.of(sharing) for item in Shareable] == [True, False, True, False]
    assert [item.value for item in Shareable] == ["streaks", "posts", "followers", "handles"]


def test_a_rooms_day_in_its_own_zone() -> None:
    evening = datetime(2026, 3, 9, 17, 0, tzinfo=UTC)
    store_row = Group(-1, "Room", None, zone("Asia/Shanghai"), "21:00", False, "days", None,
                      False, None, None, True)  # fmt: skip
    assert store_row.day_at(evening) == date(2026, 3, 10)  # 01:00 the next day in Shanghai
    assert replace(store_row, zone=zone("UTC-05:00")).day_at(evening) == date(2026, 3, 9)
