"""The charts /chart sends, drawn from plain data in both languages and checked from the figure and
its pixels: 1,080 px wide, no empty glyph boxes, no text under MIN_PT, the labels there, a panel
per platform, the goal line only with a goal, each kind of day in its colour. Each PNG is also
written to /tmp/pictures15 to be looked at."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from bot.domain.models import FollowerCount, Language, Post
from bot.domain.program import GoalLevel
from bot.pictures.calendar import CalendarChart
from bot.pictures.charts import MAX_PANELS, downsample, hit_clusters
from bot.pictures.draw.calendar import calendar_figure
from bot.pictures.draw.charts import followers_figure
from bot.pictures.style import EMPTY, FROZEN, GOAL, HIT, POSTED_SHADES, RESTED
from bot.render.charts import calendar_chart, followers_chart
from tests.pictures.checks import Drawn, drawn, readable, share_of, texts

OUT = Path("/tmp/pictures15")
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
TODAY = date(2026, 6, 10)  # a Wednesday
LANGS: tuple[Language, ...] = ("en", "zh")


def shown(figure: Figure, name: str) -> Drawn:
    """The checks every picture passes, and the PNG written to be looked at."""
    picture = drawn(figure)
    readable(figure)
    assert picture.size[0] == 1080
    assert float(picture.pixels[..., :3].std()) > 0.05  # not a blank canvas
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.png").write_bytes(picture.data)
    return picture


def counts(
    platform: str, start: int, per_day: float, days: int, every: int = 3
) -> list[FollowerCount]:
    return [
        FollowerCount(
            platform,
            round(start + per_day * d),
            T0 + timedelta(days=d),
            (T0 + timedelta(days=d)).date(),
        )
        for d in range(0, days, every)
    ]


def post(number: int, platform: str, day: int, hit: bool = False) -> Post:
    at = T0 + timedelta(days=day, hours=3)
    return Post(
        number, 7, number, platform, None, None, (), at, at.date(), at.date() if hit else None
    )


def posts(platform: str, days: Sequence[int], hits: Sequence[int] = ()) -> list[Post]:
    return [post(n, platform, d, d in hits) for n, d in enumerate(days, start=1)]


def goal_lines(figure: Figure) -> list[Line2D]:
    return [line for ax in figure.axes for line in ax.lines if line.get_color() == GOAL]


# --- followers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_three_platforms_each_get_a_panel_so_37_is_not_flattened_under_1200(lang: Language) -> None:
    history = (
        counts("tiktok", 25, 0.4, 40)
        + counts("xiaohongshu", 1040, 4, 40)
        + counts("youtube", 300, 1, 40, 7)
    )
    made = posts("tiktok", range(0, 40, 2), hits=[10]) + posts(
        "xiaohongshu", [3, 3, 3, 5, 21], hits=[21]
    )
    figure = followers_figure(followers_chart(lang, history, made, None, UTC))
    picture = shown(figure, f"followers-3-{lang}")
    assert len(figure.axes) == 3 + 1  # a panel per platform and the posts strip
    words = texts(figure)
    names = (
        ["TikTok", "小红书", "YouTube"] if lang == "zh" else ["TikTok", "Xiaohongshu", "YouTube"]
    )
    assert all(name in words for name in names)
    assert any(text.startswith("1,19") for text in words)  # each panel says its latest count
    assert any(text.startswith("41") for text in words)
    assert ("爆款" if lang == "zh" else "hit") in words
    assert ("发布" if lang == "zh" else "posts") in words
    assert ("3月" if lang == "zh" else "Mar") in " ".join(words)
    assert goal_lines(figure) == []
    assert share_of(picture.pixels, HIT) > 0
    assert share_of(picture.pixels, POSTED_SHADES[2]) > 0  # the day with three posts
    tiktok = figure.axes[0]
    low, high = tiktok.get_ylim()
    assert high - low < 60  # its own scale, not 0..1,200


@pytest.mark.parametrize("lang", LANGS)
def test_the_goal_line_is_drawn_and_labelled_only_with_a_goal(lang: Language) -> None:
    history = counts("tiktok", 100, 2, 30)
    goal = GoalLevel(platform="tiktok", level=250, target=150, kind="gain")
    figure = followers_figure(followers_chart(lang, history, posts("tiktok", [1, 4, 9]), goal, UTC))
    picture = shown(figure, f"followers-goal-{lang}")
    assert len(goal_lines(figure)) == 1
    assert goal_lines(figure)[0].get_ydata()[0] == 250  # type: ignore[index]
    label = "目标 +150（250）" if lang == "zh" else "goal +150 → 250"
    assert label in texts(figure)
    assert share_of(picture.pixels, GOAL) > 0
    plain = followers_figure(followers_chart(lang, history, [], None, UTC))
    assert goal_lines(plain) == []
    assert not [t for t in texts(plain) if "goal" in t or "目标" in t]
    assert share_of(drawn(plain).pixels, GOAL) == 0


def test_a_total_goal_across_platforms_gets_its_own_panel_of_the_sum() -> None:
    history = counts("tiktok", 30, 1, 20) + counts("xiaohongshu", 1000, 5, 20)
    goal = GoalLevel(platform=None, level=1500, target=1500, kind="total")
    chart = followers_chart("en", history, [], goal, UTC)
    assert [p.name for p in chart.panels] == ["All platforms", "TikTok", "Xiaohongshu"]
    assert chart.panels[0].points[-1][1] == 48 + 1090
    figure = followers_figure(chart)
    shown(figure, "followers-total-goal-en")
    assert "goal 1,500" in texts(figure)
    assert len(goal_lines(figure)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_hits_close_together_share_one_label(lang: Language) -> None:
    made = posts("tiktok", range(30), hits=[10, 11, 12, 13, 25])
    figure = followers_figure(followers_chart(lang, counts("tiktok", 50, 3, 30), made, None, UTC))
    shown(figure, f"followers-hits-{lang}")
    words = texts(figure)
    assert ("4 个爆款" if lang == "zh" else "4 hits") in words
    assert ("爆款" if lang == "zh" else "hit") in words
    stars = [line for line in figure.axes[0].lines if line.get_marker() == "*"]
    assert sum(len(np.asarray(line.get_xdata())) for line in stars) == 5


def test_hit_clusters_merge_only_what_is_close() -> None:
    days = [T0 + timedelta(days=d) for d in (0, 1, 2, 20, 40, 41)]
    groups = hit_clusters(days, T0, T0 + timedelta(days=42))
    assert [len(g) for g in groups] == [3, 1, 2]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("values", [[37], [0, 0, 0]], ids=["one", "zeros"])
def test_one_count_or_only_zeros_still_draw(lang: Language, values: list[int]) -> None:
    history = [
        FollowerCount("tiktok", v, T0 + timedelta(days=d), T0.date()) for d, v in enumerate(values)
    ]
    figure = followers_figure(followers_chart(lang, history, [], None, UTC))
    shown(figure, f"followers-{'one' if len(values) == 1 else 'zeros'}-{lang}")
    assert len(figure.axes) == 2
    assert str(values[-1]) in texts(figure)


def test_five_thousand_counts_are_downsampled_and_drawn_fast() -> None:
    history = [
        FollowerCount("tiktok", 1000 + d * 2 + (d % 7) * 5, T0 + timedelta(hours=2 * d), T0.date())
        for d in range(5000)
    ]
    made = [post(n, "tiktok", n % 400, hit=n % 97 == 0) for n in range(1, 2000)]
    started = time.perf_counter()
    figure = followers_figure(followers_chart("en", history, made, None, UTC))
    picture = shown(figure, "followers-5k-en")
    assert time.perf_counter() - started < 1.5  # about 0.3 s; loose for a busy machine
    assert picture.size[0] == 1080
    drawn_points = max(len(np.asarray(line.get_xdata())) for line in figure.axes[0].lines)
    assert drawn_points <= 700


def test_downsampling_keeps_the_ends_the_peaks_and_the_dips() -> None:
    points = [(T0 + timedelta(minutes=m), 100) for m in range(10_000)]
    points[5000] = (points[5000][0], 999)
    points[7000] = (points[7000][0], 1)
    kept = downsample(points, 400)
    assert len(kept) <= 400
    assert kept[0] == points[0]
    assert kept[-1] == points[-1]
    assert {v for _, v in kept} == {1, 100, 999}


@pytest.mark.parametrize("lang", LANGS)
def test_more_platforms_than_fit_show_those_with_most_counts_and_name_the_rest(
    lang: Language,
) -> None:
    keys = ["tiktok", "xiaohongshu", "youtube", "instagram", "bilibili", "douyin"]
    history = [c for n, key in enumerate(keys) for c in counts(key, 100 * n + 5, 1, 30, 1 + n)]
    figure = followers_figure(followers_chart(lang, history, posts("tiktok", [2]), None, UTC))
    shown(figure, f"followers-6-{lang}")
    assert len(figure.axes) == MAX_PANELS + 1
    note = [t for t in texts(figure) if "/chart followers" in t]
    assert len(note) == 1
    assert ("B站" if lang == "zh" else "Bilibili") in note[0]


# --- calendar ----------------------------------------------------------------------------------


def a_calendar(lang: Language) -> CalendarChart:
    posted = {TODAY - timedelta(days=d): 1 + d % 3 for d in range(0, 110, 2)}
    rested = frozenset({TODAY - timedelta(days=d) for d in (1, 15, 29)})
    frozen = frozenset({TODAY - timedelta(days=d) for d in (3, 17)})
    return calendar_chart(lang, posted, rested, frozen, TODAY)


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_names_months_and_weekdays_and_colours_each_kind_of_day(
    lang: Language,
) -> None:
    figure = calendar_figure(a_calendar(lang))
    picture = shown(figure, f"calendar-{lang}")
    words = texts(figure)
    if lang == "zh":
        assert {"周一", "周日", "3月", "4月", "5月", "6月", "最近 16 周"} <= set(words)
        assert {"发布", "休息日", "休息额度补上", "没有发布", "今天"} <= set(words)
    else:
        assert {"Mon", "Sun", "Mar", "Apr", "May", "Jun", "The last 16 weeks"} <= set(words)
        assert {"posted", "rest day", "covered by rest allowance", "no post", "today"} <= set(words)
    for colour in (*POSTED_SHADES, RESTED, FROZEN, EMPTY):
        assert share_of(picture.pixels, colour) > 0.001, colour


def test_today_is_outlined_and_later_days_stay_blank() -> None:
    chart = a_calendar("en")
    outlines = [p for p in chart_patches(calendar_figure(chart)) if p.get_facecolor()[3] == 0]
    assert len(outlines) == 1
    assert len(chart_patches(calendar_figure(chart))) == 16 * 7 - 4 + 1  # Thu..Sun blank, +outline


def chart_patches(figure: Figure) -> list:  # type: ignore[type-arg]
    return list(figure.axes[0].patches)


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_calendar_is_grey_with_no_post_colours(lang: Language) -> None:
    figure = calendar_figure(calendar_chart(lang, {}, frozenset(), frozenset(), TODAY))
    picture = shown(figure, f"calendar-empty-{lang}")
    grid = picture.pixels[150:-120]  # above the legend, where its swatches are
    assert share_of(grid, EMPTY) > 0.2
    assert share_of(grid, RESTED) == 0
    assert share_of(grid, POSTED_SHADES[2]) == 0
