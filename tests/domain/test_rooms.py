"""Room logic on hand-made members: what is shared, board order and ties, message splitting,
milestones, buddies, reciprocity, growth and group goals."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.domain.models import FollowerCount, Sharing
from bot.domain.progress import Period
from bot.domain.rooms import (
    Growth,
    MemberView,
    board,
    group_goal_status,
    growth_over,
    milestone_crossed,
    pair_buddies,
    reciprocity,
    split_message,
    view,
)


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


def test_split_message_at_the_boundary() -> None:
    assert split_message(["a" * 4096]) == ["a" * 4096]
    assert split_message(["a" * 4000, "b" * 96]) == ["a" * 4000, "b" * 96]
    assert split_message(["a" * 4000, "b" * 95]) == ["a" * 4000 + "\n" + "b" * 95]
    names = ", ".join(f"name{n:04d}" for n in range(800))  # ~8,000 characters
    parts = split_message(["Posted: " + names])
    assert len(parts) == 2
    assert all(len(p) <= 4096 for p in parts)
    assert "".join(parts).count("name") == 800
    assert split_message(["x", "", "y"]) == ["x\n\ny"]


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
