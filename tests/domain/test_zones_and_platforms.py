from __future__ import annotations

import pytest

from bot.domain.platforms import PLATFORMS, resolve_platform
from bot.domain.timezones import COMMON_ZONES, TimezoneError, parse_timezone, zone


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asia/Shanghai", "Asia/Shanghai"),
        ("asia/shanghai", "Asia/Shanghai"),
        ("Berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("北京", "Asia/Shanghai"),
        ("UTC+8", "UTC+08:00"),
        ("utc-3", "UTC-03:00"),
        ("GMT+5:30", "UTC+05:30"),
        ("+05:45", "UTC+05:45"),
        ("UTC", "UTC"),
        ("UTC+14", "UTC+14:00"),
        ("UTC-12", "UTC-12:00"),
    ],
)
def test_parse_timezone(text: str, name: str) -> None:
    assert parse_timezone(text).name == name


@pytest.mark.parametrize(
    "text", ["Mars/Olympus", "UTC+15", "UTC-13", "+25:00", "", "x" * 5000, "'; DROP TABLE users"]
)
def test_parse_timezone_refuses(text: str) -> None:
    with pytest.raises(TimezoneError):
        parse_timezone(text)


def test_every_common_zone_and_offset_zone_resolves() -> None:
    for name in COMMON_ZONES:
        assert zone(name).name == name
    assert zone("UTC+05:30").tz.utcoffset(None) is not None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("TikTok", "tiktok"),
        ("XHS", "xiaohongshu"),
        ("RedNote", "xiaohongshu"),
        ("小红书", "xiaohongshu"),
        ("快手", "kuaishou"),
        ("WeChat-Channels", "wechat-channels"),
        ("视频号", "wechat-channels"),
        ("yt", "youtube"),
        ("IG", "instagram"),
        ("B站", "bilibili"),
        ("微博", "weibo"),
        ("twitter", "x"),
        ("头条", "toutiao"),
        ("facebook", "facebook"),
        ("threads", "threads"),
        ("linkedin", "linkedin"),
        ("other", "other"),
    ],
)
def test_resolve_platform(text: str, key: str) -> None:
    found = resolve_platform(text)
    assert found is not None
    assert found.key == key


def test_unknown_platforms() -> None:
    assert resolve_platform("myspace") is None
    assert resolve_platform("t" * 5000) is None
    assert len({p.key for p in PLATFORMS}) == 15
