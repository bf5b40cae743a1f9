"""What a room is told on its own: the day's digest, the weekly summary and monthly review, when
they are due, and the cheers an author is told of in private.

Pure values computed from a room read once (`RoomMember`s): who posted, the longest streak, the
hits and follower milestones of the day, who is still to post; a period's totals, its most
consistent member, its biggest grower, the group goal and how many follows are mutual. Every number
passes through `seen_by_room` first, so a member's privacy choices hold here as everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.domain.days import month_start
from bot.domain.deliveries import DayPeriod, DeliveryKind, MonthPeriod
from bot.domain.models import Post
from bot.domain.program import followers_by
from bot.domain.progress import Period, this_month
from bot.domain.rooms import (
    CheerNotice,
    Group,
    GroupGoalStatus,
    MemberView,
    Reciprocity,
    RoomMember,
    board,
    group_goal_status,
    milestone_crossed,
    reciprocity,
    room_views,
)
from bot.domain.schedule import at_local

# After downtime, summaries and reviews this many days back are still sent.
MAX_CATCH_UP_DAYS = 40


# --- the day's digest ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberNews:
    """A member's news of the day: posts that became hits (when they share posts) and the follower
    milestone they passed (when they share counts)."""

    name: str
    hits: tuple[Post, ...]
    milestone: int | None


@dataclass(frozen=True)
class RoomDay:
    """The digest of one day in a room."""

    day: date
    posted: tuple[str, ...]  # who posted, in the room's order (members not sharing posts aren't)
    members: int
    longest: MemberView | None  # the longest current streak; the earlier member wins a tie
    news: tuple[MemberNews, ...]  # only members with news, in the room's order
    waiting: tuple[str, ...]  # who is still to post, named only when the room asks for it


def room_day(members: Sequence[RoomMember], day: date, mention_missing: bool) -> RoomDay | None:
    """The day's digest; None for a room without members (nothing is sent)."""
    views = room_views(members, Period(day, day), day)
    if not views:
        return None
    streaks = [v for v in views if v.streak]
    return RoomDay(
        day=day,
        posted=tuple(v.name for v in views if v.posted_today),
        members=len(views),
        longest=_first_max(streaks, lambda v: v.streak or 0),
        news=tuple(
            news
            for member, seen in zip(members, views, strict=True)
            if (news := _news(member, seen, day)) is not None
        ),
        waiting=tuple(v.name for v in views if v.posted_today is False) if mention_missing else (),
    )


def _news(member: RoomMember, seen: MemberView, day: date) -> MemberNews | None:
    hits = tuple(p for p in member.hits if p.hit_date == day) if seen.hits is not None else ()
    milestone = None
    if seen.followers is not None:
        before = followers_by(member.follower_counts, day - timedelta(days=1), None)
        milestone = milestone_crossed(before, seen.followers)
    return MemberNews(seen.name, hits, milestone) if hits or milestone else None


def _first_max(
    views: Iterable[MemberView], score: Callable[[MemberView], int]
) -> MemberView | None:
    """The member with the highest score; among equals, the one listed first."""
    best = None
    for view in views:
        if best is None or score(view) > score(best):
            best = view
    return best


# --- the weekly summary and the monthly review --------------------------------------------------


@dataclass(frozen=True)
class RoomPeriod:
    """A week's summary or a month's review of a room."""

    period: Period
    weekly: bool
    posts: int  # over the members who share posts
    days: int  # member-days posted, likewise
    members: tuple[MemberView, ...]
    goal: GroupGoalStatus | None
    consistent: MemberView | None  # the most days posted; None when nobody posted
    grower: MemberView | None  # the biggest follower growth; None when nobody grew
    follows: Reciprocity | None  # weekly only
    # The longest streak at the period's end, among members who share streaks (the earlier member
    # wins a tie, as in the digest); None when nobody has one. The weekly card shows it.
    longest: MemberView | None = None

    @property
    def posters(self) -> int:
        """Members who posted at least one day of the period (among those who share posts)."""
        return sum(1 for v in self.members if v.days)

    def ranked_by_days(self) -> list[MemberView]:
        """Members by days posted, as `/board days` ranks them (ties by streak, hits, growth, then
        name); members who don't share posts come last."""
        return [place.member for place in board(self.members, "days")]


def summary_period(kind: DeliveryKind, about: str) -> Period | None:
    """The period a summary delivery is about: the week from its Monday, or the month from its
    first; None for a period this version cannot read."""
    if kind is DeliveryKind.WEEKLY:
        week = DayPeriod.decode(about)
        return None if week is None else Period(week.day, week.day + timedelta(days=6))
    month = MonthPeriod.decode(about)
    return None if month is None else this_month(month.first)


def room_period(
    group: Group,
    members: Sequence[RoomMember],
    period: Period,
    weekly: bool,
    follows: Iterable[tuple[int, int]] = (),
) -> RoomPeriod | None:
    """The summary of `period`; None for a room without members or that did not exist yet."""
    if group.created_at is not None and group.day_at(group.created_at) > period.end:
        return None
    views = room_views(members, period, period.end)
    if not views:
        return None
    shared = [v for v in views if v.days is not None]
    growers = [v for v in views if v.growth is not None and v.growth.change > 0]
    return RoomPeriod(
        period=period,
        weekly=weekly,
        posts=sum(v.posts or 0 for v in shared),
        days=sum(v.days or 0 for v in shared),
        members=tuple(views),
        goal=_goal(group, period, weekly, views),
        consistent=_first_max(shared, lambda v: v.days or 0)
        if any(v.days for v in shared)
        else None,
        grower=_first_max(growers, lambda v: (v.growth.percent or 0) if v.growth else 0),
        follows=reciprocity(follows, (v.user_id for v in views)) if weekly else None,
        longest=_first_max((v for v in views if v.streak), lambda v: v.streak or 0),
    )


def _goal(
    group: Group, period: Period, weekly: bool, views: Sequence[MemberView]
) -> GroupGoalStatus | None:
    """The room's goal over the period. A goal in days is set per week: a month asks for as many
    days as its weeks would."""
    if not group.goal_kind or not group.goal_value:
        return None
    target = group.goal_value
    if group.goal_kind == "days" and not weekly:
        target = round(group.goal_value * period.length / 7)
    return group_goal_status(group.goal_kind, target, views)


# --- when a room's messages are due --------------------------------------------------------------


# A room's digest comes in its evening, but not so late that it would be about the next day.
EVENING = time(21, 0)
LATEST_DIGEST = time(23, 30)


def digest_time_for(nudge_time: time, day_start: time) -> time:
    """The digest time of a room added by this creator: the evening (21:00), or an hour after
    their own reminder when that is later, so what they post after it is in; a reminder after
    midnight (a night owl's day starting later) gives the latest time, 23:30."""
    if nudge_time < day_start:
        return LATEST_DIGEST
    later = datetime.combine(date.min, nudge_time) + timedelta(hours=1)
    if later.date() > date.min:  # past midnight
        return LATEST_DIGEST
    return min(max(later.time(), EVENING), LATEST_DIGEST)


def next_digest_at(group: Group, now: datetime) -> datetime:
    """The next time the room's digest is due: today's digest time, or tomorrow's once it passed."""
    today = group.day_at(now)
    digest = time.fromisoformat(group.digest_time)
    at = at_local(today, digest, group.zone.tz)
    return at if at > now else at_local(today + timedelta(days=1), digest, group.zone.tz)


Claim = tuple[DeliveryKind, DayPeriod | MonthPeriod]


@dataclass(frozen=True)
class DueSends:
    """What a room is owed when its digest time came: the messages to claim (oldest first), and
    the week to pair buddies for (this Monday's, when buddies are on)."""

    claims: tuple[Claim, ...]
    pair_week: date | None


def due_sends(group: Group, due_since: datetime, now: datetime) -> DueSends:
    """Today's digest, and — on Mondays and the 1st — the weekly summary and the monthly review.
    After downtime a missed digest is dropped (it is about its day), but missed summaries and
    reviews are still owed, back to `MAX_CATCH_UP_DAYS`."""
    today = group.day_at(now)
    first = min(group.day_at(due_since), today)
    digest = time.fromisoformat(group.digest_time)
    claims: list[Claim] = []
    pair_week = None
    for offset in range(min((today - first).days, MAX_CATCH_UP_DAYS) + 1):
        day = today - timedelta(days=offset)
        if at_local(day, digest, group.zone.tz) > now:
            continue
        if day == today:
            claims.append((DeliveryKind.DIGEST, DayPeriod(day)))
        if day.weekday() == 0:
            claims.append((DeliveryKind.WEEKLY, DayPeriod(day - timedelta(days=7))))
            if group.buddies_on and day == today:
                pair_week = day
        if day.day == 1:
            claims.append((DeliveryKind.MONTHLY, MonthPeriod(month_start(day - timedelta(days=1)))))
    return DueSends(tuple(reversed(claims)), pair_week)


# --- cheers, told in private ---------------------------------------------------------------------


@dataclass(frozen=True)
class CheeredPost:
    """One of an author's posts and who cheered it, in one room."""

    number: int
    room: str
    cheerers: tuple[str, ...]


def cheered_posts(cheers: Iterable[CheerNotice]) -> list[CheeredPost]:
    """The cheers of one notice, a line per post and room, in the order they came."""
    by_post: dict[tuple[int, str], list[str]] = {}
    for cheer in cheers:
        by_post.setdefault((cheer.post_number, cheer.group_title), []).append(cheer.cheerer)
    return [CheeredPost(number, title, tuple(names)) for (number, title), names in by_post.items()]
