"""Insights from a creator's history: what brings followers, hit rates, the best time to post,
niche focus, consistency and habit strength, and when the follower target will be reached.

Every figure says when there is too little data, rather than concluding from noise.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from bot.domain.days import week_start
from bot.domain.models import DayActivity, FollowerCount, Post, Profile
from bot.domain.program import followers_to_reach, goals_of
from bot.domain.progress import this_month
from bot.domain.review import ScoredPost
from bot.domain.rooms import RoomMember

MIN_ATTRIBUTED_POSTS = 3  # fewer attributed posts than this: too little to rank anything
MIN_POSTS_PER_GROUP = 2  # a tag, platform, weekday or hour needs this many posts to be ranked
MIN_PROJECTION_READINGS = 3
MIN_PROJECTION_DAYS = 7
HABIT_HALF_LIFE_DAYS = 13  # Loop Habit Tracker's: a missed day costs a little, not everything


@dataclass(frozen=True)
class Gain:
    key: str  # a tag or a platform
    posts: int
    followers: float  # followers attributed to those posts

    @property
    def per_post(self) -> float:
        return self.followers / self.posts


@dataclass(frozen=True)
class Attribution:
    by_tag: list[Gain]  # best first
    by_platform: list[Gain]
    attributed_posts: int
    unattributed: int  # follower change between counts with no post in between

    @property
    def enough(self) -> bool:
        return self.attributed_posts >= MIN_ATTRIBUTED_POSTS


def attribute_followers(counts: Sequence[FollowerCount], posts: Sequence[Post]) -> Attribution:
    """Each change between two consecutive counts on a platform is shared equally among the posts
    made on that platform in between (after the first count, up to the second).

    One sorted pass, linear in the history (apart from the sorting): each platform's posts are
    sorted by time once, and the counts walk through them in order, each pair of counts taking the
    posts up to its second count. A change with no post in between is `unattributed`."""
    per_post, unattributed = _per_post_gains(counts, posts)
    return _attribution(posts, per_post, unattributed)


def _per_post_gains(
    counts: Sequence[FollowerCount], posts: Sequence[Post]
) -> tuple[dict[int, float], int]:
    """Followers attributed to each post (by id), and the change no post explains."""
    per_post: dict[int, float] = {}
    unattributed = 0
    by_platform: dict[str, list[Post]] = defaultdict(list)
    for post in sorted(posts, key=lambda p: p.logged_at):
        by_platform[post.platform].append(post)
    series: dict[str, list[FollowerCount]] = defaultdict(list)
    for count in sorted(counts, key=lambda c: c.recorded_at):
        series[count.platform].append(count)
    for platform, platform_counts in series.items():
        timeline = by_platform.get(platform, [])
        index = 0  # the first post not yet past the previous count
        for before, after in itertools.pairwise(platform_counts):
            while index < len(timeline) and timeline[index].logged_at <= before.recorded_at:
                index += 1
            start = index
            while index < len(timeline) and timeline[index].logged_at <= after.recorded_at:
                index += 1
            between = timeline[start:index]
            change = after.count - before.count
            if not between:
                unattributed += change
            for post in between:
                per_post[post.post_id] = change / len(between)
    return per_post, unattributed


def _attribution(
    posts: Sequence[Post], per_post: dict[int, float], unattributed: int
) -> Attribution:
    """Grouped by tag and by platform, in the posts' own order (so sums come out the same
    whichever way the gains were found)."""
    attributed = [p for p in posts if p.post_id in per_post]
    tags: dict[str, list[float]] = defaultdict(list)
    platforms: dict[str, list[float]] = defaultdict(list)
    for post in attributed:
        platforms[post.platform].append(per_post[post.post_id])
        for tag in post.tags:
            tags[tag].append(per_post[post.post_id])
    return Attribution(
        by_tag=_ranked(tags),
        by_platform=_ranked(platforms),
        attributed_posts=len(attributed),
        unattributed=unattributed,
    )


def _ranked(groups: dict[str, list[float]]) -> list[Gain]:
    gains = [Gain(key, len(values), sum(values)) for key, values in groups.items()]
    eligible = [g for g in gains if g.posts >= MIN_POSTS_PER_GROUP]
    return sorted(eligible, key=lambda g: (-g.per_post, g.key))


@dataclass(frozen=True)
class Rate:
    key: str
    hits: int
    posts: int

    @property
    def percent(self) -> int:
        return round(100 * self.hits / self.posts)


def hit_rates(posts: Sequence[Post]) -> tuple[list[Rate], list[Rate]]:
    """Hits per post, by tag and by platform (those with enough posts), best first."""
    tags: dict[str, list[bool]] = defaultdict(list)
    platforms: dict[str, list[bool]] = defaultdict(list)
    for post in posts:
        hit = post.hit_date is not None
        platforms[post.platform].append(hit)
        for tag in post.tags:
            tags[tag].append(hit)

    def rates(groups: dict[str, list[bool]]) -> list[Rate]:
        found = [
            Rate(k, sum(v), len(v)) for k, v in groups.items() if len(v) >= MIN_POSTS_PER_GROUP
        ]
        return sorted(found, key=lambda r: (-r.hits / r.posts, -r.posts, r.key))

    return rates(tags), rates(platforms)


@dataclass(frozen=True)
class BestTime:
    weekday: int | None  # 0 = Monday
    hour: int | None
    weekday_saves: float = 0.0
    hour_saves: float = 0.0


def best_time(posts: Sequence[ScoredPost], tz: tzinfo) -> BestTime:
    """The weekday and the hour (local, when logged) whose posts averaged the most saves."""
    by_day: dict[int, list[int]] = defaultdict(list)
    by_hour: dict[int, list[int]] = defaultdict(list)
    for scored in posts:
        if scored.saves is None:
            continue
        local = scored.post.logged_at.astimezone(tz)
        by_day[local.weekday()].append(scored.saves)
        by_hour[local.hour].append(scored.saves)
    day = _best_average(by_day)
    hour = _best_average(by_hour)
    return BestTime(
        weekday=day[0] if day else None,
        hour=hour[0] if hour else None,
        weekday_saves=day[1] if day else 0.0,
        hour_saves=hour[1] if hour else 0.0,
    )


def _best_average(groups: dict[int, list[int]]) -> tuple[int, float] | None:
    averages = [
        (k, statistics.fmean(v)) for k, v in groups.items() if len(v) >= MIN_POSTS_PER_GROUP
    ]
    if len(averages) < 2:
        return None  # one candidate is not a comparison
    return max(averages, key=lambda kv: (kv[1], -kv[0]))


def niche_share(posts: Iterable[Post], niche_tags: Sequence[str]) -> int | None:
    """Percent of posts carrying one of the niche tags; None without tags or posts."""
    chosen = list(posts)
    if not niche_tags or not chosen:
        return None
    tagged = sum(1 for p in chosen if set(p.tags) & set(niche_tags))
    return round(100 * tagged / len(chosen))


def weekly_days(posted: Iterable[date], today: date, weeks: int = 8) -> list[int]:
    """Days posted in each of the last `weeks` weeks (Monday to Sunday), oldest first."""
    days = set(posted)
    this_monday = week_start(today)
    counts = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        counts.append(sum(1 for n in range(7) if monday + timedelta(days=n) in days))
    return counts


def habit_strength(
    posted: Iterable[date], rested: Iterable[date], start: date, today: date, days_per_week: int
) -> int:
    """0–100: an exponentially smoothed share of target days met, like Loop Habit Tracker's score.

    Each day moves the score towards 1 (posted) or 0 (not) by a small step that depends on the
    target frequency; a rest day leaves it where it is. One missed day dents it; it does not wipe
    it out the way it resets a streak. Today counts only once posted (the day isn't over)."""
    days, rests = set(posted), set(rested)
    frequency = days_per_week / 7
    multiplier = 0.5 ** (frequency**0.5 / HABIT_HALF_LIFE_DAYS)
    score = 0.0
    day = start
    while day <= today:
        if day in days:
            score = score * multiplier + (1 - multiplier)
        elif day not in rests and day != today:
            score = score * multiplier
        day += timedelta(days=1)
    # Someone exactly on target settles around `frequency`: that reads as 100.
    return round(100 * min(1.0, score / min(1.0, frequency)))


@dataclass(frozen=True)
class Projection:
    current: int
    target: int
    per_day: float
    earliest: date
    latest: date


def project_followers(
    readings: Sequence[tuple[datetime, int]], target: int, today: date
) -> Projection | None:
    """When the target is reached at the current pace: a least-squares line through the readings,
    with a range from the slopes of the first and second half. None without enough readings over
    enough days, when the pace is not upwards, or when the target is already reached."""
    points = sorted(readings)
    if len(points) < MIN_PROJECTION_READINGS:
        return None
    first = points[0][0]
    xs = [(at - first).total_seconds() / 86_400 for at, _ in points]
    ys = [float(value) for _, value in points]
    if xs[-1] - xs[0] < MIN_PROJECTION_DAYS:
        return None
    slope = statistics.linear_regression(xs, ys).slope
    current = int(ys[-1])
    if slope <= 0 or current >= target:
        return None
    half = len(points) // 2
    slopes = [slope]
    for part_x, part_y in ((xs[: half + 1], ys[: half + 1]), (xs[half:], ys[half:])):
        if len(part_x) >= 2 and part_x[-1] > part_x[0]:
            slopes.append(statistics.linear_regression(part_x, part_y).slope)
    fast = max(slopes)
    slow = min(s for s in slopes if s > 0) if any(s > 0 for s in slopes) else slope
    remaining = target - current
    return Projection(
        current=current,
        target=target,
        per_day=slope,
        earliest=today + timedelta(days=round(remaining / fast)),
        latest=today + timedelta(days=round(remaining / slow)),
    )


def total_readings(
    counts: Sequence[FollowerCount], platform: str | None
) -> list[tuple[datetime, int]]:
    """Followers over time, total across platforms (each platform's latest count so far) or one
    platform's own counts."""
    latest: dict[str, int] = {}
    readings = []
    for count in sorted(counts, key=lambda c: c.recorded_at):
        if platform is not None and count.platform != platform:
            continue
        latest[count.platform] = count.count
        readings.append((count.recorded_at, sum(latest.values())))
    return readings


@dataclass(frozen=True)
class PersonalInsights:
    """Everything /insights shows, decided from the user's own history."""

    followers: Attribution
    tag_rates: list[Rate]  # best first
    platform_rates: list[Rate]
    best: BestTime
    niche_tags: tuple[str, ...]  # none set: the niche figures mean nothing
    niche_now: int | None  # this calendar month's niche share, percent
    niche_then: int | None  # last calendar month's
    weeks: list[int]  # days posted in each of the last 8 weeks, oldest first
    habit: int  # 0–100
    follower_target: int | None  # the count that meets the goal; None: no count to measure from
    projection: Projection | None


def personal_insights(
    profile: Profile,
    today: date,
    tz: tzinfo,
    counts: Sequence[FollowerCount],
    scored: Sequence[ScoredPost],
    activity: Sequence[DayActivity],
    rest_days: Sequence[date],
    program_start: date | None = None,
) -> PersonalInsights:
    """`program_start`: day 1 of the current or last program, which a growth goal is measured
    from; without a program, growth is measured from today, as a program started now would be."""
    posts = [s.post for s in scored]
    days = [a.day for a in activity]
    month = this_month(today)
    last = this_month(month.start - timedelta(days=1))
    tags, platforms = hit_rates(posts)
    goals = goals_of(profile)
    target = followers_to_reach(goals, counts, program_start or today, today)
    return PersonalInsights(
        followers=attribute_followers(counts, posts),
        tag_rates=tags,
        platform_rates=platforms,
        best=best_time(scored, tz),
        niche_tags=profile.niche_tags,
        niche_now=niche_share((p for p in posts if p.local_date in month), profile.niche_tags),
        niche_then=niche_share((p for p in posts if p.local_date in last), profile.niche_tags),
        weeks=weekly_days(days, today),
        habit=habit_strength(
            days, rest_days, min([*days, today]), today, profile.posting_days_per_week
        ),
        follower_target=target,
        projection=None
        if target is None
        else project_followers(total_readings(counts, goals.follower_platform), target, today),
    )


@dataclass(frozen=True)
class SharedHistory:
    """What one room member shares: their posts and days, and their counts if they share them."""

    activity: Sequence[DayActivity]
    posts: Sequence[Post]
    counts: Sequence[FollowerCount]  # empty unless they share followers


def shared_history(member: RoomMember) -> SharedHistory | None:
    """What one member lets the room see; None when they do not share their posts."""
    if not member.sharing.posts:
        return None
    counts = member.follower_counts if member.sharing.followers else ()
    return SharedHistory(member.activity, member.posts, counts)


@dataclass(frozen=True)
class RoomInsights:
    weeks: list[int]  # days posted by the sharing members together, each of the last 8 weeks
    followers: Attribution
    platform_rates: list[Rate]


def room_insights(members: Sequence[SharedHistory], today: date) -> RoomInsights:
    """The room's view, built only from what its members share."""
    weeks = [0] * 8
    for member in members:
        own = weekly_days((a.day for a in member.activity), today)
        weeks = [a + b for a, b in zip(weeks, own, strict=True)]
    posts = [p for m in members for p in m.posts]
    _, platforms = hit_rates(posts)
    return RoomInsights(weeks, _room_attribution(members, posts), platforms)


def _room_attribution(members: Sequence[SharedHistory], posts: Sequence[Post]) -> Attribution:
    """Each member's follower changes go to that member's own posts only: one person's count
    next to another's says nothing about either."""
    per_post: dict[int, float] = {}
    unattributed = 0
    for member in members:
        gains, unexplained = _per_post_gains(member.counts, member.posts)
        per_post |= gains
        unattributed += unexplained
    return _attribution(posts, per_post, unattributed)
