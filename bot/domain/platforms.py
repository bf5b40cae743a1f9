"""The canonical platform list and every alias users type for each (case-insensitive, 中文 too)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Platform:
    key: str
    name_en: str
    name_zh: str
    aliases: tuple[str, ...] = ()
    # Where a handle becomes a tappable profile link; None where handles are not URL-able.
    profile_url: str | None = None

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


PLATFORMS: tuple[Platform, ...] = (
    Platform("tiktok", "TikTok", "TikTok", (), "https://www.tiktok.com/@{handle}"),
    Platform("douyin", "Douyin", "抖音", ("抖音",)),
    Platform("xiaohongshu", "Xiaohongshu", "小红书", ("xhs", "rednote", "red", "小红书")),
    Platform("kuaishou", "Kuaishou", "快手", ("快手",)),
    Platform(
        "wechat-channels",
        "WeChat Channels",
        "视频号",
        ("channels", "视频号", "wechat", "weixin", "微信视频号"),
    ),
    Platform("youtube", "YouTube", "YouTube", ("yt", "油管"), "https://www.youtube.com/@{handle}"),
    Platform(
        "instagram", "Instagram", "Instagram", ("ig", "insta"), "https://www.instagram.com/{handle}"
    ),
    Platform("bilibili", "Bilibili", "B站", ("b站", "bili", "哔哩哔哩")),
    Platform("weibo", "Weibo", "微博", ("微博",)),
    Platform("x", "X", "X", ("twitter", "推特"), "https://x.com/{handle}"),
    Platform("toutiao", "Toutiao", "头条", ("头条", "今日头条")),
    Platform("facebook", "Facebook", "Facebook", ("fb",), "https://www.facebook.com/{handle}"),
    Platform("threads", "Threads", "Threads", (), "https://www.threads.net/@{handle}"),
    Platform("linkedin", "LinkedIn", "LinkedIn", ("领英",), "https://www.linkedin.com/in/{handle}"),
    Platform("other", "Other", "其他", ("其他", "其它")),
)

BY_KEY: dict[str, Platform] = {p.key: p for p in PLATFORMS}


def _squash(text: str) -> str:
    return re.sub(r"[\s_\-.]+", "", text.casefold())


_ALIASES: dict[str, Platform] = {}
for _platform in PLATFORMS:
    for _name in (_platform.key, _platform.name_en, _platform.name_zh, *_platform.aliases):
        _ALIASES[_squash(_name)] = _platform


def resolve_platform(text: str) -> Platform | None:
    """The platform a user meant, or None. `WeChat-Channels`, `小红书` and `XHS` all resolve."""
    if len(text) > 40:
        return None
    return _ALIASES.get(_squash(text))


def platform(key: str) -> Platform:
    """The Platform for a stored key."""
    return BY_KEY[key]
