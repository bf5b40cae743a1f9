"""The words and the choices of the /chart pictures: plain values in (counts, posts, the goal's
level, the calendar's days), the pictures' data out (`FollowersChart`, `CalendarChart`), every
word in the user's language and every user-given name made drawable."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, tzinfo

from bot.domain.models import FollowerCount, Language, Post
from bot.domain.program import GoalLevel, total_followers
from bot.pictures.calendar import CalendarChart, CalendarWords
from bot.pictures.charts import (
    MAX_PANELS,
    FollowersChart,
    GoalLine,
    HitMark,
    Panel,
    hit_clusters,
    time_span,
)
from bot.pictures.style import drawable
from bot.render import format as fmt
from bot.texts import t

Points = list[tuple[datetime, int]]


def followers_chart(
    lang: Language,
    counts: Sequence[FollowerCount],
    posts: Sequence[Post],
    goal: GoalLevel | None,
    tz: tzinfo,
) -> FollowersChart:
    """A panel per platform, those with the most counts first (at most `MAX_PANELS`, the rest
    named in a note); a goal across several platforms gets a first panel of their sum."""
    series = _series(counts, tz)
    keys = sorted(series, key=lambda key: -len(series[key]))  # stable: ties in first-count order
    total = goal is not None and goal.platform is None and len(keys) > 1
    shown, hidden = keys[: MAX_PANELS - total], keys[MAX_PANELS - total :]
    panels = [
        _panel(lang, _name(lang, key), series[key], _goal_on(lang, goal, key, keys))
        for key in shown
    ]
    chart = FollowersChart(
        title=t(lang, "chart.followers_title"),
        panels=panels,
        posts=[p.local_date for p in posts],
        posts_label=t(lang, "chart.posts_legend"),
        note=_hidden_note(lang, hidden),
        months=fmt.month_names(lang),
        day_tick=t(lang, "picture.date", day="{day}", month="{month}"),  # filled per tick
    )
    span = time_span(chart)
    panels = [
        replace(panel, hits=_hits(lang, key, posts, tz, span))
        for key, panel in zip(shown, panels, strict=True)
    ]
    if total and goal is not None:
        summed = [(at.astimezone(tz), n) for at, n in total_followers(counts)]
        name = t(lang, "chart.all_platforms")
        panels.insert(0, replace(_panel(lang, name, summed, _line(lang, goal)), total=True))
    return replace(chart, panels=panels)


def _series(counts: Sequence[FollowerCount], tz: tzinfo) -> dict[str, Points]:
    series: dict[str, Points] = {}
    for c in sorted(counts, key=lambda c: c.recorded_at):
        series.setdefault(c.platform, []).append((c.recorded_at.astimezone(tz), c.count))
    return series


def _name(lang: Language, key: str) -> str:
    return drawable(fmt.platform_name(lang, key))


def _panel(lang: Language, name: str, points: Points, goal: GoalLine | None) -> Panel:
    """Titled with the platform's name and its latest count, and the change since the first."""
    first, last = points[0][1], points[-1][1]
    latest = fmt.number(last)
    if len(points) > 1:
        latest = t(lang, "chart.latest", count=latest, change=fmt.signed(last - first))
    return Panel(name=name, latest=latest, points=points, goal=goal)


def _goal_on(lang: Language, goal: GoalLevel | None, key: str, keys: list[str]) -> GoalLine | None:
    """The goal on its platform's panel (or, for a goal across platforms, on the only one)."""
    if (
        goal is None
        or goal.platform not in (key, None)
        or (goal.platform is None and len(keys) > 1)
    ):
        return None
    return _line(lang, goal)


def _line(lang: Language, goal: GoalLevel) -> GoalLine:
    level = fmt.number(goal.level)
    if goal.kind == "gain":
        label = t(lang, "chart.goal_gain", gain=fmt.number(goal.target), level=level)
    else:
        label = t(lang, "chart.goal_total", level=level)
    return GoalLine(goal.level, label)


def _hits(
    lang: Language, key: str, posts: Sequence[Post], tz: tzinfo, span: tuple[datetime, datetime]
) -> list[HitMark]:
    """The platform's hits, grouped so labels don't pile up; a hit is marked when it was posted
    (when its followers started coming), not when its saves crossed the threshold."""
    times = [
        p.logged_at.astimezone(tz).replace(tzinfo=None)
        for p in posts
        if p.hit_date and p.platform == key
    ]
    return [
        HitMark(times=group, label=t(lang, "chart.hit_label", count=len(group)))
        for group in hit_clusters(times, *span)
    ]


def _hidden_note(lang: Language, hidden: list[str]) -> str:
    if not hidden:
        return ""
    names = ", ".join(_name(lang, key) for key in hidden)
    return t(lang, "chart.more_platforms", names=names)


def calendar_chart(
    lang: Language,
    posted: Mapping[date, int],
    rested: frozenset[date],
    frozen: frozenset[date],
    today: date,
) -> CalendarChart:
    words = CalendarWords(
        title=t(lang, "chart.calendar_title"),
        weekdays=t(lang, "chart.weekdays").split(),
        months=fmt.month_names(lang),
        posted=t(lang, "chart.legend_posted"),
        rested=t(lang, "chart.legend_rested"),
        frozen=t(lang, "chart.legend_frozen"),
        empty=t(lang, "chart.legend_empty"),
        today=t(lang, "chart.legend_today"),
    )
    return CalendarChart(today=today, posted=posted, rested=rested, frozen=frozen, words=words)
