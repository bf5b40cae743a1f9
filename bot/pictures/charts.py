"""What the followers chart shows: plain values (built by `bot.render.charts`), and the choices
made before drawing (which panels, which points, which hits share a label), drawn by
`bot.pictures.draw.charts` through `bot.pictures.drawing`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MAX_PANELS = 4  # more and a panel is too short to read on a phone: the rest are named below


MAX_POINTS = 600  # more counts than this are downsampled before drawing (the picture is 1,080 px)


HIT_CLUSTER = 1 / 7  # hits closer than this share of the time axis share one label


Point = tuple[datetime, int]


@dataclass(frozen=True)
class GoalLine:
    level: int  # the follower count that meets the goal
    label: str  # "goal +100 → 1,300"


@dataclass(frozen=True)
class HitMark:
    """Hits close together: a star each, one label for all."""

    times: Sequence[datetime]
    label: str  # "hit", "3 hits"


@dataclass(frozen=True)
class Panel:
    name: str  # the platform's name, or "All platforms"
    latest: str  # "1,200 · +163": the latest count and the change over the chart
    points: Sequence[Point]  # in time order
    goal: GoalLine | None = None
    hits: Sequence[HitMark] = ()
    total: bool = False  # the sum over every platform, drawn in ink


@dataclass(frozen=True)
class FollowersChart:
    title: str
    panels: Sequence[Panel]
    posts: Sequence[date] = ()  # one entry per post, on its local day
    posts_label: str = ""
    note: str = ""  # a footnote: the platforms not shown
    months: Sequence[str] = ()  # twelve month names, for the time axis
    day_tick: str = "{day} {month}"  # a date on the time axis


def downsample(points: Sequence[Point], limit: int = MAX_POINTS) -> list[Point]:
    """At most about `limit` points with the same shape: per time bucket its first, last, lowest
    and highest count, so no peak or dip is lost and 5,000 counts draw as fast as 500."""
    if len(points) <= limit:
        return list(points)
    buckets = max(1, limit // 4)
    start, end = points[0][0], points[-1][0]
    width = (end - start) / buckets or timedelta(seconds=1)
    kept: dict[int, list[int]] = {}
    for index, (at, _) in enumerate(points):
        kept.setdefault(min(int((at - start) / width), buckets - 1), []).append(index)
    chosen: set[int] = set()
    for members in kept.values():
        values = [points[i][1] for i in members]
        chosen |= {members[0], members[-1]}
        chosen |= {members[values.index(min(values))], members[values.index(max(values))]}
    return [points[i] for i in sorted(chosen)]


def hit_clusters(times: Sequence[datetime], start: datetime, end: datetime) -> list[list[datetime]]:
    """Hits grouped so each group's label has room: a hit joins the group before it when it is
    within `HIT_CLUSTER` of the time axis of that group's first hit."""
    window = max(end - start, timedelta(days=1)) * HIT_CLUSTER
    groups: list[list[datetime]] = []
    for at in sorted(times):
        if groups and at - groups[-1][0] <= window:
            groups[-1].append(at)
        else:
            groups.append([at])
    return groups


def time_span(chart: FollowersChart) -> tuple[datetime, datetime]:
    """The time axis: every count and post, at least a week wide so one count isn't a sliver."""
    times = [at for panel in chart.panels for at, _ in panel.points]
    times += [datetime(d.year, d.month, d.day, 12) for d in chart.posts]
    naive = [at.replace(tzinfo=None) for at in times] or [datetime(2000, 1, 1)]
    start, end = min(naive), max(naive)
    pad = max((end - start) * 0.03, timedelta(hours=12))
    if end - start < timedelta(days=7):
        pad = (timedelta(days=7) - (end - start)) / 2
    return start - pad, end + pad
