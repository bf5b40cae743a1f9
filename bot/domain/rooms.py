"""Group rooms: what a room may see of each member, the leaderboard, buddies, follows (the
digests and summaries are in `digests.py`).

Nothing here knows Telegram or SQL. Privacy is decided here once: a member's numbers reach a room
only through `MemberView`, built from what that member chose to share.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Literal, Protocol, TypeVar

from bot.domain.days import local_date
from bot.domain.models import DayActivity, FollowerCount, Post, Sharing
from bot.domain.program import followers_by
from bot.domain.progress import Period, follower_growth_by_platform, this_month
from bot.domain.streaks import compute_streak
from bot.domain.timezones import Zone

BoardMetric = Literal["days", "streak", "hits", "growth"]
BOARD_METRICS: tuple[BoardMetric, ...] = ("days", "streak", "hits", "growth")
RoomGoalKind = Literal["days", "posts"]
MILESTONES = (100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000, 1_000_000)
# A follow noted without a platform: the member follows them everywhere.
EVERYWHERE = "*"


@dataclass(frozen=True)
class Group:
    """A room's settings. `zone` is parsed once, when the row is read; the column keeps its name."""

    chat_id: int
    title: str
    language: Literal["en", "zh"] | None
    zone: Zone
    digest_time: str
    mention_missing: bool
    board_metric: BoardMetric
    topic_id: int | None
    buddies_on: bool
    goal_kind: RoomGoalKind | None
    goal_value: int | None
    active: bool
    next_digest_at: datetime | None = None
    created_at: datetime | None = None

    def day_at(self, now: datetime) -> date:
        """The room's calendar day at `now`: a room's day starts at midnight in its timezone."""
        return local_date(now, self.zone.tz, time(0))


class Shareable(StrEnum):
    """What a member may let their rooms see, one switch each (the fields of `Sharing`)."""

    STREAKS = "streaks"
    POSTS = "posts"
    FOLLOWERS = "followers"
    HANDLES = "handles"

    def of(self, sharing: Sharing) -> bool:
        """Whether this is shared under `sharing`."""
        return bool(getattr(sharing, self.value))


@dataclass(frozen=True)
class RoomMember:
    """A member with everything a room could be shown of them, before their sharing choices are
    applied (`seen_by_room` applies them). Read for the whole room at once."""

    user_id: int
    name: str
    username: str | None
    sharing: Sharing
    handles: Mapping[str, str] = field(default_factory=dict)  # platform key → handle or URL
    activity: Sequence[DayActivity] = ()  # every day they posted on, oldest first
    rest_days: Sequence[date] = ()
    rest_allowance: int = 0  # days off a week (see `bot.domain.streaks`)
    hits: Sequence[Post] = ()  # every post that became a hit, by number
    follower_counts: Sequence[FollowerCount] = ()  # oldest first
    posts: Sequence[Post] = ()  # every post, when read for the room's /insights and shared


@dataclass(frozen=True)
class CheerNotice:
    """A cheer as its author is told of it: who cheered which of their posts, in which room."""

    cheerer: str
    post_number: int
    group_title: str


@dataclass(frozen=True)
class Growth:
    change: int
    percent: int | None  # None when there was nothing to compare against


@dataclass(frozen=True)
class MemberView:
    """One member as a room sees them: None where the member does not share."""

    user_id: int
    name: str
    days: int | None  # days posted in the period
    posts: int | None
    streak: int | None
    posted_today: bool | None
    hits: int | None
    growth: Growth | None
    followers: int | None  # only when the member shares counts

    def value(self, metric: BoardMetric) -> float:
        if metric == "growth":
            if self.growth is None:
                return -1
            return self.growth.change if self.followers is not None else (self.growth.percent or 0)
        value = {"days": self.days, "streak": self.streak, "hits": self.hits}[metric]
        return -1 if value is None else value


def view(
    user_id: int,
    name: str,
    sharing: Sharing,
    *,
    days: int,
    posts: int,
    streak: int,
    posted_today: bool,
    hits: int,
    growth: Growth | None,
    followers: int | None,
) -> MemberView:
    """What the room may see: streaks and post counts by default, follower numbers on request.
    Growth as a percentage is shown to the room even without counts; the count itself is not."""
    return MemberView(
        user_id=user_id,
        name=name,
        days=days if sharing.posts else None,
        posts=posts if sharing.posts else None,
        streak=streak if sharing.streaks else None,
        posted_today=posted_today if sharing.posts else None,
        hits=hits if sharing.posts else None,
        growth=growth,
        followers=followers if sharing.followers else None,
    )


def seen_by_room(member: RoomMember, period: Period, today: date) -> MemberView:
    """The member as the room sees them over `period`: days and posts inside it, the streak as of
    `today`, hits over today's month, follower growth over the period and the count at its end."""
    inside = [a for a in member.activity if a.day in period]
    streak = compute_streak(
        (a.day for a in member.activity), today, member.rest_days, member.rest_allowance
    )
    month = this_month(today)
    return view(
        member.user_id,
        member.name,
        member.sharing,
        days=len(inside),
        posts=sum(a.posts for a in inside),
        streak=streak.current,
        posted_today=streak.posted_today,
        hits=sum(1 for p in member.hits if p.hit_date in month),
        growth=growth_over(member.follower_counts, period),
        followers=followers_by(member.follower_counts, period.end, None),
    )


def room_views(members: Iterable[RoomMember], period: Period, today: date) -> list[MemberView]:
    """Every member as the room sees them, in the room's order (who joined first)."""
    return [seen_by_room(member, period, today) for member in members]


def growth_over(counts: Sequence[FollowerCount], period: Period) -> Growth | None:
    """Followers gained in the period, over the platforms with two readings to compare (a platform
    first counted mid-period adds nothing), and as a share of where they started."""
    by_platform = follower_growth_by_platform(counts, period)
    if not by_platform:
        return None
    change = sum(by_platform.values())
    end = sum(followers_by(counts, period.end, key) or 0 for key in by_platform)
    start = end - change
    return Growth(change, round(100 * change / start) if start > 0 else None)


@dataclass(frozen=True)
class Ranked:
    rank: int
    tied: bool
    member: MemberView


def board(members: Iterable[MemberView], metric: BoardMetric) -> list[Ranked]:
    """Sorted by the room's metric, then the others in a fixed order. Members equal on all of
    them share a rank (shown as "=2") and are listed by name: nobody wins a tie by accident."""
    order = (metric, *(m for m in BOARD_METRICS if m != metric))

    def key(member: MemberView) -> tuple[float, ...]:
        return tuple(member.value(m) for m in order)

    ranked = sorted(members, key=lambda m: (tuple(-v for v in key(m)), m.name.casefold()))
    keys = [key(m) for m in ranked]
    return [
        Ranked(
            rank=1 + sum(1 for other in keys if other > keys[index]),
            tied=keys.count(keys[index]) > 1,
            member=member,
        )
        for index, member in enumerate(ranked)
    ]


def milestone_crossed(before: int | None, after: int) -> int | None:
    """The largest milestone passed going from `before` to `after` (None: none passed)."""
    passed = [m for m in MILESTONES if (before or 0) < m <= after]
    return passed[-1] if passed and before is not None else None


@dataclass(frozen=True)
class BuddyDay:
    """A buddy as the nudge shows them: posted today, not yet, or None when they do not share."""

    name: str
    posted: bool | None


def pair_buddies(user_ids: Iterable[int], week: date, chat_id: int) -> dict[int, int]:
    """Random pairs for the week (reproducible from group and week); an odd one out makes the last
    pair a trio, each looking out for the next."""
    people = sorted(set(user_ids))
    random.Random(f"{chat_id}:{week.isoformat()}").shuffle(people)
    if len(people) < 2:
        return {}
    pairs: dict[int, int] = {}
    groups = [people[i : i + 2] for i in range(0, len(people), 2)]
    if len(groups[-1]) == 1:
        groups[-2].extend(groups.pop())
    for group in groups:
        for index, person in enumerate(group):
            pairs[person] = group[(index + 1) % len(group)]
    return pairs


class Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def username(self) -> str | None: ...


N = TypeVar("N", bound=Named)


def member_named(members: Iterable[N], word: str) -> N | None:
    """The member someone means by `@username` or a first name: a username wins; a first name
    only when exactly one member has it (two Jos: say which with their username)."""
    wanted = word.removeprefix("@").casefold()
    listed = list(members)
    by_username = [m for m in listed if m.username and m.username.casefold() == wanted]
    if by_username:
        return by_username[0]
    by_name = [m for m in listed if m.name.casefold() == wanted]
    return by_name[0] if len(by_name) == 1 else None


@dataclass(frozen=True)
class SharedHandle:
    """A member's handle on one platform, for members who share their handles."""

    name: str
    handle: str  # as they gave it: `@name`, `name`, or a profile URL


def shared_handles(members: Iterable[RoomMember]) -> dict[str, list[SharedHandle]]:
    """The handles the room may see, by platform key in alphabetical order; each platform's in
    the room's order."""
    by_platform: dict[str, list[SharedHandle]] = {}
    for member in members:
        if member.sharing.handles:
            for key, handle in member.handles.items():
                by_platform.setdefault(key, []).append(SharedHandle(member.name, handle))
    return dict(sorted(by_platform.items()))


@dataclass(frozen=True)
class FollowGaps:
    """For `/mutual me`: whom the member has yet to follow, and who has yet to follow them back."""

    not_followed: tuple[str, ...]  # members who share handles, not followed yet
    not_back: tuple[str, ...]  # members they follow who don't follow them


def follow_gaps(
    me: int, members: Iterable[RoomMember], follows: Iterable[tuple[int, int]]
) -> FollowGaps:
    edges = set(follows)
    others = [m for m in members if m.user_id != me]
    return FollowGaps(
        not_followed=tuple(
            m.name
            for m in others
            if m.sharing.handles and m.handles and (me, m.user_id) not in edges
        ),
        not_back=tuple(
            m.name for m in others if (me, m.user_id) in edges and (m.user_id, me) not in edges
        ),
    )


@dataclass(frozen=True)
class Reciprocity:
    mutual_pairs: int
    pairs: int  # pairs where at least one follows the other


def reciprocity(follows: Iterable[tuple[int, int]], members: Iterable[int]) -> Reciprocity:
    inside = set(members)
    edges = {(a, b) for a, b in follows if a in inside and b in inside and a != b}
    pairs = {(min(a, b), max(a, b)) for a, b in edges}
    mutual = sum(1 for a, b in pairs if (a, b) in edges and (b, a) in edges)
    return Reciprocity(mutual, len(pairs))


@dataclass(frozen=True)
class GroupGoalStatus:
    kind: RoomGoalKind
    target: int
    done: int  # days: members who met it; posts: the group's total
    of: int  # days: members counted; posts: the target

    @property
    def met(self) -> bool:
        return self.done >= self.of


def group_goal_status(
    kind: RoomGoalKind, target: int, members: Sequence[MemberView]
) -> GroupGoalStatus:
    """`days`: every member posts `target` days in the period; `posts`: the group's total."""
    counted = [m for m in members if m.days is not None]
    if kind == "days":
        met = sum(1 for m in counted if (m.days or 0) >= target)
        return GroupGoalStatus(kind, target, met, len(counted))
    return GroupGoalStatus(kind, target, sum(m.posts or 0 for m in counted), target)
