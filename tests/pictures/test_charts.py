"""Charts rendered to files and checked: a real PNG of phone size, not blank, the right series."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
from matplotlib import image

from bot.pictures.charts import ChartLabels, calendar_figure, followers_figure
from bot.pictures.style import families, png

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def check_png(data: bytes, folder: Path, name: str) -> np.ndarray:
    path = folder / name
    path.write_bytes(data)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 5_000
    pixels = image.imread(io.BytesIO(data))
    assert pixels.shape[1] == 1080  # phone width
    assert float(pixels[..., :3].std()) > 0.05  # not a blank canvas
    return pixels


def test_followers_chart(tmp_path: Path) -> None:
    series = {
        "TikTok": [(T0 + timedelta(days=d), 100 + 5 * d) for d in range(0, 30, 5)],
        "小红书": [(T0 + timedelta(days=d), 40 + d) for d in range(0, 30, 7)],
    }
    posts = [T0 + timedelta(days=d, hours=2) for d in range(0, 30, 3)]
    hits = [posts[2]]
    labels = ChartLabels(title="粉丝 Followers", followers="粉丝", posts="发布", hits="爆款")
    figure = followers_figure(series, posts, hits, labels)
    (axes,) = figure.axes
    assert len(axes.lines) == 4  # two platforms, the posts, the hits
    legend = axes.get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()] == [
        "TikTok", "小红书", "发布", "爆款",
    ]  # fmt: skip
    check_png(png(figure), tmp_path, "followers.png")
    without = followers_figure({"TikTok": series["TikTok"]}, [], [], labels)
    assert len(without.axes[0].lines) == 1


def test_calendar_chart(tmp_path: Path) -> None:
    today = date(2026, 6, 10)
    posted = {today - timedelta(days=d): 1 + d % 3 for d in range(0, 100, 2)}
    figure = calendar_figure(posted, {today - timedelta(days=1)}, today, ChartLabels(
        title="最近 16 周", weekdays=["一", "二", "三", "四", "五", "六", "日"]))  # fmt: skip
    (mesh,) = figure.axes[0].collections
    values = mesh.get_array()
    assert values is not None
    cells = np.ma.masked_invalid(np.ma.getdata(values))
    assert int(cells.count()) == 16 * 7 - 4  # future days of this week are blank
    assert int((cells == 1).sum()) == 1  # one rest day, its own colour
    check_png(png(figure), tmp_path, "calendar.png")


def test_the_calendar_tells_rested_from_frozen_days() -> None:
    today = date(2026, 6, 10)
    rested, frozen = today - timedelta(days=1), today - timedelta(days=2)
    figure = calendar_figure({}, {rested}, today, ChartLabels(title="x"), frozenset({frozen}))
    (mesh,) = figure.axes[0].collections
    values = mesh.get_array()
    assert values is not None
    cells = np.ma.getdata(values)
    assert sorted({float(v) for v in cells.flatten() if v == v}) == [0.0, 1.0, 5.0]


def test_the_chinese_font_is_found() -> None:
    assert families().regular[0] == "Noto Sans CJK SC"
